import { memo, useCallback, useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
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
  // The React Compiler skips this component (TanStack Virtual mutates its instance); it is
  // memoized by hand instead.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => (rows[index]?.type === 'day' ? 40 : 72),
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 6,
  });
  // Where the view was, from the bottom, and whether it followed the newest message.
  const position = useRef({ fromBottom: 0, atBottom: true, firstKey: null as string | null, lastKey: null as string | null });

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const fromBottom = element.scrollHeight - element.scrollTop - element.clientHeight;
    position.current.fromBottom = element.scrollHeight - element.scrollTop;
    position.current.atBottom = fromBottom <= bottomSlack;
    if (element.scrollTop <= topSlack && hasOlder && !isLoadingOlder) loadOlder();
  }, [hasOlder, isLoadingOlder, loadOlder]);

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
    } else if (firstKey !== previous.firstKey && previous.firstKey !== null) {
      // Older messages above: keep the same message under the eyes.
      element.scrollTop = element.scrollHeight - previous.fromBottom;
    }
    previous.firstKey = firstKey;
    previous.lastKey = lastKey;
    previous.fromBottom = element.scrollHeight - element.scrollTop;
  }, [firstKey, lastKey]);

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
      className={cn(!unstyled && 'reachout-chat-thread__messages')}
    >
      {isLoadingOlder ? (
        <div data-slot="chat-thread-loading-older" className={cn(!unstyled && 'reachout-chat-thread__loading-older')}>
          {loadingOlderLabel}
        </div>
      ) : null}
      <div style={{ position: 'relative', blockSize: virtualizer.getTotalSize(), inlineSize: '100%' }}>
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
