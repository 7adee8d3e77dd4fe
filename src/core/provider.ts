import type {
  Agent,
  Campaign,
  CampaignAction,
  CampaignAudience,
  CampaignInput,
  CampaignPreflight,
  CampaignRecipient,
  CampaignRecipientStatus,
  Chat,
  Contact,
  ContactImportBatch,
  ContactImportResult,
  ContactInput,
  Message,
  MessageTemplate,
  Page,
  ReachoutEvent,
  Sender,
  SendMessageInput,
  SendNotificationInput,
  Ticket,
  TimelineEvent,
} from './types';

/** Passed as the second argument of every provider method. */
export interface CallContext {
  /** Fires when the caller no longer needs the answer; reject with an `AbortError` then. */
  signal?: AbortSignal;
}

export interface PageParams {
  cursor?: string | null;
  limit?: number;
}

export type MediaPurpose = 'avatar' | 'template-header';

/**
 * The headless contract between Reachout and a host's backend. Every method takes a params
 * object and an optional `{ signal }`, and rejects with a `ReachoutError`.
 */
export interface ReachoutDataProvider {
  /** Contacts ordered by name; `search` matches name, email and phone (in any typed format). */
  listContacts(params: { search?: string } & PageParams, context?: CallContext): Promise<Page<Contact>>;
  getContact(params: { id: string }, context?: CallContext): Promise<Contact>;
  /** Rejects with `CONFLICT` (field `phone`) when a contact has this phone already. */
  createContact(params: { input: ContactInput }, context?: CallContext): Promise<Contact>;
  /** The business numbers a notification can be sent from. */
  listSenders(params: Record<string, never>, context?: CallContext): Promise<Sender[]>;
  listTemplates(
    params: { senderId: string; search?: string } & PageParams,
    context?: CallContext,
  ): Promise<Page<MessageTemplate>>;
  listAgents(params: { search?: string }, context?: CallContext): Promise<Agent[]>;
  /** The contact's open, assigned or queued chat, if any. */
  getActiveChat(params: { contactId: string }, context?: CallContext): Promise<Chat | null>;
  /**
   * Idempotent per `input.idempotencyKey`: a repeated key answers with the same ticket. Rejects with
   * `ACTIVE_CHAT` while the contact has an active chat or a ticket still `verifying`, and with
   * `VALIDATION` when `input.message` is not what `buildTemplateMessage` builds from the template,
   * the contact's number and `input.parameters` (what is sent is that build).
   */
  sendNotification(params: { input: SendNotificationInput }, context?: CallContext): Promise<Ticket>;
  getTicket(params: { id: string }, context?: CallContext): Promise<Ticket>;
  /** Newest first. */
  listTickets(params: { contactId: string } & PageParams, context?: CallContext): Promise<Page<Ticket>>;
  /** Newest first. */
  listTimeline(params: { contactId: string } & PageParams, context?: CallContext): Promise<Page<TimelineEvent>>;
  /** Newest first. */
  listChats(params: { contactId: string } & PageParams, context?: CallContext): Promise<Page<Chat>>;
  /**
   * A chat's messages, newest first. Optional: without it, `ChatThread` says the conversation
   * cannot be shown. Rejects with `NOT_FOUND` for an unknown chat.
   */
  listMessages?(params: { chatId: string } & PageParams, context?: CallContext): Promise<Page<Message>>;
  /**
   * Sends a text or a template into a chat and answers with the new outbound message. Idempotent
   * per `input.idempotencyKey` (a repeated key answers with the same message; the key reused for
   * different content is `CONFLICT`). A text is refused with `OUTSIDE_WINDOW` unless the
   * customer wrote within the last 24 hours (`replyWindow`), and with `VALIDATION` when empty
   * or longer than 4,096 characters; a template is checked like `sendNotification`'s. Optional:
   * without it, `ChatThread` is read-only.
   */
  sendMessage?(params: { input: SendMessageInput }, context?: CallContext): Promise<Message>;
  /** Stores a file and answers with a public URL. Optional: without it, widgets take links only. */
  uploadMedia?(params: { file: Blob; purpose: MediaPurpose }, context?: CallContext): Promise<{ url: string }>;
  /**
   * Writes one batch of imported contacts (at most 1,000 rows; `VALIDATION` beyond) in one
   * transaction: rows that fail validation, repeat a phone of the batch, or (with
   * `onDuplicate: 'skip'`) belong to an existing contact are skipped and reported; the others
   * are created or updated (name, email, attributes; never the phone), announced by one
   * `contacts.imported` event per batch. Idempotent per `input.idempotencyKey`: a repeated key answers the
   * first result without writing again (`CONFLICT` when it comes with different rows).
   * Optional: without it, ImportContactsDialog says the provider cannot import.
   */
  importContacts?(params: { input: ContactImportBatch }, context?: CallContext): Promise<ContactImportResult>;
  /**
   * The counts a campaign to `audience` from `senderId` would have if it started now: who would
   * get the message and who would be skipped, by reason. Optional, like every campaign method:
   * without them the campaign widgets say the provider does not offer campaigns.
   */
  previewCampaign?(params: { audience: CampaignAudience; senderId: string }, context?: CallContext): Promise<CampaignPreflight>;
  /**
   * Creates a campaign, running at once (`scheduledAt: null`) or scheduled. Idempotent per
   * `input.idempotencyKey` (`CONFLICT` when the key comes with another input); a time in the past
   * or a template that is not approved is `VALIDATION`. An audience `{ search }` is resolved when
   * the campaign starts.
   */
  createCampaign?(params: { input: CampaignInput }, context?: CallContext): Promise<Campaign>;
  getCampaign?(params: { id: string }, context?: CallContext): Promise<Campaign>;
  /** Newest first. */
  listCampaigns?(params: PageParams, context?: CallContext): Promise<Page<Campaign>>;
  /** A campaign's recipients, optionally only those with one status. */
  listCampaignRecipients?(
    params: { campaignId: string; status?: CampaignRecipientStatus } & PageParams,
    context?: CallContext,
  ): Promise<Page<CampaignRecipient>>;
  /** Pauses, resumes or cancels a campaign (cancelling keeps what was sent); `CONFLICT` when its status does not allow it. */
  updateCampaign?(params: { id: string; action: CampaignAction }, context?: CallContext): Promise<Campaign>;
  /** Live updates. Optional: without it, widgets poll what is still changing. */
  subscribe?(listener: (event: ReachoutEvent) => void): () => void;
}

export type ReachoutMethod = Exclude<keyof ReachoutDataProvider, 'subscribe'>;
