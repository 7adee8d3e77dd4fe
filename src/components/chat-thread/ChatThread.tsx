import { forwardRef } from 'react';
import { ChatThreadRoot } from './ChatThreadContext';
import type { ChatThreadRootProps } from './ChatThreadContext';
import { ChatThreadComposer } from './ChatThreadComposer';
import { ChatThreadDaySeparator, ChatThreadDeliveryMark, ChatThreadMessage } from './ChatThreadMessage';
import { ChatThreadMessages } from './ChatThreadMessages';
import { ChatThreadTemplatePanel } from './ChatThreadTemplatePanel';

export type ChatThreadProps = Omit<ChatThreadRootProps, 'children'>;

const ChatThreadAssembly = forwardRef<HTMLDivElement, ChatThreadProps>(function ChatThread(props, ref) {
  return (
    <ChatThreadRoot ref={ref} {...props}>
      <ChatThreadMessages />
      <ChatThreadTemplatePanel />
      <ChatThreadComposer />
    </ChatThreadRoot>
  );
});

/**
 * A chat's conversation: the notification (as its template bubble) and every message after
 * it, newest at the bottom, older ones loading as the person scrolls back (virtualized, so
 * 10,000 messages stay smooth), day separators, delivery marks, all updated live. Below, the
 * "Message" box and "Send", enabled only within WhatsApp's 24-hour window, with its countdown;
 * sends show at once and turn sent or failed (Retry reuses the idempotency key). When the
 * window is closed, "Send template" opens the template and content steps in place of the
 * composer (or calls `onSendTemplate`, for a host with its own flow). Fills the height its host
 * gives it. Parts: `ChatThread.Root`, `.Messages`, `.Message`, `.DaySeparator`,
 * `.DeliveryMark`, `.TemplatePanel`, `.Composer`; `useChatThread` headless.
 *
 * @example
 * <div style={{ height: 600 }}>
 *   <ChatThread chatId={chat.id} />
 * </div>
 */
export const ChatThread = Object.assign(ChatThreadAssembly, {
  Root: ChatThreadRoot,
  Messages: ChatThreadMessages,
  Message: ChatThreadMessage,
  DaySeparator: ChatThreadDaySeparator,
  DeliveryMark: ChatThreadDeliveryMark,
  TemplatePanel: ChatThreadTemplatePanel,
  Composer: ChatThreadComposer,
});
