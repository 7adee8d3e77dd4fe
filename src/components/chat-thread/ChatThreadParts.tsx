import { forwardRef, memo, useCallback, useEffect, useId, useMemo, useRef } from 'react';
import { usePart } from './ChatThreadContext';
import type { ChatThreadPartOptions } from './ChatThreadContext';
import type { ComponentPropsWithoutRef, KeyboardEvent, ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatWhatsAppText } from '../../core/template';
import type { Message } from '../../core/types';
import { useMessages } from './messages';
import { cn } from '../internal/cn';
import { useIsomorphicLayoutEffect } from '../internal/useIsomorphicLayoutEffect';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { FormattedText, TemplatePreviewBody, TemplatePreviewBubble } from '../template-preview';
import type { ChatThreadOutgoing, ChatThreadRow } from './useChatThread';

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

function CheckIcon({ double }: { double: boolean }) {
  return (
    <svg viewBox="0 0 18 12" width="16" height="11" aria-hidden="true" focusable="false">
      <path d="M1 6.5l3.5 3.5L11 2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      {double ? <path d="M7.5 10l1 0L16 2" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" /> : null}
    </svg>
  );
}

function ClockIcon() {
  return (
    <svg viewBox="0 0 12 12" width="11" height="11" aria-hidden="true" focusable="false">
      <circle cx="6" cy="6" r="5" fill="none" stroke="currentColor" strokeWidth="1.3" />
      <path d="M6 3v3.2l2 1.3" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  );
}

export interface ChatThreadDeliveryMarkProps extends ComponentPropsWithoutRef<'span'>, ChatThreadPartOptions {
  /** The outbound message whose delivery this marks. */
  message: Pick<Message, 'status' | 'failureReason'>;
}

/**
 * The delivery mark of an outbound message: a clock while sending, one tick sent, two
 * delivered, two coloured read, "!" failed; each with its text alternative ("Sent", ...,
 * "Failed: <reason>").
 */
export const ChatThreadDeliveryMark = forwardRef<HTMLSpanElement, ChatThreadDeliveryMarkProps>(function ChatThreadDeliveryMark(
  { message, unstyled, className, ...props },
  ref,
) {
  const { t } = useMessages();
  const { status } = message;
  if (status === null) return null;
  const label =
    status === 'failed' && message.failureReason
      ? t('chatThread.status.failedReason', { reason: message.failureReason })
      : t(`chatThread.status.${status}`);
  let icon: ReactNode;
  switch (status) {
    case 'pending':
      icon = <ClockIcon />;
      break;
    case 'sent':
      icon = <CheckIcon double={false} />;
      break;
    case 'delivered':
    case 'read':
      icon = <CheckIcon double />;
      break;
    case 'failed':
      icon = <span aria-hidden="true">!</span>;
      break;
    default:
      icon = status satisfies never;
  }
  return (
    <span
      ref={ref}
      data-slot="chat-thread-delivery-mark"
      data-status={status}
      className={cn(!unstyled && 'reachout-chat-thread__mark', className)}
      {...props}
    >
      {icon}
      <VisuallyHidden>{label}</VisuallyHidden>
    </span>
  );
});

export interface ChatThreadMessageProps extends ComponentPropsWithoutRef<'div'>, ChatThreadPartOptions {
  message: Message;
  /** Set while this thread sends the message, or after it failed (then Retry and Discard show). */
  outgoing?: ChatThreadOutgoing | null;
  onRetry?: (idempotencyKey: string) => void;
  onDiscard?: (idempotencyKey: string) => void;
}

/**
 * One message: inbound at the start edge, outbound at the end; a template (the notification)
 * as TemplatePreview's bubble; the time, the delivery mark, and Retry for a failed send.
 */
