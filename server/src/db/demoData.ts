import {
  type Agent,
  type Chat,
  type Contact,
  failureReasonOf,
  type Message,
  type MessageTemplate,
  type Sender,
  type Ticket,
  type TimelineEvent,
  undeliverableError,
} from 'reachout/core';
import { demoTemplates } from './demoTemplates';

/** What the reference server seeds an empty database with (`seedWorld` writes any such world). */
export interface SeedWorld {
  contacts: Contact[];
  senders: Sender[];
  templates: MessageTemplate[];
  agents: Agent[];
  chats: Chat[];
  tickets: Ticket[];
  timeline: TimelineEvent[];
  /** Chat messages; the demo seeds none (a notification's message appears when it is sent). */
  messages?: Message[];
}

const senders: Sender[] = [
  { id: 'sender-support', channel: 'whatsapp', phone: '+14155238886', displayName: 'Acme Support', status: 'connected', qualityRating: 'GREEN' },
  { id: 'sender-sales', channel: 'whatsapp', phone: '+5511940028922', displayName: 'Acme Vendas', status: 'connected', qualityRating: 'YELLOW' },
  { id: 'sender-legacy', channel: 'whatsapp', phone: '+442071838750', displayName: 'Acme UK (old number)', status: 'disconnected', qualityRating: 'RED' },
];

const [ines, jonas, kemi] = [
  { id: 'agent-ines-duarte', name: 'Inês Duarte', email: 'ines.duarte@acme.example', avatarUrl: null },
  { id: 'agent-jonas-berg', name: 'Jonas Berg', email: 'jonas.berg@acme.example', avatarUrl: null },
  { id: 'agent-kemi-adeyemi', name: 'Kemi Adeyemi', email: null, avatarUrl: null },
] as const satisfies readonly Agent[];

function contact(id: string, name: string, email: string | null, phone: string, createdAt: string, attributes?: Record<string, string>): Contact {
  return { id, name, email, phone, avatarUrl: null, createdAt, ...(attributes ? { attributes } : {}) };
}

/**
 * The demo's own contacts: one with an active chat (Marta Quintero), one with past tickets, one
 * opted out, one whose number fails verification (it ends in `0000`), non-Latin names.
 */
const contacts: Contact[] = [
  contact('demo-contact-marta', 'Marta Quintero', 'marta.quintero@example.es', '+34612345678', '2025-05-02T09:00:00.000Z', { city: 'Sevilla' }),
  contact('demo-contact-ravi', 'Ravi Menon', 'ravi.menon@example.in', '+919812345678', '2025-06-11T10:30:00.000Z', { city: 'Kochi', plan: 'Pro' }),
  { ...contact('demo-contact-lena', 'Lena Vogel', 'lena.vogel@example.de', '+4915112345678', '2025-07-20T14:00:00.000Z'), optedOut: true },
  contact('demo-contact-caio', 'Caio Ramos', null, '+5521990000000', '2025-08-03T16:45:00.000Z'),
  contact('demo-contact-yuki', '佐藤 由紀', 'yuki.sato@example.jp', '+819012345678', '2025-09-09T07:15:00.000Z', { city: '大阪' }),
  contact('demo-contact-omar', 'عمر الفاسي', 'omar@example.ma', '+212612345678', '2025-10-01T11:00:00.000Z'),
];

const chats: Chat[] = [
  { id: 'demo-chat-ravi-1', contactId: 'demo-contact-ravi', status: 'resolved', assignee: ines, lastInboundAt: '2025-11-04T10:12:00.000Z', senderId: 'sender-support' },
  { id: 'demo-chat-marta-1', contactId: 'demo-contact-marta', status: 'assigned', assignee: jonas, lastInboundAt: '2026-01-10T08:00:00.000Z', senderId: 'sender-support' },
];

const caioFailure = failureReasonOf(undeliverableError);

const tickets: Ticket[] = [
  {
    id: 'demo-ticket-ravi-1',
    contactId: 'demo-contact-ravi',
    chatId: 'demo-chat-ravi-1',
    priority: 'medium',
    assignee: ines,
    description: 'Let Ravi know his replacement router has shipped.',
    status: 'resolved',
    createdAt: '2025-11-04T09:00:00.000Z',
    updatedAt: '2025-11-04T11:00:00.000Z',
    notification: {
      senderId: 'sender-support',
      to: '+919812345678',
      templateName: 'order_update',
      language: 'en_US',
      body: 'Hi Ravi, good news: your order is on its way with Blue Dart.',
      delivery: 'read',
    },
  },
  {
    id: 'demo-ticket-caio-1',
    contactId: 'demo-contact-caio',
    chatId: null,
    priority: 'high',
    assignee: kemi,
    description: 'Invoice reminder.',
    status: 'failed',
    createdAt: '2025-12-01T13:00:00.000Z',
    updatedAt: '2025-12-01T13:01:00.000Z',
    notification: {
      senderId: 'sender-support',
      to: '+5521990000000',
      templateName: 'invoice_ready',
      language: 'en_GB',
      body: 'Hello Caio, your invoice INV-2025-0107 for R$ 89,00 is attached. Payment is due by 15 December.',
      delivery: 'failed',
      failureReason: caioFailure,
    },
  },
];

