import { deliveryMessages, ticketMessages } from '../../data/strings/statuses';
import { ticketsTabMessages } from '../../data/strings/ticketsTab';
import type { MessageTableKeys } from '../../data/internal/messageFormatters';
import { useWidgetMessages } from '../../data/internal/useWidgetMessages';

// TicketsTab's strings (see src/data/messages.ts): its files import `useMessages` from here, so
// the widget carries only these tables and `t` accepts only their keys (and common.*, error.*).
const tables = [ticketsTabMessages, ticketMessages, deliveryMessages] as const;

/** `useMessages()` for TicketsTab: the host's overrides over the widget's English strings. */
export function useMessages() {
  return useWidgetMessages(tables);
}

/** A key of the widget's own tables (its `t` also accepts common.* and error.*). */
export type WidgetMessageKey = MessageTableKeys<typeof tables>;
