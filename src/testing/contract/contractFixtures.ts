import type { Agent, Chat, Contact, Message, MessageTemplate, Sender, Ticket, TimelineEvent } from '../../core/types';

/**
 * The data a provider under contract test must hold, and nothing else: seed exactly this into
 * your backend in `createProvider(world)`.
 */
export interface ContractWorld {
  contacts: Contact[];
  senders: Sender[];
  templates: MessageTemplate[];
  agents: Agent[];
  chats: Chat[];
  tickets: Ticket[];
  timeline: TimelineEvent[];
  /**
   * Chat messages (Hugo's conversation), seeded out of order on purpose. Optional for worlds
   * built before the conversation methods; a backend without `listMessages` ignores them.
   */
  messages?: Message[];
}

/** Ids of the world's actors, for the suite's own assertions. */
export const contractIds = {
  ana: 'contract-contact-ana',
  bruno: 'contract-contact-bruno',
  carla: 'contract-contact-carla',
  daniel: 'contract-contact-daniel',
  elena: 'contract-contact-elena',
  felipe: 'contract-contact-felipe',
  gita: 'contract-contact-gita',
  hugo: 'contract-contact-hugo',
  mariaFirst: 'contract-contact-maria-1',
  mariaSecond: 'contract-contact-maria-2',
  nina: 'contract-contact-nina',
  oscar: 'contract-contact-oscar',
  paula: 'contract-contact-paula',
  supportSender: 'contract-sender-support',
  salesSender: 'contract-sender-sales',
  orderTemplate: 'contract-template-order',
  reminderTemplate: 'contract-template-reminder',
  pendingTemplate: 'contract-template-pending',
  ada: 'contract-agent-ada',
  grace: 'contract-agent-grace',
  alan: 'contract-agent-alan',
  hugoChat: 'contract-chat-hugo',
} as const;

function hugoMessage(
  id: string,
  at: string,
  direction: Message['direction'],
  text: string,
  kind: Message['kind'] = 'text',
): Message {
  const outbound = direction === 'outbound';
  return {
    id,
    chatId: contractIds.hugoChat,
    contactId: contractIds.hugo,
    direction,
    kind,
    text,
    author: outbound && kind === 'text' ? grace : null,
    status: outbound ? 'read' : null,
    failureReason: null,
    at,
  };
}

const ada: Agent = { id: contractIds.ada, name: 'Ada Lovelace', email: 'ada@contract.example', avatarUrl: null };
const grace: Agent = { id: contractIds.grace, name: 'Grace Hopper', email: 'grace@contract.example', avatarUrl: null };
const alan: Agent = { id: contractIds.alan, name: 'Alan Turing', email: null, avatarUrl: null };

function contact(id: string, name: string, email: string | null, phone: string, createdAt: string): Contact {
  return { id, name, email, phone, avatarUrl: null, createdAt };
}

function pastTicket(id: string, createdAt: string, status: Ticket['status'], chatId: string | null): Ticket {
  return {
    id,
    contactId: contractIds.gita,
    chatId,
    priority: 'medium',
    assignee: ada,
    description: `Past ticket ${id}`,
    status,
    createdAt,
    updatedAt: createdAt,
    notification: {
      senderId: contractIds.supportSender,
      to: '+919876543210',
      templateName: 'contract_order_update',
      language: 'en_US',
      body: 'Hi Gita, your order #900 has shipped.',
      delivery: status === 'failed' ? 'failed' : 'read',
      ...(status === 'failed' ? { failureReason: 'Message undeliverable' } : {}),
    },
  };
}

function gitaEvent(id: string, type: TimelineEvent['type'], at: string, ticketId?: string): TimelineEvent {
  return { id, contactId: contractIds.gita, type, at, ...(ticketId ? { ticketId } : {}), text: `${type} at ${at}` };
}

/**
 * The world every provider is tested against. Names start with distinct capital letters (plus
 * two "Maria Silva" told apart by id), so "by name, then id" means the same order under any
 * collation. Gita has three past tickets and a timeline, seeded out of order on purpose; Hugo has
 * an active chat; Elena opted out; Oscar and Paula have no history and receive the test sends.
 */
