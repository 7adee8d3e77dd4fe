/** ContactTimeline's strings. */
export const contactTimelineMessages = {
  'timeline.label': 'Timeline',
  'timeline.empty': 'Nothing has happened yet',
  'timeline.error.title': 'The timeline couldn’t be loaded',
  'timeline.type.contact.created': 'Contact created',
  'timeline.type.notification.sent': 'Notification sent',
  'timeline.type.notification.verified': 'Number verified',
  'timeline.type.notification.failed': 'Notification failed',
  'timeline.type.notification.delivered': 'Delivered',
  'timeline.type.notification.read': 'Read',
  'timeline.type.customer.replied': 'Customer replied',
  'timeline.type.ticket.assigned': 'Ticket assigned',
  'timeline.type.ticket.resolved': 'Ticket resolved',
} as const;
