/** TicketsTab's strings. */
export const ticketsTabMessages = {
  'ticketsTab.table.label': 'Tickets',
  'ticketsTab.empty': 'No tickets yet',
  'ticketsTab.error.title': 'Tickets couldn’t be loaded',
  'ticketsTab.column.id': 'Ticket',
  'ticketsTab.column.status': 'Status',
  'ticketsTab.column.priority': 'Priority',
  'ticketsTab.column.assignee': 'Assignee',
  'ticketsTab.column.delivery': 'Delivery',
  'ticketsTab.column.template': 'Template',
  'ticketsTab.column.createdAt': 'Created',
  'ticketsTab.column.actions': 'Actions',
  'ticketsTab.openTicket': 'Open ticket {id}',
} as const;
