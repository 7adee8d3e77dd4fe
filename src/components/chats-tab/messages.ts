import { chatStatusMessages } from '../../data/strings/statuses';
import { chatsTabMessages } from '../../data/strings/chatsTab';
import type { MessageTableKeys } from '../../data/internal/messageFormatters';
import { useWidgetMessages } from '../../data/internal/useWidgetMessages';

// ChatsTab's strings (see src/data/messages.ts): its files import `useMessages` from here, so
// the widget carries only these tables and `t` accepts only their keys (and common.*, error.*).
const tables = [chatsTabMessages, chatStatusMessages] as const;

/** `useMessages()` for ChatsTab: the host's overrides over the widget's English strings. */
export function useMessages() {
  return useWidgetMessages(tables);
}

/** A key of the widget's own tables (its `t` also accepts common.* and error.*). */
export type WidgetMessageKey = MessageTableKeys<typeof tables>;
