/**
 * What every widget that shows tickets says of one: status, priority, no assignee, the link to
 * it (two keys keep the prefix of the widget that had them first: keys are API).
 */
export const ticketMessages = {
  'ticketsTab.unassigned': 'Unassigned',
  'wizard.openTicket': 'Open ticket',
  'ticket.status.verifying': 'Verifying',
  'ticket.status.failed': 'Failed',
  'ticket.status.open': 'Open',
  'ticket.status.assigned': 'Assigned',
  'ticket.status.queued': 'Queued',
  'ticket.status.resolved': 'Resolved',
  'ticket.status.closed': 'Closed',
  'ticket.priority.low': 'Low',
  'ticket.priority.medium': 'Medium',
  'ticket.priority.high': 'High',
  'ticket.priority.urgent': 'Urgent',
} as const;

/** A notification's delivery state. */
export const deliveryMessages = {
  'delivery.pending': 'Pending',
  'delivery.sent': 'Sent',
  'delivery.delivered': 'Delivered',
  'delivery.read': 'Read',
  'delivery.failed': 'Failed',
} as const;

/** A chat's status. */
export const chatStatusMessages = {
  'chat.status.open': 'Open',
  'chat.status.assigned': 'Assigned',
  'chat.status.queued': 'Queued',
  'chat.status.resolved': 'Resolved',
  'chat.status.closed': 'Closed',
} as const;
