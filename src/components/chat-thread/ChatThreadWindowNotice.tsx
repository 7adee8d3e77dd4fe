import { cn } from '../internal/cn';
import { useChatThreadContext } from './ChatThreadContext';
import { useMessages } from './messages';

const minute = 60 * 1000;
const hour = 60 * minute;

/**
 * The composer's line about the reply window: its countdown ("Window closes in 3 h 12 min"), or
 * why it is closed with "Send template" (the template panel, or the Root's `onSendTemplate`).
 * `id` names the line for the textbox's `aria-describedby`.
 */
export function ChatThreadWindowNotice({ id, unstyled }: { id: string; unstyled: boolean }) {
  const { thread, onSendTemplate, setTemplatePanelOpen, sendTemplateFocusRef } = useChatThreadContext('ChatThread.Composer');
  const { t } = useMessages();
  const { replyWindow } = thread;
  const styled = !unstyled;
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
  return (
    <>
      <p
        id={id}
        data-slot="chat-thread-window"
        data-state={replyWindow.state}
        className={cn(styled && 'reachout-chat-thread__window')}
      >
        {windowText}
      </p>
      {/* The panel finds the contact (its number) and the business number from the messages. */}
      {replyWindow.state === 'closed' && (onSendTemplate || thread.contactId !== null) ? (
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
    </>
  );
}
