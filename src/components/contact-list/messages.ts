import { contactListMessages } from '../../data/strings/contactList';
import { useWidgetMessages } from '../../data/internal/useWidgetMessages';

// ContactList's strings (see src/data/messages.ts): its files import `useMessages` from here, so
// the widget carries only these tables and `t` accepts only their keys (and common.*, error.*).
const tables = [contactListMessages] as const;

/** `useMessages()` for ContactList: the host's overrides over the widget's English strings. */
export function useMessages() {
  return useWidgetMessages(tables);
}

/** The widget's `t`, for helpers that take it. */
export type Translate = ReturnType<typeof useMessages>['t'];
/** A key the widget's `t` accepts. */
export type WidgetMessageKey = Parameters<Translate>[0];
