import { useState } from 'react';
import type { ReachoutError } from '../../core/errors';
import type { TimelineEvent } from '../../core/types';
import { useTimeline } from '../../data/useTimeline';
import { usePagedListStatus } from '../internal/usePagedListStatus';

/** What the timeline shows: a loading line, the events, or a panel when there are none. */
export type ContactTimelineStatus = 'loading' | 'ready' | 'empty' | 'error';

export interface UseContactTimelineOptions {
  /** Whose timeline to show. */
  contactId: string;
  /**
   * Events per request; "Load more" asks for the next page by cursor.
   * @default 20
   */
  pageSize?: number;
}

export interface UseContactTimelineResult {
  /** What to show. */
  status: ContactTimelineStatus;
  /** The loaded events, newest first; live events are prepended. */
  events: readonly TimelineEvent[];
  /** The newest event that arrived while the timeline was shown, for a polite announcement. */
  latestLiveEvent: TimelineEvent | null;
  /** Why loading failed; `null` when it did not. */
  error: ReachoutError | null;
  /** More (older) events can be loaded. */
  hasNextPage: boolean;
  /** The next page is on its way. */
  isFetchingNextPage: boolean;
  /** Loads the next page (by the provider's cursor). */
  loadMore: () => void;
  /** Tries again after a failure: the next page when some events loaded, else the first. */
  retry: () => void;
}

/**
 * A contact's timeline without markup: its events newest first (paged by cursor, prepended
 * live from `timeline.added`), the event that just arrived (to announce), and the loading,
 * empty and error states. `ContactTimeline` renders exactly this.
 *
 * @example
 * const timeline = useContactTimeline({ contactId });
 * return <ol>{timeline.events.map((event) => <li key={event.id}>{event.text}</li>)}</ol>;
 */
export function useContactTimeline(options: UseContactTimelineOptions): UseContactTimelineResult {
  const query = useTimeline(
    options.contactId,
    { limit: options.pageSize ?? 20 },
  );
  const { events, error, hasNextPage, isFetchingNextPage } = query;
  const newest = events[0] ?? null;
  // Adjusted during render (React's documented pattern), so the announcement lands in the
  // same commit as the event: a change of newest event after the first load is a live one.
  // Another contact's first page is not news.
  const [seen, setSeen] = useState<{ contactId: string; newestId: string } | null>(null);
  const [latestLiveEvent, setLatestLiveEvent] = useState<TimelineEvent | null>(null);
  if (newest !== null && (seen?.contactId !== options.contactId || seen.newestId !== newest.id)) {
    setSeen({ contactId: options.contactId, newestId: newest.id });
    setLatestLiveEvent(seen?.contactId === options.contactId ? newest : null);
  }

  const { status, loadMore, retry } = usePagedListStatus(query, events.length);

  return { status, events, latestLiveEvent, error, hasNextPage, isFetchingNextPage, loadMore, retry };
}
