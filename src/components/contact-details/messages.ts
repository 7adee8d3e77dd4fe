import { contactDetailsMessages } from '../../data/strings/contactDetails';
import { useWidgetMessages } from '../../data/internal/useWidgetMessages';

// ContactDetails's strings (see src/data/messages.ts): its files import `useMessages` from here, so
// the widget carries only these tables and `t` accepts only their keys (and common.*, error.*).
const tables = [contactDetailsMessages] as const;

/** `useMessages()` for ContactDetails: the host's overrides over the widget's English strings. */
export function useMessages() {
  return useWidgetMessages(tables);
}
