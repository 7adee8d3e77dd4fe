export { ChatThread } from './ChatThread';
export type { ChatThreadProps } from './ChatThread';
export { ChatThreadRoot, useChatThreadContext } from './ChatThreadContext';
export type { ChatThreadContextValue, ChatThreadPartOptions, ChatThreadRootProps } from './ChatThreadContext';
export {
  ChatThreadComposer,
  ChatThreadDaySeparator,
  ChatThreadDeliveryMark,
  ChatThreadMessage,
  ChatThreadMessages,
} from './ChatThreadParts';
export type {
  ChatThreadComposerProps,
  ChatThreadDaySeparatorProps,
  ChatThreadDeliveryMarkProps,
  ChatThreadMessageProps,
  ChatThreadMessagesProps,
} from './ChatThreadParts';
export { ChatThreadTemplatePanel } from './ChatThreadTemplatePanel';
export type { ChatThreadTemplatePanelProps } from './ChatThreadTemplatePanel';
export { useChatThread } from './useChatThread';
export type {
  ChatThreadOutgoing,
  ChatThreadRow,
  ChatThreadStatus,
  ChatThreadTemplateSend,
  UseChatThreadOptions,
  UseChatThreadResult,
} from './useChatThread';