export const contractFixtures: ContractWorld = {
  contacts: [
    contact(contractIds.oscar, 'Oscar Wilde', 'oscar@contract.example', '+447400123456', '2025-02-01T10:00:00.000Z'),
    contact(contractIds.mariaSecond, 'Maria Silva', null, '+5541998765432', '2025-02-02T10:00:00.000Z'),
    contact(contractIds.ana, 'Ana Lima', 'ana.lima@contract.example', '+5511987654321', '2025-02-03T10:00:00.000Z'),
    contact(contractIds.hugo, 'Hugo Martin', 'hugo.martin@contract.example', '+33612345678', '2025-02-04T10:00:00.000Z'),
    contact(contractIds.bruno, 'Bruno Costa', null, '+5521998765432', '2025-02-05T10:00:00.000Z'),
    contact(contractIds.gita, 'Gita Rao', 'gita.rao@contract.example', '+919876543210', '2025-02-06T10:00:00.000Z'),
    { ...contact(contractIds.elena, 'Elena Petrova', 'elena.petrova@contract.example', '+79161234567', '2025-02-07T10:00:00.000Z'), optedOut: true },
    contact(contractIds.mariaFirst, 'Maria Silva', 'maria.silva@contract.example', '+5531998765432', '2025-02-08T10:00:00.000Z'),
    contact(contractIds.carla, 'Carla Dias', 'carla.dias@contract.example', '+351912345678', '2025-02-09T10:00:00.000Z'),
    contact(contractIds.nina, 'Nina Berg', 'nina.berg@contract.example', '+4915112345678', '2025-02-10T10:00:00.000Z'),
    contact(contractIds.felipe, 'Felipe Hernández', 'felipe@contract.example', '+525512345678', '2025-02-11T10:00:00.000Z'),
    contact(contractIds.daniel, 'Daniel Okafor', 'daniel@contract.example', '+2348031234567', '2025-02-12T10:00:00.000Z'),
    contact(contractIds.paula, 'Paula Souza', 'paula.souza@contract.example', '+5521990000000', '2025-02-13T10:00:00.000Z'),
  ],
  senders: [
    {
      id: contractIds.supportSender,
      channel: 'whatsapp',
      phone: '+14155238886',
      displayName: 'Contract Support',
      status: 'connected',
      qualityRating: 'GREEN',
    },
    {
      id: contractIds.salesSender,
      channel: 'whatsapp',
      phone: '+5511940028922',
      displayName: 'Contract Sales',
      status: 'connected',
      qualityRating: 'GREEN',
    },
  ],
  templates: [
    {
      id: contractIds.orderTemplate,
      name: 'contract_order_update',
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      parameter_format: 'POSITIONAL',
      components: [
        {
          type: 'BODY',
          text: 'Hi {{1}}, your order {{2}} has shipped.',
          example: { body_text: [['Gita', '#900']] },
        },
      ],
    },
    {
      id: contractIds.reminderTemplate,
      name: 'contract_appointment_reminder',
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      parameter_format: 'NAMED',
      components: [
        {
          type: 'BODY',
          text: 'Hello {{first_name}}, see you on {{date}}.',
          example: {
            body_text_named_params: [
              { param_name: 'first_name', example: 'Gita' },
              { param_name: 'date', example: '12 May' },
            ],
          },
        },
      ],
    },
    {
      id: contractIds.pendingTemplate,
      name: 'contract_newsletter',
      language: 'en_US',
      status: 'PENDING',
      category: 'MARKETING',
      parameter_format: 'POSITIONAL',
      components: [{ type: 'BODY', text: 'Our spring newsletter is out.' }],
    },
  ],
  agents: [ada, grace, alan],
  chats: [
    {
      id: 'contract-chat-gita-1',
      contactId: contractIds.gita,
      status: 'resolved',
      assignee: ada,
      lastInboundAt: '2025-03-05T12:00:00.000Z',
      senderId: contractIds.supportSender,
    },
    {
      id: contractIds.hugoChat,
      contactId: contractIds.hugo,
      status: 'assigned',
      assignee: grace,
      lastInboundAt: '2025-06-01T09:00:00.000Z',
      senderId: contractIds.supportSender,
    },
    {
      id: 'contract-chat-gita-2',
      contactId: contractIds.gita,
      status: 'closed',
      assignee: ada,
      lastInboundAt: '2025-06-20T12:00:00.000Z',
      senderId: contractIds.supportSender,
    },
  ],
  tickets: [
    pastTicket('contract-ticket-gita-march', '2025-03-05T10:00:00.000Z', 'resolved', 'contract-chat-gita-1'),
    pastTicket('contract-ticket-gita-january', '2025-01-10T10:00:00.000Z', 'failed', null),
    pastTicket('contract-ticket-gita-june', '2025-06-20T10:00:00.000Z', 'closed', 'contract-chat-gita-2'),
  ],
  timeline: [
    gitaEvent('contract-event-gita-3', 'notification.sent', '2025-03-05T10:00:00.000Z', 'contract-ticket-gita-march'),
    gitaEvent('contract-event-gita-1', 'contact.created', '2025-01-01T10:00:00.000Z'),
    gitaEvent('contract-event-gita-5', 'notification.sent', '2025-06-20T10:00:00.000Z', 'contract-ticket-gita-june'),
    gitaEvent('contract-event-gita-2', 'notification.failed', '2025-01-10T10:05:00.000Z', 'contract-ticket-gita-january'),
    gitaEvent('contract-event-gita-4', 'customer.replied', '2025-03-05T12:00:00.000Z', 'contract-ticket-gita-march'),
  ],
  messages: [
    hugoMessage('contract-message-hugo-3', '2025-06-01T08:45:00.000Z', 'outbound', 'Sorry about that! A new delivery on Monday?'),
    hugoMessage('contract-message-hugo-1', '2025-05-31T10:00:00.000Z', 'outbound', 'Hi Hugo, your order #1001 has shipped.', 'template'),
    hugoMessage('contract-message-hugo-5', '2025-06-01T09:00:00.000Z', 'inbound', 'Thank you!'),
    hugoMessage('contract-message-hugo-2', '2025-06-01T08:30:00.000Z', 'inbound', 'It has not arrived yet.'),
    hugoMessage('contract-message-hugo-4', '2025-06-01T08:50:00.000Z', 'inbound', 'Monday works.'),
  ],
};
