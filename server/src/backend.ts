import type {
  MediaPurpose,
  MessageTemplate,
  ReachoutDataProvider,
  ReachoutEvent,
  Sender,
  TemplateMessagePayload,
} from 'reachout/core';

/** A live update with the id the event stream (`/api/v1/events`) sends and resumes from. */
export interface StoredEvent {
  /** Decimal, strictly increasing, never reused (also across restarts). */
  id: string;
  event: ReachoutEvent;
}

/** What `events.since` answers: the events to replay, or `reset` when they cannot all be replayed. */
export type EventReplay =
  | { kind: 'events'; /** Every stored event after the id asked for, oldest first. */ events: StoredEvent[] }
  | {
      kind: 'reset';
      /**
       * The newest stored event's id (`'0'` when there is none): the client refetches everything
       * it shows, then follows the events after this id.
       */
      lastEventId: string;
    };

export interface StoredMedia {
  bytes: Uint8Array;
  contentType: string;
  filename?: string;
}

/** A WhatsApp delivery status, from the simulator or from a Cloud API webhook. */
export interface DeliveryStatusUpdate {
  /** The WhatsApp message id (`wamid....`) the send answered with. */
  messageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: string;
  /** For `failed`: the Cloud API error, e.g. `{ code: 131026, title: 'Message undeliverable' }`. */
  error?: { code: number; title: string; details?: string };
}

/** An inbound WhatsApp message from a customer. */
export interface InboundMessage {
  /** The customer's number, E.164 (`+` added when the webhook omits it). */
  from: string;
  /** The business number it was sent to (matches a sender's `phone`), when known. */
  to?: string;
  text: string;
  at: string;
  messageId?: string;
}

/**
 * What the reference server's HTTP layer needs from its storage. The database backend
 * (`server/src/db`) implements it over PGlite or PostgreSQL; the HTTP tests also run it over the
 * memory provider (`test/server/memoryBackend.ts`).
 */
export interface ReachoutBackend {
  /** Every provider method with the rules of the contract (`docs/http-api.md`). */
  provider: Omit<ReachoutDataProvider, 'subscribe' | 'uploadMedia'>;
  events: {
    /**
     * The stored events after `lastEventId` (exclusive), oldest first; `reset` instead when they
     * are more than `limit`, when some of them were pruned, or when `lastEventId` is not an id this
     * store issued (above the newest: the database was reset). `lastEventId` is decimal digits.
     */
    since(lastEventId: string, options: { limit: number }): Promise<EventReplay>;
    subscribe(listener: (stored: StoredEvent) => void): () => void;
  };
  media: {
    put(media: StoredMedia, purpose: MediaPurpose): Promise<{ id: string }>;
    get(id: string): Promise<StoredMedia | null>;
  };
  /** What WhatsApp tells us (simulator or webhooks): delivery statuses and customer replies. */
  whatsapp: {
    recordStatus(update: DeliveryStatusUpdate): Promise<void>;
    recordInbound(message: InboundMessage): Promise<void>;
    /** A template's status changed at Meta (`message_template_status_update`): templates are read again. */
    templatesChanged?(): void;
  };
  /** Present in simulator mode: the `/api/v1/simulator/*` routes call these. */
  simulator?: {
    receiveReply(contactId: string, text: string): Promise<void>;
    completeVerification(ticketId: string, result: 'success' | 'failed'): Promise<void>;
  };
  close(): Promise<void>;
}

/** The Cloud API payload of a free-form text (`sendMessage` inside the 24-hour window). */
export interface TextMessagePayload {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to: string;
  type: 'text';
  text: { body: string; preview_url: boolean };
}

/**
 * How sends reach WhatsApp. The database backend calls `send` after it has stored the ticket
 * (`verifying`) and keeps the answer's message id so later statuses find the ticket.
 * Implemented by the simulator (default) and by the Cloud API client (`server/src/whatsapp`).
 */
export interface WhatsAppGateway {
  readonly mode: 'simulator' | 'cloud-api';
  /**
   * The one sender this gateway sends from (Cloud API mode: the configured business number).
   * When set, it is the only sender listed, and sends from any other are refused.
   */
  readonly senderId?: string;
  /**
   * Posts the Cloud API `messages` payload (a template, or a chat's text) from `sender`; rejects
   * with a `ReachoutError`, or with an `AbortError` once `signal` aborts (a stopping server's job).
   */
  send(message: TemplateMessagePayload | TextMessagePayload, sender: Sender, signal?: AbortSignal): Promise<{ messageId: string }>;
  /** Cloud API mode: the approved templates come from Meta instead of the database. */
  listTemplates?(signal?: AbortSignal): Promise<MessageTemplate[]>;
  /** Cloud API mode: one template for a send, from a copy fresh enough to trust its status. */
  findTemplate?(id: string, signal?: AbortSignal): Promise<MessageTemplate | undefined>;
  /** Cloud API mode: a template changed at Meta (its status webhook), so cached copies are dropped. */
  invalidateTemplates?(): void;
  /** Stops background work (a template refresh); called by the backend's `close`. */
  close?(): void;
}
