import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type {
  Agent,
  CampaignAudience,
  CampaignInput,
  CampaignRecipientStatus,
  CampaignStatus,
  ChatStatus,
  ContactImportResult,
  DeliveryStatus,
  MediaPurpose,
  MessageDirection,
  MessageKind,
  MessageStatus,
  MessageTemplate,
  MessagingLimit,
  QualityRating,
  ReachoutEvent,
  SenderStatus,
  TemplateStatus,
  TicketPriority,
  TicketStatus,
  TimelineEventType,
} from 'reachout/core';

/** Raw bytes: PGlite answers a `Uint8Array`, node-postgres a `Buffer`; both take a `Buffer`. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value),
});

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const contacts = pgTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone').notNull(),
    avatarUrl: text('avatar_url'),
    attributes: jsonb('attributes').$type<Record<string, string>>(),
    optedOut: boolean('opted_out').notNull().default(false),
    createdAt: createdAt(),
    /** The name lower-cased without accents: what contacts are ordered by (then `name`, then `id`). */
    nameKey: text('name_key').notNull(),
    /** Folded name and email, for search (see `contactSearchText`). */
    searchText: text('search_text').notNull(),
    /** The phone's digits, without `+`, for searches that look like a number. */
    phoneDigits: text('phone_digits').notNull(),
  },
  (table) => [
    uniqueIndex('contacts_phone_unique').on(table.phone),
    index('contacts_order').on(sql`${table.nameKey} collate "C"`, sql`${table.name} collate "C"`, sql`${table.id} collate "C"`),
    index('contacts_search_text_trgm').using('gin', table.searchText.op('gin_trgm_ops')),
    index('contacts_phone_digits_trgm').using('gin', table.phoneDigits.op('gin_trgm_ops')),
  ],
);

export const senders = pgTable('senders', {
  id: text('id').primaryKey(),
  phone: text('phone').notNull(),
  displayName: text('display_name').notNull(),
  status: text('status').$type<SenderStatus>(),
  qualityRating: text('quality_rating').$type<QualityRating>(),
  /** Unique recipients per rolling 24 h (`Sender.messagingLimit`); null: unlimited. */
  messagingLimit: integer('messaging_limit').$type<MessagingLimit>(),
  /** Order of `listSenders`. */
  position: integer('position').notNull(),
});

export const templates = pgTable('templates', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  language: text('language').notNull(),
  status: text('status').$type<TemplateStatus>().notNull(),
  /** The template as the Cloud API describes it. */
  template: jsonb('template').$type<MessageTemplate>().notNull(),
  /** Order of `listTemplates`. */
  position: integer('position').notNull(),
});

export const agents = pgTable('agents', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  email: text('email'),
  avatarUrl: text('avatar_url'),
  position: integer('position').notNull(),
});

export const chats = pgTable(
  'chats',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    status: text('status').$type<ChatStatus>().notNull(),
    /** A copy of the agent when assigned, as the ticket keeps it. */
    assignee: jsonb('assignee').$type<Agent>(),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true, mode: 'date' }),
    senderId: text('sender_id').notNull(),
    createdAt: createdAt(),
  },
  (table) => [index('chats_contact_newest').on(table.contactId, table.createdAt.desc(), table.id.desc())],
);

export const tickets = pgTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    chatId: text('chat_id'),
    priority: text('priority').$type<TicketPriority>().notNull(),
    assignee: jsonb('assignee').$type<Agent>(),
    description: text('description').notNull(),
    status: text('status').$type<TicketStatus>().notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    senderId: text('sender_id').notNull(),
    to: text('to_phone').notNull(),
    templateName: text('template_name').notNull(),
    language: text('language').notNull(),
    body: text('body').notNull(),
    delivery: text('delivery').$type<DeliveryStatus>().notNull(),
    failureReason: text('failure_reason'),
    /** The WhatsApp message id (`wamid....`) the send answered with: how statuses find the ticket. */
    messageId: text('message_id'),
  },
  (table) => [
    index('tickets_contact_newest').on(table.contactId, table.createdAt.desc(), table.id.desc()),
    index('tickets_message_id').on(table.messageId),
  ],
);

export const timelineEvents = pgTable(
  'timeline_events',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id),
    type: text('type').$type<TimelineEventType>().notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    ticketId: text('ticket_id'),
    text: text('text').notNull(),
    /**
     * For a customer's message from WhatsApp: its message id (`wamid....`). Unique, so a webhook
     * delivered again records nothing twice.
     */
    whatsappMessageId: text('whatsapp_message_id'),
  },
  (table) => [
    index('timeline_events_contact_newest').on(table.contactId, table.at.desc(), table.id.desc()),
    uniqueIndex('timeline_events_whatsapp_message_id_unique').on(table.whatsappMessageId),
  ],
);

/** Every change, in commit order: what `/api/v1/events` streams and resumes from. */
export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    payload: jsonb('payload').$type<ReachoutEvent>().notNull(),
    createdAt: createdAt(),
  },
  // Pruning finds the events older than the retention by this.
  (table) => [index('events_created_at').on(table.createdAt)],
);

export const media = pgTable('media', {
  id: uuid('id').primaryKey(),
  contentType: text('content_type').notNull(),
  filename: text('filename'),
  bytes: bytea('bytes').notNull(),
  purpose: text('purpose').$type<MediaPurpose>().notNull(),
  createdAt: createdAt(),
});

