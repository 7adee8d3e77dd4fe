/** ContactsInbox's strings. */
export const contactsInboxMessages = {
  'inbox.back': 'Back to contacts',
  'inbox.noSelection': 'Select a contact to see their details',
} as const;