const timeline: TimelineEvent[] = [
  { id: 'demo-event-ravi-1-sent', contactId: 'demo-contact-ravi', type: 'notification.sent', at: '2025-11-04T09:00:00.000Z', ticketId: 'demo-ticket-ravi-1', text: 'Sent order_update from Acme Support to +91 98123 45678' },
  { id: 'demo-event-ravi-1-read', contactId: 'demo-contact-ravi', type: 'notification.read', at: '2025-11-04T09:05:00.000Z', ticketId: 'demo-ticket-ravi-1', text: 'Notification read' },
  { id: 'demo-event-ravi-1-replied', contactId: 'demo-contact-ravi', type: 'customer.replied', at: '2025-11-04T10:12:00.000Z', ticketId: 'demo-ticket-ravi-1', text: 'Thanks, got it!' },
  { id: 'demo-event-caio-1-sent', contactId: 'demo-contact-caio', type: 'notification.sent', at: '2025-12-01T13:00:00.000Z', ticketId: 'demo-ticket-caio-1', text: 'Sent invoice_ready from Acme Support to +55 21 99000-0000' },
  { id: 'demo-event-caio-1-failed', contactId: 'demo-contact-caio', type: 'notification.failed', at: '2025-12-01T13:01:00.000Z', ticketId: 'demo-ticket-caio-1', text: caioFailure },
  { id: 'demo-event-marta-replied', contactId: 'demo-contact-marta', type: 'customer.replied', at: '2026-01-10T08:00:00.000Z', text: '¿Podéis llamarme?' },
];

/** The named part of the demo: senders, templates, agents, a few contacts with their history. */
export const demoWorld: SeedWorld = {
  contacts,
  senders,
  templates: demoTemplates,
  agents: [ines, jonas, kemi],
  chats,
  tickets,
  timeline,
};

/** Names and valid mobile numbers per country: `prefix` + `digits` more digits is a real mobile range. */
const demoCountries = [
  { prefix: '+447400', digits: 6, first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava'], last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Evans'], domain: 'example.co.uk' },
  { prefix: '+9198', digits: 8, first: ['Aarav', 'Diya', 'Vihaan', 'Ananya', 'Ishaan', 'Saanvi'], last: ['Sharma', 'Iyer', 'Nair', 'Patel', 'Reddy'], domain: 'example.in' },
  { prefix: '+551198', digits: 7, first: ['João', 'Maria', 'Pedro', 'Ana', 'Lucas', 'Júlia'], last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Lima'], domain: 'example.com.br' },
  { prefix: '+49151', digits: 8, first: ['Lukas', 'Mia', 'Jonas', 'Emma', 'Felix', 'Hannah'], last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber'], domain: 'example.de' },
  { prefix: '+3461', digits: 7, first: ['Hugo', 'Lucía', 'Mateo', 'Sofía', 'Martín', 'Paula'], last: ['García', 'Martínez', 'López', 'Sánchez', 'Pérez'], domain: 'example.es' },
] as const;

/** Odd and not a multiple of 5, hence coprime with every power of ten: numbers never repeat in a country. */
const spread = 7_654_321;

/**
 * `count` generated contacts, the same every time: names and mobile numbers from five countries
 * (unique numbers for up to a million per country), four in five with an email, ids
 * `demo-generated-<n>`, created over 2025.
 */
export function generateDemoContacts(count: number): Contact[] {
  const contacts: Contact[] = [];
  const yearStart = Date.UTC(2025, 0, 1);
  for (let index = 0; index < count; index += 1) {
    const country = demoCountries[index % demoCountries.length] as (typeof demoCountries)[number];
    const round = Math.floor(index / demoCountries.length);
    const first = country.first[round % country.first.length] as string;
    const last = country.last[Math.floor(round / country.first.length) % country.last.length] as string;
    const subscriber = (round * spread + 4321) % 10 ** country.digits;
    const email = index % 5 === 4 ? null : `${first}.${last}.${index}@${country.domain}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    contacts.push({
      id: `demo-generated-${index + 1}`,
      name: `${first} ${last}`,
      email,
      phone: `${country.prefix}${String(subscriber).padStart(country.digits, '0')}`,
      avatarUrl: null,
      createdAt: new Date(yearStart + ((index * 7_919_993) % (365 * 86_400_000))).toISOString(),
    });
  }
  return contacts;
}
