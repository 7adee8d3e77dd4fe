import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { cn } from '../internal/cn';
import { usePart } from './ChatThreadContext';
import type { ChatThreadPartOptions } from './ChatThreadContext';
import { VirtualRows } from './ChatThreadVirtualRows';
import { useMessages } from './messages';

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
