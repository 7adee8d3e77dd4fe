/** ContactsInbox's strings. */
export const contactsInboxMessages = {
  'inbox.back': 'Back to contacts',
  'inbox.noSelection': 'Select a contact to see their details',
  'inbox.noSelection.description': 'Their timeline, tickets and chats open here, with “Send message” to reach out on WhatsApp.',
  'inbox.importContacts': 'Import contacts',
  'inbox.empty.title': 'No contacts yet',
  'inbox.empty.description': 'Create your first contact, or import a CSV file of the people you want to reach on WhatsApp.',
} as const;
