import { chatThreadMessages } from '../../data/strings/chatThread';
import { useWidgetMessages } from '../../data/internal/useWidgetMessages';

// ChatThread's strings (see src/data/messages.ts): its files import `useMessages` from here, so
// the widget carries only these tables and `t` accepts only their keys (and common.*, error.*).
const tables = [chatThreadMessages] as const;

/** `useMessages()` for ChatThread: the host's overrides over the widget's English strings. */
export function useMessages() {
  return useWidgetMessages(tables);
}
