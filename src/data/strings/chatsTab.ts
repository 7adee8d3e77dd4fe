/** ChatsTab's strings. */
export const chatsTabMessages = {
  'chatsTab.label': 'Chats',
  'chatsTab.empty': 'No chats yet',
  'chatsTab.error.title': 'Chats couldn’t be loaded',
  'chatsTab.chat': 'Chat {reference}',
  'chatsTab.lastMessage.outbound': '{author}: {text}',
  'chatsTab.lastMessage.business': 'You',
  'chatsTab.unassigned': 'Unassigned',
  'chatsTab.openChat': 'Open chat',
  'chatsTab.window.waiting': 'Waiting for the customer to reply — free-form messages are locked',
  'chatsTab.window.open': 'You can reply until {time}',
  'chatsTab.window.closed': 'The 24-hour window closed at {time} — free-form messages are locked',
  'chatsTab.window.remainingHours': '{hours}h {minutes}m left',
  'chatsTab.window.remainingMinutes': '{minutes, plural, one {# minute} other {# minutes}} left',
  'chatsTab.window.remainingSeconds': '{seconds, plural, one {# second} other {# seconds}} left',
} as const;
