import { forwardRef } from 'react';
import { ChatsTabEmpty, ChatsTabError, ChatsTabList, ChatsTabLoadMore, ChatsTabReplyWindow, ChatsTabRoot } from './ChatsTabParts';
import type { ChatsTabRootProps } from './ChatsTabParts';

export type ChatsTabProps = Omit<ChatsTabRootProps, 'children'>;

const ChatsTabAssembly = forwardRef<HTMLDivElement, ChatsTabProps>(function ChatsTab(props, ref) {
  return (
    <ChatsTabRoot ref={ref} {...props}>
      <ChatsTabList />
      <ChatsTabEmpty />
      <ChatsTabError />
      <ChatsTabLoadMore />
    </ChatsTabRoot>
  );
});

/**
 * A contact's chats with status and assignee, and each chat's WhatsApp 24-hour window:
 * locked ("waiting for the customer to reply") until an inbound message opens it, then "you
 * can reply until <time>" with a live countdown, locked again when it closes. Updated live;
 * `onOpenChat(chat)` behind each "Open chat" button. Parts: `ChatsTab.Root`, `.List`,
 * `.ReplyWindow`, `.Empty`, `.Error`, `.LoadMore`; `useChatsTab` and `useReplyWindow` headless.
 *
 * @example
 * <ChatsTab contactId={contact.id} onOpenChat={(chat) => openConversation(chat.id)} />
 */
export const ChatsTab = Object.assign(ChatsTabAssembly, {
  Root: ChatsTabRoot,
  List: ChatsTabList,
  ReplyWindow: ChatsTabReplyWindow,
  Empty: ChatsTabEmpty,
  Error: ChatsTabError,
  LoadMore: ChatsTabLoadMore,
});