/** One row per idempotency key: claimed while the first request runs, then its answer for every repeat. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    /** Null while the first request runs; a refused request deletes its row so a retry runs again. */
    ticketId: text('ticket_id'),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.scope, table.key] })],
);

/** The messages of a chat (#18): the notification, the customer's messages, the agents' answers. */
export const messages = pgTable(
  'messages',
  {
    id: text('id').primaryKey(),
    chatId: text('chat_id')
      .notNull()
      .references(() => chats.id),
    contactId: text('contact_id').notNull(),
    direction: text('direction').$type<MessageDirection>().notNull(),
    kind: text('kind').$type<MessageKind>().notNull(),
    text: text('text').notNull(),
    /** A copy of the agent who wrote an outbound message, as the chat had it. */
    author: jsonb('author').$type<Agent>(),
    status: text('status').$type<MessageStatus>(),
    failureReason: text('failure_reason'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    /** For the notification's message: its ticket (one message per ticket). */
    ticketId: text('ticket_id'),
    /** The WhatsApp message id (`wamid....`): how statuses find an outbound message, and how a webhook delivered again is recognised. */
    whatsappMessageId: text('whatsapp_message_id'),
    /** For a `sendMessage`: its key and the hash of its input, so a repeat answers the same message. */
    idempotencyKey: text('idempotency_key'),
    requestHash: text('request_hash'),
  },
  (table) => [
    index('messages_chat_newest').on(table.chatId, table.at.desc(), table.id.desc()),
    uniqueIndex('messages_ticket_id_unique').on(table.ticketId),
    uniqueIndex('messages_whatsapp_message_id_unique').on(table.whatsappMessageId),
    uniqueIndex('messages_idempotency_key_unique').on(table.idempotencyKey),
  ],
);
/** One row per `importContacts` batch key: the batch's fingerprint and the result every repeat answers. */
export const contactImports = pgTable('contact_imports', {
  key: text('key').primaryKey(),
  requestHash: text('request_hash').notNull(),
  result: jsonb('result').$type<ContactImportResult>().notNull(),
  createdAt: createdAt(),
});

/** A campaign (#19): one template to many contacts; its input is kept whole for the sends. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    senderId: text('sender_id').notNull(),
    template: jsonb('template').$type<CampaignInput['template']>().notNull(),
    parameters: jsonb('parameters').$type<CampaignInput['parameters']>().notNull(),
    bindings: jsonb('bindings').$type<NonNullable<CampaignInput['bindings']>>(),
    audience: jsonb('audience').$type<CampaignAudience>().notNull(),
    status: text('status').$type<CampaignStatus>().notNull(),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true, mode: 'date' }),
    /** The `scheduledAt` the client sent, answered as it was written (with its offset). */
    scheduledAtText: text('scheduled_at_text'),
    /** When its audience was resolved into recipients (null until it starts). */
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    /** The last `campaign.updated` of a step: at most about one a second while it runs. */
    lastEventAt: timestamp('last_event_at', { withTimezone: true, mode: 'date' }),
    idempotencyKey: text('idempotency_key').notNull(),
    requestHash: text('request_hash').notNull(),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('campaigns_idempotency_key_unique').on(table.idempotencyKey),
    index('campaigns_newest').on(table.createdAt.desc(), table.id.desc()),
    index('campaigns_status').on(table.status),
  ],
);

/**
 * A campaign's recipients, one row per contact (the primary key is what makes a second message to
 * one contact impossible). `sending`: claimed by a send job; `calling`: its WhatsApp call is under
 * way (both shown as `queued`).
 */
export const campaignRecipients = pgTable(
  'campaign_recipients',
  {
    campaignId: text('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    contactId: text('contact_id').notNull(),
    /** Audience order, from 1. */
    position: integer('position').notNull(),
    phone: text('phone').notNull(),
    status: text('status').$type<CampaignRecipientStatus | 'sending' | 'calling'>().notNull(),
    reason: text('reason'),
    messageId: text('message_id'),
    /** A recipient waiting (backoff, the messaging limit) is not sent before this. */
    notBefore: timestamp('not_before', { withTimezone: true, mode: 'date' }),
    attempts: integer('attempts').notNull().default(0),
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'date' }),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.campaignId, table.contactId] }),
    uniqueIndex('campaign_recipients_position').on(table.campaignId, table.position),
    index('campaign_recipients_status').on(table.campaignId, table.status, table.position),
    uniqueIndex('campaign_recipients_message_id_unique').on(table.messageId),
    index('campaign_recipients_sent_at').on(table.sentAt),
  ],
);

/**
 * The send rate of each business number, shared by every server on the database: the time the
 * next message may go (a token bucket without burst), pushed later when WhatsApp says 130429.
 */
export const campaignSendRates = pgTable('campaign_send_rates', {
  senderId: text('sender_id').primaryKey(),
  nextAt: timestamp('next_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const schema = {
  contacts,
  senders,
  templates,
  agents,
  chats,
  tickets,
  timelineEvents,
  events,
  media,
  idempotencyKeys,
  messages,
  contactImports,
  campaigns,
  campaignRecipients,
  campaignSendRates,
};

export type Schema = typeof schema;
