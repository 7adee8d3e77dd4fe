import type { ContactField } from './template/contactFieldValue';
import type { TemplateVariablePath } from './template/types';

/** ISO 8601 date-time string, e.g. `2026-11-25T09:30:00.000Z`. */
export type IsoDateTime = string;

/** A phone number in E.164 form, e.g. `+5511987654321`. */
export type E164 = string;

export interface Contact {
  id: string;
  name: string;
  email: string | null;
  /** E.164. */
  phone: E164;
  avatarUrl: string | null;
  createdAt: IsoDateTime;
  /** Host-defined fields, usable as dynamic content (`attributes.city`). */
  attributes?: Record<string, string>;
  /** The contact asked not to receive proactive messages. */
  optedOut?: boolean;
}

/** What a person types to create a contact, after validation (`contactInputSchema`). */
export interface ContactInput {
  name: string;
  email?: string | null;
  /** E.164 once validated. */
  phone: string;
  avatarUrl?: string | null;
}

export type SenderStatus = 'connected' | 'disconnected' | 'flagged' | 'restricted';
export type QualityRating = 'GREEN' | 'YELLOW' | 'RED' | 'UNKNOWN';

/** A business number agents send from (the "From" of the wizard). */
export interface Sender {
  id: string;
  channel: 'whatsapp';
  phone: E164;
  displayName: string;
  status?: SenderStatus;
  qualityRating?: QualityRating;
  /**
   * How many unique people the number may start conversations with in a rolling 24 hours (Meta's
   * messaging limit): 250, 1,000, 10,000 or 100,000; `null` unlimited; absent when unknown.
   * Campaign recipients past it wait for the window to roll.
   */
  messagingLimit?: MessagingLimit;
}

/** Meta's messaging-limit tiers (`null`: unlimited). */
export type MessagingLimit = 250 | 1000 | 10000 | 100000 | null;

export interface Agent {
  id: string;
  name: string;
  email?: string | null;
  avatarUrl?: string | null;
}

export type ChatStatus = 'open' | 'assigned' | 'queued' | 'resolved' | 'closed';

export interface Chat {
  id: string;
  contactId: string;
  status: ChatStatus;
  assignee: Agent | null;
  /** When the customer last wrote; opens the 24-hour customer-service window. */
  lastInboundAt: IsoDateTime | null;
  senderId: string;
}

export type TicketPriority = 'low' | 'medium' | 'high' | 'urgent';
export type TicketStatus = 'verifying' | 'failed' | 'open' | 'assigned' | 'queued' | 'resolved' | 'closed';
export type DeliveryStatus = 'pending' | 'sent' | 'delivered' | 'read' | 'failed';

export interface TicketNotification {
  senderId: string;
  to: E164;
  templateName: string;
  language: string;
  /** The rendered body text, as the customer sees it. */
  body: string;
  delivery: DeliveryStatus;
  /** Plain-words reason when `delivery` (or the ticket) is `failed`. */
  failureReason?: string;
}

export interface Ticket {
  id: string;
  contactId: string;
  chatId: string | null;
  priority: TicketPriority;
  assignee: Agent | null;
  description: string;
  status: TicketStatus;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  notification: TicketNotification;
}

export type TimelineEventType =
  | 'contact.created'
  | 'notification.sent'
  | 'notification.verified'
  | 'notification.failed'
  | 'notification.delivered'
  | 'notification.read'
  | 'customer.replied'
  | 'ticket.assigned'
  | 'ticket.resolved';

export interface TimelineEvent {
  id: string;
  contactId: string;
  type: TimelineEventType;
  at: IsoDateTime;
  ticketId?: string;
  text: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
}

// ---------------------------------------------------------------------------------------------
// WhatsApp Business Cloud API message templates, verbatim (snake_case as Meta returns them).
// ---------------------------------------------------------------------------------------------

