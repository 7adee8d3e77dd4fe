export { ChatThread } from './ChatThread';
export type { ChatThreadProps } from './ChatThread';
export {
  ChatThreadComposer,
  ChatThreadDaySeparator,
  ChatThreadDeliveryMark,
  ChatThreadMessage,
  ChatThreadMessages,
  ChatThreadRoot,
  useChatThreadContext,
} from './ChatThreadParts';
export type {
  ChatThreadComposerProps,
  ChatThreadContextValue,
  ChatThreadDaySeparatorProps,
  ChatThreadDeliveryMarkProps,
  ChatThreadMessageProps,
  ChatThreadMessagesProps,
  ChatThreadPartOptions,
  ChatThreadRootProps,
} from './ChatThreadParts';
export { useChatThread } from './useChatThread';
export type {
  ChatThreadOutgoing,
  ChatThreadRow,
  ChatThreadStatus,
  UseChatThreadOptions,
  UseChatThreadResult,
} from './useChatThread';
