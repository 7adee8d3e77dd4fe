import { contactsInboxMessages } from '../../data/strings/contactsInbox';
import { useWidgetMessages } from '../../data/internal/useWidgetMessages';

// ContactsInbox's strings (see src/data/messages.ts): its files import `useMessages` from here, so
// the widget carries only these tables and `t` accepts only their keys (and common.*, error.*).
const tables = [contactsInboxMessages] as const;

/** `useMessages()` for ContactsInbox: the host's overrides over the widget's English strings. */
export function useMessages() {
  return useWidgetMessages(tables);
}