export type TemplateStatus =
  | 'APPROVED'
  | 'PENDING'
  | 'REJECTED'
  | 'PAUSED'
  | 'DISABLED'
  | 'IN_APPEAL'
  | 'PENDING_DELETION'
  | 'DELETED'
  | 'LIMIT_EXCEEDED'
  | 'ARCHIVED';

export type TemplateCategory = 'MARKETING' | 'UTILITY' | 'AUTHENTICATION';
export type TemplateParameterFormat = 'POSITIONAL' | 'NAMED';
export type TemplateHeaderFormat = 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT' | 'LOCATION';

export interface NamedParamExample {
  param_name: string;
  example: string;
}

export interface TemplateHeaderComponent {
  type: 'HEADER';
  format: TemplateHeaderFormat;
  text?: string;
  example?: {
    header_text?: string[];
    header_text_named_params?: NamedParamExample[];
    header_handle?: string[];
  };
}

export interface TemplateBodyComponent {
  type: 'BODY';
  text: string;
  example?: {
    body_text?: string[][];
    body_text_named_params?: NamedParamExample[];
  };
}

export interface TemplateFooterComponent {
  type: 'FOOTER';
  text: string;
}

export type TemplateButton =
  | { type: 'QUICK_REPLY'; text: string }
  | { type: 'URL'; text: string; url: string; example?: string[] }
  | { type: 'PHONE_NUMBER'; text: string; phone_number: string }
  | { type: 'COPY_CODE'; text?: string; example?: string | string[] }
  | { type: 'OTP'; text?: string; otp_type?: string }
  | { type: 'FLOW'; text: string; flow_id?: string; flow_action?: string }
  | { type: 'VOICE_CALL'; text: string }
  | { type: 'CATALOG'; text: string }
  | { type: 'MPM'; text: string };

export interface TemplateButtonsComponent {
  type: 'BUTTONS';
  buttons: TemplateButton[];
}

export type TemplateComponent =
  | TemplateHeaderComponent
  | TemplateBodyComponent
  | TemplateFooterComponent
  | TemplateButtonsComponent;

/** A template as the Cloud API's `GET /<WABA_ID>/message_templates` returns it. */
export interface MessageTemplate {
  id: string;
  name: string;
  /** Locale code, e.g. `en_US`, `pt_BR`. */
  language: string;
  status: TemplateStatus;
  category: TemplateCategory;
  /** Defaults to `POSITIONAL` when absent. */
  parameter_format?: TemplateParameterFormat;
  components: TemplateComponent[];
  rejected_reason?: string;
  quality_score?: { score: string };
}

/** Values for a template's variables, as the wizard collects them. */
export type TemplateParameters = {
  header?:
    | { type: 'text'; text: string }
    | { type: 'image' | 'video' | 'document'; link: string; filename?: string }
    | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string };
  /** `'1'`, `'2'`, ... for positional templates; the parameter name for named ones. */
  body?: Record<string, string>;
  /** Button index → URL suffix or copy code. */
  buttons?: Record<number, string>;
};

// ---------------------------------------------------------------------------------------------
// Sending
// ---------------------------------------------------------------------------------------------

/** The Cloud API `POST /<PHONE_NUMBER_ID>/messages` body for a template message. */
export interface TemplateMessagePayload {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to: string;
  type: 'template';
  template: {
    name: string;
    language: { code: string };
    components?: TemplateMessageComponent[];
  };
}

export type TemplateMessageParameter =
  | { type: 'text'; text: string; parameter_name?: string }
  | { type: 'image'; image: { link: string } }
  | { type: 'video'; video: { link: string } }
  | { type: 'document'; document: { link: string; filename?: string } }
  | {
      type: 'location';
      location: { latitude: number; longitude: number; name?: string; address?: string };
    }
  | { type: 'coupon_code'; coupon_code: string };

export type TemplateMessageComponent =
  | { type: 'header'; parameters: TemplateMessageParameter[] }
  | { type: 'body'; parameters: TemplateMessageParameter[] }
  | {
      type: 'button';
      sub_type: 'url' | 'copy_code';
      index: string;
      parameters: TemplateMessageParameter[];
    };

