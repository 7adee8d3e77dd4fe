/**
 * Every string Reachout shows, in English, under semantic keys. Hosts override any of them
 * through `<ReachoutProvider messages={...}>`; texts use the ICU subset `formatMessage`
 * understands (`{name}`, `{count, plural, one {# contact} other {# contacts}}`, `{n, number}`).
 * Accessible names are API: tests and hosts find elements by them.
 *
 * Each widget carries only its own strings (a host importing ContactList does not download the
 * wizard's), so the strings live in one table per widget and `defaultMessages` is their union,
 * for hosts that translate everything and for the type of the `messages` prop. To add a widget's
 * strings:
 * 1. Put them in `src/data/strings/<widget>.ts`: `export const <widget>Messages = { ... } as const;`
 *    (keys prefixed with the widget's key, `contactList.`). They live in `src/data`, not in the
 *    widget's folder, because `MessageKey` below is built from them and data may not import
 *    components. Strings several widgets show (`ticket.status.*`...) have a table of their own in
 *    `strings/statuses.ts`; `common.*` and `error.*` (`strings/common.ts`) every widget gets.
 * 2. Add the table to `defaultMessages` below: to the `Object.assign` list and to its type.
 * 3. The widget reads them through its own `src/components/<widget>/messages.ts`:
 *    `const tables = [<widget>Messages, ticketMessages] as const;`
 *    `export function useMessages() { return useWidgetMessages(tables); }`
 *    and its files import `useMessages` from `./messages`, never from `src/data`: their `t` then
 *    accepts only the tables' keys and `common.*`/`error.*` (a key of another widget is a type
 *    error), and the widget's chunk carries only those strings. `defaultMessages` and the public
 *    `useMessages()` carry every string: a widget file that imports them ships all of them (the
 *    size check's ContactList budget catches it).
 */
import { campaignProgressMessages } from './strings/campaignProgress';
import { campaignsListMessages } from './strings/campaignsList';
import { campaignWizardMessages } from './strings/campaignWizard';
import { chatsTabMessages } from './strings/chatsTab';
import { chatThreadMessages } from './strings/chatThread';
import { commonMessages } from './strings/common';
import { contactDetailsMessages } from './strings/contactDetails';
import { contactListMessages } from './strings/contactList';
import { contactsInboxMessages } from './strings/contactsInbox';
import { contactTimelineMessages } from './strings/contactTimeline';
import { createContactDialogMessages } from './strings/createContactDialog';
import { importContactsDialogMessages } from './strings/importContactsDialog';
import { sendMessageWizardMessages } from './strings/sendMessageWizard';
import { chatStatusMessages, deliveryMessages, ticketMessages } from './strings/statuses';
import { templatePreviewMessages } from './strings/templatePreview';
import { ticketsTabMessages } from './strings/ticketsTab';

type DefaultMessages = typeof commonMessages &
  typeof contactListMessages &
  typeof createContactDialogMessages &
  typeof contactDetailsMessages &
  typeof contactsInboxMessages &
  typeof sendMessageWizardMessages &
  typeof ticketsTabMessages &
  typeof contactTimelineMessages &
  typeof chatsTabMessages &
  typeof chatThreadMessages &
  typeof ticketMessages &
  typeof deliveryMessages &
  typeof chatStatusMessages &
  typeof templatePreviewMessages &
  typeof importContactsDialogMessages &
  typeof campaignProgressMessages &
  typeof campaignWizardMessages &
  typeof campaignsListMessages;

/** Every widget's English strings in one object (the union of the tables in `strings/`). */
export const defaultMessages: DefaultMessages = Object.assign(
  {},
  commonMessages,
  contactListMessages,
  createContactDialogMessages,
  contactDetailsMessages,
  contactsInboxMessages,
  sendMessageWizardMessages,
  ticketsTabMessages,
  contactTimelineMessages,
  chatsTabMessages,
  chatThreadMessages,
  ticketMessages,
  deliveryMessages,
  chatStatusMessages,
  templatePreviewMessages,
  importContactsDialogMessages,
  campaignProgressMessages,
  campaignWizardMessages,
  campaignsListMessages,
);

/** Every message key, of every widget. */
export type MessageKey = keyof typeof defaultMessages;

/** Host overrides: any subset of the messages, merged over the English defaults. */
export type ReachoutMessages = Partial<Record<MessageKey, string>>;
