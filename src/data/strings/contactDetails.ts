/** ContactDetails' strings. */
export const contactDetailsMessages = {
  'contactDetails.sendMessage': 'Send message',
  'contactDetails.tab.timeline': 'Timeline',
  'contactDetails.tab.tickets': 'Tickets',
  'contactDetails.tab.chats': 'Chats',
  'contactDetails.tabs.label': 'Contact activity',
  'contactDetails.loading': 'Loading contact…',
  'contactDetails.notFound': 'This contact doesn’t exist or was deleted',
  'contactDetails.error.title': 'This contact couldn’t be loaded',
  'contactDetails.optedOut': 'Opted out',
  'contactDetails.field.createdAt': 'Added',
  'contactDetails.backToChats': 'Back to chats',
} as const;
