export { ChatsTab } from './ChatsTab';
export type { ChatsTabProps } from './ChatsTab';
export {
  ChatsTabEmpty,
  ChatsTabError,
  ChatsTabList,
  ChatsTabLoadMore,
  ChatsTabReplyWindow,
  ChatsTabRoot,
  useChatsTabContext,
} from './ChatsTabParts';
export type {
  ChatsTabContextValue,
  ChatsTabEmptyProps,
  ChatsTabErrorProps,
  ChatsTabListProps,
  ChatsTabLoadMoreProps,
  ChatsTabReplyWindowProps,
  ChatsTabRootProps,
} from './ChatsTabParts';
export { useChatsTab } from './useChatsTab';
export type { ChatsTabStatus, UseChatsTabOptions, UseChatsTabResult } from './useChatsTab';
export { useReplyWindow } from './useReplyWindow';
export type { UseReplyWindowOptions, UseReplyWindowResult } from './useReplyWindow';
