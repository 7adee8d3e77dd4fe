import { forwardRef, useMemo } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { formatWhatsAppText } from '../../core/template';
import type { Message } from '../../core/types';
import { cn } from '../internal/cn';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { FormattedText, TemplatePreviewBody, TemplatePreviewBubble } from '../template-preview';
import type { ChatThreadPartOptions } from './ChatThreadContext';
import { useMessages } from './messages';
import type { ChatThreadOutgoing } from './useChatThread';

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