export interface SendNotificationInput {
  /** The same key for a retry of the same send: the provider creates one ticket per key. */
  idempotencyKey: string;
  contactId: string;
  senderId: string;
  to: E164;
  template: { id: string; name: string; language: string };
  parameters: TemplateParameters;
  /** The exact Cloud API payload, from `buildTemplateMessage`. */
  message: TemplateMessagePayload;
  ticket: { priority: TicketPriority; assigneeId: string | null; description: string };
}

// ---------------------------------------------------------------------------------------------
// Conversation
// ---------------------------------------------------------------------------------------------

export type MessageDirection = 'inbound' | 'outbound';
/** `template`: an approved template (the proactive notification, or one that reopens a chat). */
export type MessageKind = 'text' | 'template';
/** An outbound message's delivery; `null` for inbound messages. */
export type MessageStatus = DeliveryStatus;

/**
 * One message of a chat. The proactive notification is the chat's first outbound message
 * (`kind: 'template'`); a customer's reply is an inbound message and opens the 24-hour window.
 */
export interface Message {
  id: string;
  chatId: string;
  contactId: string;
  direction: MessageDirection;
  kind: MessageKind;
  /** The text as the customer reads it: rendered, plain (WhatsApp `*formatting*` included). */
  text: string;
  /** The agent who sent an outbound message; `null` for inbound and automatic messages. */
  author: Agent | null;
  /** Delivery of an outbound message; `null` for inbound ones. */
  status: MessageStatus | null;
  /** Plain-words reason when `status` is `failed`, else `null`. */
  failureReason: string | null;
  at: IsoDateTime;
}

/** A free-form text: only while the chat's 24-hour window is open, else `OUTSIDE_WINDOW`. */
export interface SendTextMessageInput {
  /** The same key for a retry of the same send: the provider creates one message per key. */
  idempotencyKey: string;
  chatId: string;
  /** At most `messageLimits.textMaxLength` (4,096) characters. */
  text: string;
}

/** An approved template: allowed whatever the window, it reopens a conversation whose window closed. */
export interface SendTemplateMessageInput {
  /** The same key for a retry of the same send: the provider creates one message per key. */
  idempotencyKey: string;
  chatId: string;
  template: { id: string; name: string; language: string };
  parameters: TemplateParameters;
  /** The exact Cloud API payload, from `buildTemplateMessage`. */
  message: TemplateMessagePayload;
}

/** What `sendMessage` takes: a text (`text`) or a template (`template`). */
export type SendMessageInput = SendTextMessageInput | SendTemplateMessageInput;

// ---------------------------------------------------------------------------------------------
// Live updates
// ---------------------------------------------------------------------------------------------

/**
 * A live update from `ReachoutDataProvider.subscribe`. Each carries the full new object, except
 * `reset`: the provider could not tell what changed (a live connection resumed after more
 * changes than it replays, after its stored events were pruned, or against a backend whose
 * data was reset), so everything cached from the provider must be fetched again.
 * `applyReachoutEvent` does that. The memory provider never emits `reset`; `reachout/rest` does
 * when its server says so.
 */
export type ReachoutEvent =
  | { type: 'ticket.updated'; ticket: Ticket }
  | { type: 'chat.updated'; chat: Chat }
  | { type: 'contact.created'; contact: Contact }
  | { type: 'contact.updated'; contact: Contact }
  /**
   * One `importContacts` batch written: its new contacts and the existing ones it updated, in
   * one event (a 1,000-row batch is one cache update, not a thousand).
   */
  | { type: 'contacts.imported'; created: Contact[]; updated: Contact[] }
  | { type: 'timeline.added'; event: TimelineEvent }
  | { type: 'message.added'; message: Message }
  | { type: 'message.updated'; message: Message }
  /** A campaign's status or counts changed (at most about once a second per running campaign). */
  | { type: 'campaign.updated'; campaign: Campaign }
  | { type: 'reset' };

