/** ContactList's strings. */
export const contactListMessages = {
  'contactList.label': 'Contacts',
  'contactList.search.label': 'Search contacts',
  'contactList.search.placeholder': 'Name, email or phone',
  'contactList.createContact': 'Create contact',
  'contactList.count': '{count, plural, =0 {No contacts} one {# contact} other {# contacts}}',
  'contactList.empty': 'No contacts yet',
  'contactList.empty.description': 'Contacts you create appear here, ready for a WhatsApp message.',
  'contactList.noResults': 'No contacts match “{search}”',
  'contactList.noResults.description': 'Check the spelling, or search by email or phone number.',
  'contactList.clearSearch': 'Clear search',
  'contactList.error.title': 'Contacts couldn’t be loaded',
  'contactList.column.name': 'Name',
  'contactList.column.phone': 'Phone',
  'contactList.column.email': 'Email',
  'contactList.column.createdAt': 'Created',
} as const;
