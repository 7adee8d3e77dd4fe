import { memo, useCallback, useEffect, useRef } from 'react';
import type { Key, KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { VirtualItem } from '@tanstack/react-virtual';
import { cn } from '../internal/cn';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect';
import { ChatThreadDaySeparator, ChatThreadMessage } from './ChatThreadMessage';
import type { ChatThreadRow } from './useChatThread';

/** How close to the bottom (px) still counts as "at the bottom", following new messages. */
const bottomSlack = 48;
/** How close to the top (px) starts loading older messages. */
const topSlack = 320;

export interface VirtualRowsProps {
  rows: ChatThreadRow[];
  hasOlder: boolean;
  isLoadingOlder: boolean;
  loadOlder: () => void;
  retry: (idempotencyKey: string) => void;
  discard: (idempotencyKey: string) => void;
  unstyled: boolean;
  label: string;
  loadingOlderLabel: string;
  now: (() => Date) | undefined;
}

/**
 * The virtualized rows, newest at the bottom. Memoized apart from the Root: a keystroke in
 * the composer re-renders the Root, not the rows.
 */
export const VirtualRows = memo(function VirtualRows({
  rows,
  hasOlder,
  isLoadingOlder,
  loadOlder,
  retry,
  discard,
  unstyled,
  label,
  loadingOlderLabel,
  now,
}: VirtualRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  // The React Compiler skips this component (TanStack Virtual mutates its instance); it is
  // memoized by hand instead.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.type === 'day' ? 40 : 72),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
  });
  const rowsRef = useRef(rows);
  useIsomorphicLayoutEffect(() => {
    rowsRef.current = rows;
  }, [rows]);
  // Whether the view follows the newest message, and the rows' keys at the ends.
  const position = useRef({ atBottom: true, firstKey: null as string | null, lastKey: null as string | null });
  // The row at the top of the view and how far below the view's top it starts (px): the view
  // is put back on it whatever changes above (older pages, the loading line, rows measured).
  const anchor = useRef<{ key: Key; index: number; offset: number } | null>(null);
  // The scrollTop the anchor was taken or put back at: another one means the person scrolled.
  const anchoredScrollTop = useRef<number | null>(null);

  /** Where the rows start inside the scrolled content (below the loading line and padding). */
  const listTop = (element: HTMLElement, list: HTMLElement) =>
    list.getBoundingClientRect().top - element.getBoundingClientRect().top + element.scrollTop;

  // Both read the virtualizer's layout (what is rendered, or about to be), not the DOM rows:
  // rows outside the rendered range have no element, and rendered ones may not be placed yet.
  const captureAnchor = useCallback(
    (element: HTMLElement) => {
      const list = listRef.current;
      if (!list) return;
      const top = element.scrollTop - listTop(element, list);
      const items = virtualizer.measurementsCache;
      let low = 0;
      let high = items.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((items[middle] as VirtualItem).end <= top) low = middle + 1;
        else high = middle;
      }
      // A day separator is no anchor: older messages of its day keep its key, and it moves above them.
      while (low < items.length - 1 && rowsRef.current[low]?.type === 'day') low += 1;
      const item = items[low];
      anchor.current = item ? { key: item.key, index: item.index, offset: item.start - top } : null;
      anchoredScrollTop.current = element.scrollTop;
    },
    [virtualizer],
  );
  const restoreAnchor = (element: HTMLElement) => {
    const saved = anchor.current;
    const list = listRef.current;
    if (!saved || !list) return;
    const items = virtualizer.measurementsCache;
    const item = items[saved.index]?.key === saved.key ? items[saved.index] : items.find((candidate) => candidate.key === saved.key);
    if (!item) return;
    const target = listTop(element, list) + item.start - saved.offset;
    if (Math.abs(element.scrollTop - target) >= 1) element.scrollTop = target;
    anchor.current = { ...saved, index: item.index };
    anchoredScrollTop.current = element.scrollTop;
  };

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    position.current.atBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= bottomSlack;
    captureAnchor(element);
    if (element.scrollTop <= topSlack && hasOlder && !isLoadingOlder) loadOlder();
  }, [captureAnchor, hasOlder, isLoadingOlder, loadOlder]);

  // The first message, not the first row: older messages of the same day keep its separator's key.
  const firstKey = rows.find((row) => row.type === 'message')?.key ?? null;
  const lastKey = rows.at(-1)?.key ?? null;
  useIsomorphicLayoutEffect(() => {
    const element = scrollRef.current;
    const previous = position.current;
    if (!element) return;
    if (previous.lastKey === null && lastKey !== null) {
      // First paint: the newest messages.
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    } else if (lastKey !== previous.lastKey && previous.atBottom) {
      // A new message while the person reads the newest ones: follow it.
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    }
    previous.firstKey = firstKey;
    previous.lastKey = lastKey;
  }, [firstKey, lastKey]);

  // After every render (older rows added above, the loading line shown or gone, rows measured
  // at their real height): the anchored row goes back to where the person saw it. A scrollTop
  // changed by someone else (the person, or TanStack keeping the view on a remeasured row
  // above) is the new place to keep instead.
  useIsomorphicLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || position.current.atBottom) return;
    if (anchoredScrollTop.current !== element.scrollTop) captureAnchor(element);
    else restoreAnchor(element);
  });

  // A first page shorter than the view leaves nothing to scroll: load older ones until it fills.
  useEffect(() => {
    const element = scrollRef.current;
    if (element && hasOlder && !isLoadingOlder && element.scrollHeight <= element.clientHeight + topSlack) loadOlder();
  }, [rows.length, hasOlder, isLoadingOlder, loadOlder]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Home and End jump through the whole history, not just the rendered rows.
    if (event.key === 'End' && event.target === event.currentTarget) {
      event.preventDefault();
      virtualizer.scrollToIndex(rows.length - 1, { align: 'end' });
    }
  };

  return (
    // A log is a scrollable region: it takes focus so the history scrolls by keyboard too
    // (arrows, Page Up/Down, End), as axe's scrollable-region-focusable asks.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={scrollRef}
      role="log"
      aria-label={label}
      aria-busy={isLoadingOlder || undefined}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      onScroll={onScroll}
      onKeyDown={onKeyDown}
      data-slot="chat-thread-messages"
      // The rows keep their own anchor (above): the browser's would move the view as well.
      style={{ overflowAnchor: 'none' }}
      className={cn(!unstyled && 'reachout-chat-thread__messages')}
    >
      {isLoadingOlder ? (
        <div data-slot="chat-thread-loading-older" className={cn(!unstyled && 'reachout-chat-thread__loading-older')}>
          {loadingOlderLabel}
        </div>
      ) : null}
      <div ref={listRef} style={{ position: 'relative', blockSize: virtualizer.getTotalSize(), inlineSize: '100%' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              ref={virtualizer.measureElement}
              data-index={item.index}
              style={{ position: 'absolute', insetInlineStart: 0, top: 0, inlineSize: '100%', transform: `translateY(${item.start}px)` }}
            >
              {row.type === 'day' ? (
                <ChatThreadDaySeparator date={row.date} now={now} unstyled={unstyled} />
              ) : (
                <ChatThreadMessage message={row.message} outgoing={row.outgoing} onRetry={retry} onDiscard={discard} unstyled={unstyled} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