// ---------------------------------------------------------------------------------------------
// Contact import (ImportContactsDialog, `importContacts`)
// ---------------------------------------------------------------------------------------------

/** One contact read from an import file, as the dialog sends it (the provider validates it again). */
export interface ContactImportRow {
  /** 1-based line of the row in the file: what the report names. */
  row: number;
  name: string;
  email?: string;
  /** As typed in the file; read with the batch's `defaultCountry` when it has no `+` code. */
  phone: string;
  /** `attributes.<key>` columns. */
  attributes?: Record<string, string>;
}

/** At most 1,000 rows, written all-or-nothing (a row that fails alone is skipped, not the batch). */
export interface ContactImportBatch {
  /** The same key for a retry of the same batch: the provider answers the first result again. */
  idempotencyKey: string;
  rows: ContactImportRow[];
  /** A row whose phone belongs to a contact already: `skip` it, or `update` its name, email and attributes (never the phone). */
  onDuplicate: 'skip' | 'update';
  /** ISO 3166 alpha-2: the country of numbers written without `+` and a country code. */
  defaultCountry?: string;
}

export type ContactImportSkipCode = 'VALIDATION' | 'CONFLICT' | 'DUPLICATE_IN_FILE';

/** What one batch did. */
export interface ContactImportResult {
  created: number;
  updated: number;
  /** The rows not written, each with why (`CONFLICT`: an existing contact has the phone and `onDuplicate` is `skip`). */
  skipped: Array<{ row: number; code: ContactImportSkipCode; message: string }>;
}

// ---------------------------------------------------------------------------------------------
// Campaigns (CampaignWizard, CampaignProgress, CampaignsList)
// ---------------------------------------------------------------------------------------------

/** Who a campaign goes to: the contacts picked, or every contact a search matches when it starts. */
export type CampaignAudience = { contactIds: string[] } | { search: string };

export type CampaignStatus = 'scheduled' | 'running' | 'paused' | 'completed' | 'cancelled';

export type CampaignRecipientStatus = 'queued' | 'skipped' | 'sent' | 'delivered' | 'read' | 'failed';

/** Why a recipient gets no message: decided at preflight and again when the recipient's turn comes. */
export type CampaignSkipReason = 'active_chat' | 'opted_out' | 'invalid_number' | 'duplicate_phone' | 'missing_field';

/** What `updateCampaign` can do: cancelling keeps what was sent. */
export type CampaignAction = 'pause' | 'resume' | 'cancel';

export interface CampaignCounts {
  total: number;
  skipped: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

export interface Campaign {
  id: string;
  name: string;
  status: CampaignStatus;
  senderId: string;
  template: { id: string; name: string; language: string };
  /** When it starts (ISO, with its offset); `null` for "now". */
  scheduledAt: IsoDateTime | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  counts: CampaignCounts;
}

export interface CampaignRecipient {
  contactId: string;
  phone: E164;
  status: CampaignRecipientStatus;
  /** A `CampaignSkipReason` for skipped recipients, a WhatsApp error code (`131049`...) or a sentence for failed ones. */
  reason: string | null;
  messageId: string | null;
  updatedAt: IsoDateTime;
}

/** The counts a campaign would have if it started now. */
export interface CampaignPreflight {
  total: number;
  sendable: number;
  skipped: Partial<Record<CampaignSkipReason, number>>;
}

export interface CampaignInput {
  /** One campaign per key: a repeated key answers the first campaign. */
  idempotencyKey: string;
  name: string;
  senderId: string;
  template: { id: string; name: string; language: string };
  /** The fixed values; a bound variable's value comes from each recipient's contact instead. */
  parameters: TemplateParameters;
  /** Variables filled per recipient from a contact field (`body.1` → `firstName`). */
  bindings?: Partial<Record<TemplateVariablePath, ContactField>>;
  audience: CampaignAudience;
  /** ISO with an offset; `null` sends now. A time in the past is refused. */
  scheduledAt: IsoDateTime | null;
}
