import type { TimelineEvent } from '../core/types';
import { callProvider } from './internal/callProvider';
import { checkPage } from './internal/checks';
import { useReachoutContext } from './internal/context';
import { usePagedQuery } from './internal/queryResults';
import { reachoutKeys } from './reachoutKeys';
import type { ReachoutPagedQueryState } from './types';

export interface UseTimelineOptions {
  /**
   * Events per page.
   * @default 20
   */
  limit?: number;
}

export interface UseTimelineResult extends ReachoutPagedQueryState {
  /** The contact's timeline events of the loaded pages, newest first. */
  events: TimelineEvent[];
}

/**
 * A contact's timeline, page by page, newest first; `timeline.added` events are prepended live.
 *
 * @example
 * const { events, hasNextPage, fetchNextPage } = useTimeline(contactId);
 */
export function useTimeline(contactId: string | null | undefined, options: UseTimelineOptions = {}): UseTimelineResult {
  const { dataProvider, queryClient } = useReachoutContext('useTimeline');
  const id = contactId ?? '';
  const limit = options.limit ?? 20;
  const { items, ...state } = usePagedQuery<TimelineEvent>({
    queryClient,
    queryKey: reachoutKeys.timeline(id),
    enabled: id !== '',
    fetchPage: (cursor, signal) =>
      callProvider(
        'listTimeline',
        signal,
        () => dataProvider.listTimeline({ contactId: id, cursor, limit }, { signal }),
        checkPage,
      ),
  });
  return { ...state, events: items };
}