export const ChatThreadMessage = forwardRef<HTMLDivElement, ChatThreadMessageProps>(function ChatThreadMessage(
  { message, outgoing = null, onRetry, onDiscard, unstyled, className, ...props },
  ref,
) {
  const { t, formatDate } = useMessages();
  const styled = !unstyled;
  const nodes = useMemo(() => formatWhatsAppText(message.text), [message.text]);
  const author =
    message.direction === 'inbound' ? t('chatThread.customer') : (message.author?.name ?? t('chatThread.you'));
  const meta = (
    <span data-slot="chat-thread-meta" className={cn(styled && 'reachout-chat-thread__meta')}>
      <time dateTime={message.at}>{formatDate(message.at, { timeStyle: 'short' })}</time>
      {message.direction === 'outbound' ? <ChatThreadDeliveryMark message={message} unstyled={unstyled} /> : null}
    </span>
  );
  return (
    <div
      ref={ref}
      data-slot="chat-thread-message"
      data-message-id={message.id}
      data-direction={message.direction}
      data-kind={message.kind}
      data-status={message.status ?? undefined}
      className={cn(styled && 'reachout-chat-thread__message', className)}
      {...props}
    >
      <VisuallyHidden>{`${author}: `}</VisuallyHidden>
      {message.kind === 'template' ? (
        <TemplatePreviewBubble unstyled={unstyled} className={cn(styled && 'reachout-chat-thread__template')}>
          <span data-slot="chat-thread-template-tag" className={cn(styled && 'reachout-chat-thread__tag')}>
            {t('chatThread.template')}
          </span>
          <TemplatePreviewBody nodes={nodes} unstyled={unstyled} />
          {meta}
        </TemplatePreviewBubble>
      ) : (
        <div data-slot="chat-thread-bubble" dir="auto" className={cn(styled && 'reachout-chat-thread__bubble')}>
          <span className={cn(styled && 'reachout-chat-thread__text')}>
            <FormattedText nodes={nodes} />
          </span>
          {meta}
        </div>
      )}
      {outgoing?.status === 'failed' ? (
        <div data-slot="chat-thread-failed-actions" className={cn(styled && 'reachout-chat-thread__failed-actions')}>
          <span role="alert">{message.failureReason ?? t('chatThread.status.failed')}</span>
          <button type="button" onClick={() => onRetry?.(outgoing.idempotencyKey)}>
            {t('chatThread.retry')}
          </button>
          {outgoing.messageId === null ? (
            <button type="button" onClick={() => onDiscard?.(outgoing.idempotencyKey)}>
              {t('chatThread.discard')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});

export interface ChatThreadDaySeparatorProps extends ComponentPropsWithoutRef<'div'>, ChatThreadPartOptions {
  date: Date;
  /**
   * The clock deciding "Today" and "Yesterday".
   * @default () => new Date()
   */
  now?: () => Date;
}

function sameDay(left: Date, right: Date): boolean {
  return left.getFullYear() === right.getFullYear() && left.getMonth() === right.getMonth() && left.getDate() === right.getDate();
}

/** "Today", "Yesterday", or the date in the locale, between the messages of two days. */
export const ChatThreadDaySeparator = forwardRef<HTMLDivElement, ChatThreadDaySeparatorProps>(function ChatThreadDaySeparator(
  { date, now, unstyled, className, ...props },
  ref,
) {
  const { t, formatDate } = useMessages();
  const today = (now ?? (() => new Date()))();
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  const label = sameDay(date, today)
    ? t('chatThread.today')
    : sameDay(date, yesterday)
      ? t('chatThread.yesterday')
      : formatDate(date, { dateStyle: 'long' });
  return (
    <div
      ref={ref}
      data-slot="chat-thread-day"
      className={cn(!unstyled && 'reachout-chat-thread__day', className)}
      {...props}
    >
      <span>{label}</span>
    </div>
  );
});

/** How close to the bottom (px) still counts as "at the bottom", following new messages. */
const bottomSlack = 48;
/** How close to the top (px) starts loading older messages. */
const topSlack = 320;

interface VirtualRowsProps {
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
const VirtualRows = memo(function VirtualRows({
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
  // eslint-disable-next-line react-hooks/incompatible-library
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

export interface ChatThreadMessagesProps extends ComponentPropsWithoutRef<'div'>, ChatThreadPartOptions {}

/**
 * The conversation: a `log` of messages, newest at the bottom, virtualized; older pages load
 * when it is scrolled to its top (the view stays put), and new messages are followed when the
 * person is at the bottom. Shows loading, empty, error and "not offered" states in its place.
 */
export const ChatThreadMessages = forwardRef<HTMLDivElement, ChatThreadMessagesProps>(function ChatThreadMessages(
  { unstyled, className, ...props },
  ref,
) {
  const { thread, now, styled, className: partClassName } = usePart('Messages', 'reachout-chat-thread__body', unstyled, className);
  const { t, errorMessage } = useMessages();
  let content: ReactNode;
  switch (thread.status) {
    case 'unsupported':
      content = <p className={cn(styled && 'reachout-chat-thread__note')}>{t('chatThread.unsupported')}</p>;
      break;
    case 'loading':
      content = (
        <p role="status" className={cn(styled && 'reachout-chat-thread__note')}>
          {t('chatThread.loading')}
        </p>
      );
      break;
    case 'error':
      content = (
        <div role="alert" className={cn(styled && 'reachout-chat-thread__note')}>
          <p>
            <strong>{t('chatThread.error.title')}</strong> {errorMessage(thread.error)}
          </p>
          <button type="button" onClick={() => void thread.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      );
      break;
    case 'empty':
      content = <p className={cn(styled && 'reachout-chat-thread__note')}>{t('chatThread.empty')}</p>;
      break;
    case 'ready':
      content = (
        <VirtualRows
          rows={thread.rows}
          hasOlder={thread.hasOlder}
          isLoadingOlder={thread.isLoadingOlder}
          loadOlder={thread.loadOlder}
          retry={thread.retry}
          discard={thread.discard}
          unstyled={!styled}
          label={t('chatThread.label')}
          loadingOlderLabel={t('chatThread.loadingOlder')}
          now={now}
        />
      );
      break;
    default:
      content = thread.status satisfies never;
  }
  return (
    <div ref={ref} data-slot="chat-thread-body" data-state={thread.status} className={partClassName} {...props}>
      {content}
    </div>
  );
});

// ---------------------------------------------------------------------------------------------
// Composer
// ---------------------------------------------------------------------------------------------

const minute = 60 * 1000;
const hour = 60 * minute;
/** The counter shows from this many characters left. */
const counterThreshold = 200;

export interface ChatThreadComposerProps extends ComponentPropsWithoutRef<'form'>, ChatThreadPartOptions {}

/**
 * The "Message" box and "Send", enabled only while the reply window is open, with its
 * countdown ("Window closes in 3 h 12 min") and a counter near the 4,096-character limit.
 * Enter sends, Shift+Enter adds a line. When the window is closed it explains why and offers
 * "Send template" (the template panel, or the Root's `onSendTemplate`); a provider without
 * `sendMessage` gets a note instead. Hidden while the template panel is open.
 */
export const ChatThreadComposer = forwardRef<HTMLFormElement, ChatThreadComposerProps>(function ChatThreadComposer(
  { unstyled, className, onSubmit, ...props },
  ref,
) {
  const { thread, styled, onSendTemplate, isTemplatePanelOpen, setTemplatePanelOpen, sendTemplateFocusRef, className: partClassName } = usePart(
    'Composer',
    'reachout-chat-thread__composer',
    unstyled,
    className,
  );
  const { t } = useMessages();
  const hintId = useId();
  const counterId = useId();
  const { replyWindow, draft, draftLength, maxLength } = thread;

  if (thread.status === 'unsupported' || isTemplatePanelOpen) return null;
  if (!thread.canSendMessages) {
    return (
      <p data-slot="chat-thread-read-only" className={cn(styled && 'reachout-chat-thread__note')}>
        {t('chatThread.readOnly')}
      </p>
    );
  }

  const remaining = maxLength - draftLength;
  const tooLong = remaining < 0;
  const canSubmit = thread.canReply && draft.trim() !== '' && !tooLong;
  let windowText: string;
  if (replyWindow.state === 'open') {
    const { remainingMs } = replyWindow;
    windowText =
      remainingMs >= hour
        ? t('chatThread.window.closesInHours', { hours: Math.floor(remainingMs / hour), minutes: Math.floor((remainingMs % hour) / minute) })
        : remainingMs > minute
          ? t('chatThread.window.closesInMinutes', { minutes: Math.floor(remainingMs / minute) })
          : t('chatThread.window.closesInSeconds', { seconds: Math.ceil(remainingMs / 1000) });
  } else {
    windowText = replyWindow.closedAt === null ? t('chatThread.window.waiting') : t('chatThread.window.closed');
  }

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    thread.send();
  };

  return (
    <form
      ref={ref}
      data-slot="chat-thread-composer"
      data-window={replyWindow.state}
      className={partClassName}
      onSubmit={(event) => {
        onSubmit?.(event);
        if (event.defaultPrevented) return;
        event.preventDefault();
        thread.send();
      }}
      {...props}
    >
      <p
        id={hintId}
        data-slot="chat-thread-window"
        data-state={replyWindow.state}
        className={cn(styled && 'reachout-chat-thread__window')}
      >
        {windowText}
      </p>
      {replyWindow.state === 'closed' ? (
        <button
          type="button"
          data-slot="chat-thread-send-template"
          ref={(node) => {
            if (node && sendTemplateFocusRef.current) {
              sendTemplateFocusRef.current = false;
              node.focus();
            }
          }}
          className={cn(styled && 'reachout-chat-thread__send-template')}
          onClick={onSendTemplate ?? (() => setTemplatePanelOpen(true))}
        >
          {t('chatThread.sendTemplate')}
        </button>
      ) : null}
      <div className={cn(styled && 'reachout-chat-thread__row')}>
        <textarea
          aria-label={t('chatThread.composer.label')}
          aria-describedby={`${hintId} ${counterId}`}
          aria-invalid={tooLong || undefined}
          placeholder={thread.canReply ? t('chatThread.composer.placeholder') : undefined}
          rows={1}
          value={draft}
          disabled={!thread.canReply}
          onChange={(event) => thread.setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          className={cn(styled && 'reachout-chat-thread__input')}
        />
        <button type="submit" disabled={!canSubmit} className={cn(styled && 'reachout-chat-thread__send')}>
          {t('chatThread.composer.send')}
        </button>
      </div>
      <p id={counterId} aria-live="polite" data-slot="chat-thread-counter" data-invalid={tooLong ? '' : undefined} className={cn(styled && 'reachout-chat-thread__counter')}>
        {remaining <= counterThreshold
          ? tooLong
            ? t('chatThread.composer.tooLong', { count: -remaining })
            : t('chatThread.composer.remaining', { count: remaining })
          : null}
      </p>
    </form>
  );
});
