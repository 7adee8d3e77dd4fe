export { ContactsInbox } from './ContactsInbox';
export type { ContactsInboxProps } from './ContactsInbox';
