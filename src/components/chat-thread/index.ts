export { ChatThread } from './ChatThread';
export type { ChatThreadProps } from './ChatThread';
export { ChatThreadRoot, useChatThreadContext } from './ChatThreadContext';
export type { ChatThreadContextValue, ChatThreadPartOptions, ChatThreadRootProps } from './ChatThreadContext';
export { ChatThreadComposer } from './ChatThreadComposer';
export type { ChatThreadComposerProps } from './ChatThreadComposer';
export { ChatThreadDaySeparator, ChatThreadDeliveryMark, ChatThreadMessage } from './ChatThreadMessage';
export type { ChatThreadDaySeparatorProps, ChatThreadDeliveryMarkProps, ChatThreadMessageProps } from './ChatThreadMessage';
export { ChatThreadMessages } from './ChatThreadMessages';
export type { ChatThreadMessagesProps } from './ChatThreadMessages';
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
