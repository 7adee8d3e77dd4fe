import type { ReachoutDataProvider, ReachoutMethod } from '../core/provider';
import type {
  Agent,
  Chat,
  Contact,
  E164,
  Message,
  MessageStatus,
  MessageTemplate,
  Sender,
  Ticket,
  TimelineEvent,
} from '../core/types';

/** What a sent notification's verification ends with. */
export type VerificationResult = 'success' | 'failed';

/** A fixed delay, or one drawn (from the seeded random source) between `min` and `max` for each call. */
export type LatencyOption = number | { min: number; max: number };

/** Seed data and behaviour of a memory provider. Every option is optional. */
export interface MemoryProviderOptions {
  /**
   * Contacts to start with.
   * @default fixtures.contacts
   */
  contacts?: Contact[];
  /**
   * Business numbers to send from.
   * @default fixtures.senders
   */
  senders?: Sender[];
  /**
   * Cloud API templates. Every sender can use every template unless `templateSenders` says otherwise.
   * @default fixtures.templates
   */
  templates?: MessageTemplate[];
  /** Template id → the ids of the senders it belongs to. Templates not listed belong to every sender. */
  templateSenders?: Record<string, string[]>;
  /**
   * Agents tickets can be assigned to.
   * @default fixtures.agents
   */
  agents?: Agent[];
  /**
   * Chats to start with. Defaults to `fixtures.chats` only when `contacts` is omitted too
   * (fixture chats belong to fixture contacts); otherwise none.
   */
  chats?: Chat[];
  /** Tickets to start with; defaults like `chats`. */
  tickets?: Ticket[];
  /** Timeline events to start with; defaults like `chats`. */
  timeline?: TimelineEvent[];
  /**
   * Chat messages to start with; defaults like `chats`. A notification's own message is added
   * when its ticket gets a chat, and `control.receiveReply` adds the customer's.
   */
  messages?: Message[];
  /**
   * Delay of every call, in milliseconds.
   * @default 0
   */
  latencyMs?: LatencyOption;
  /**
   * How long a sent notification stays `verifying` before it completes with `verify(to)`.
   * `null` keeps it verifying until `control.completeVerification`.
   * @default null
   */
  verifyAfterMs?: number | null;
  /**
   * After a successful verification, and after a chat message is sent, how long each delivery
   * step takes (sent → delivered → read).
   * `null` leaves the delivery at `sent`.
   * @default null
   */
  deliveryStepMs?: number | null;
  /**
   * How often campaigns move on their own, in milliseconds (a fixed time, or one drawn from
   * `{ min, max }` for each step like `latencyMs`): a scheduled campaign starts once its time has
   * come, and a running one sends what the reference server's default rate (80 a second) allows
   * in that time, then delivers and reads what it sent. `null`: campaigns move only on
   * `control.advanceCampaigns()`.
   * @default null
   */
  campaignStepMs?: LatencyOption | null;
  /**
   * Which numbers fail verification when it completes on its own (`verifyAfterMs`).
   * @default numbers ending in `0000` fail (WhatsApp error 131026), every other number succeeds
   */
  verify?: (phone: E164) => VerificationResult;
  /**
   * The clock for every timestamp the provider writes.
   * @default () => new Date()
   */
  now?: () => Date;
  /**
   * Seed of the random source (latency drawn from a `{ min, max }` range).
   * @default 1
   */
  seed?: number;
}

/** One recorded provider call, its params typed after the method. */
export type MemoryProviderCall = {
  [Method in ReachoutMethod]: {
    method: Method;
    params: Parameters<NonNullable<ReachoutDataProvider[Method]>>[0];
  };
}[ReachoutMethod];

/** Everything the memory provider holds, as copies. */
export interface MemoryProviderState {
  contacts: Contact[];
  senders: Sender[];
  templates: MessageTemplate[];
  agents: Agent[];
  chats: Chat[];
  tickets: Ticket[];
  timeline: TimelineEvent[];
  messages: Message[];
}

/** Test and story controls of a memory provider. */
export interface MemoryProviderControl {
  /** Every call made so far, oldest first, recorded before latency, faults or aborts apply. */
  readonly calls: readonly MemoryProviderCall[];
  /** Forgets the recorded calls. */
  clearCalls(): void;
  /**
   * The next call of `method` rejects with `error` (after its latency) instead of running. Calls
   * queue: two `failNext('listContacts', ...)` fail the next two calls. An aborted call leaves
   * the fault for the next one.
   */
  failNext(method: ReachoutMethod, error: Error): void;
  /**
   * Ends the verification of a `verifying` ticket. Success: the ticket becomes `assigned` (or
   * `open` without an assignee) with delivery `sent`, and the contact gets a chat. Failure: the
   * ticket and its delivery become `failed` with a `failureReason` (WhatsApp error 131026).
   * Emits `ticket.updated`, `chat.updated` and `timeline.added`.
   * @returns the updated ticket
   */
  completeVerification(ticketId: string, result: VerificationResult): Ticket;
  /**
   * An inbound WhatsApp message from the contact: sets the active chat's `lastInboundAt` to now,
   * opening the 24-hour reply window (an `open` chat is created when there is none), and adds
   * it to the chat's messages. Emits `chat.updated`, `message.added` and `timeline.added`
   * (`customer.replied`).
   * @returns the updated chat
   */
  receiveReply(contactId: string, text: string): Chat;
  /**
   * Moves an outbound message's delivery (`sent`, `delivered`, `read`, or `failed` with a
   * reason), as WhatsApp's status webhooks would. Emits `message.updated`.
   * @returns the updated message
   */
  setMessageStatus(messageId: string, status: MessageStatus, failureReason?: string): Message;
  /**
   * Starts the scheduled campaigns whose time has come (by the provider's clock) and moves every
   * running campaign one step without waiting: its queued recipients are skipped (the reason
   * decided now), failed (a number `verify` fails) or sent; those past the sender's
   * `messagingLimit` (unique recipients in the last 24 hours) stay queued with reason
   * `'messaging_limit'` until a slot frees; sent ones become delivered, delivered ones read. A
   * running campaign with nobody left queued completes. Emits `campaign.updated` for each
   * campaign that changed and answers how many did. `turns` takes at most that many queued
   * recipients of each campaign this step (a campaign part way through).
   */
  advanceCampaigns(options?: { turns?: number }): number;
  /** Marks the contact as opted out of (or back into) proactive messages. Emits `contact.updated`. */
  setOptedOut(contactId: string, optedOut: boolean): Contact;
  /** Changes the delay of calls made from now on. */
  setLatency(latencyMs: LatencyOption): void;
  /** Copies of everything the provider holds. */
  snapshot(): MemoryProviderState;
  /** Cancels pending verification, delivery and campaign timers and drops every listener. */
  dispose(): void;
}

/** A memory provider: the full data-provider contract (including `subscribe` and `uploadMedia`) plus `control`. */
export type MemoryProvider = Required<ReachoutDataProvider> & { control: MemoryProviderControl };
