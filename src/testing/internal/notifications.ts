import {
  checkNotification,
  failureReasonOf,
  idempotencyConflictError,
  parseSendNotificationInput,
  stableStringify,
  undeliverableError,
} from '../../core/provider-rules';
import type {
  Agent,
  Chat,
  E164,
  MessageTemplate,
  ReachoutEvent,
  Sender,
  SendNotificationInput,
  Ticket,
  TimelineEventType,
} from '../../core/types';
import type { VerificationResult } from '../types';
import type { ContactIndex } from './contacts';
import { notFound } from './contacts';

export interface Sequenced<Item> {
  item: Item;
  /** Insertion order: the tie-breaker of "newest first". */
  sequence: number;
}

/** What the notification store needs from the memory provider around it. */
export interface NotificationStoreContext {
  nowIso: () => string;
  emit: (event: ReachoutEvent) => void;
  schedule: (ms: number, task: () => void) => ReturnType<typeof setTimeout>;
  /** Cancels a timer `schedule` answered. */
  cancel: (timer: ReturnType<typeof setTimeout>) => void;
  createId: (prefix: 'chat' | 'ticket') => string;
  sequenced: <Item>(item: Item) => Sequenced<Item>;
  contacts: ContactIndex;
  senders: readonly Sender[];
  templates: readonly MessageTemplate[];
  agents: readonly Agent[];
  templateBelongsTo: (template: MessageTemplate, senderId: string) => boolean;
  /** The provider's tickets: the store adds to them and updates them in place. */
  tickets: Sequenced<Ticket>[];
  /** The provider's chats: a verified send adds one when the contact has no active chat. */
  chats: Sequenced<Chat>[];
  activeChatOf: (contactId: string) => Sequenced<Chat> | undefined;
  addTimelineEvent: (contactId: string, type: TimelineEventType, text: string, ticketId?: string) => void;
  /** Keeps the notification's chat message in step with its ticket. */
  syncTicketMessage: (ticket: Ticket) => void;
  verify: (phone: E164) => VerificationResult;
  verifyAfterMs: number | null;
  deliveryStepMs: number | null;
}

export interface NotificationStore {
  requireTicket(id: string): Sequenced<Ticket>;
  send(input: SendNotificationInput): Ticket;
  completeVerification(ticketId: string, result: VerificationResult): Ticket;
  /** Forgets pending verifications (their timers are the provider's to cancel). */
  dispose(): void;
}

const undeliverableReason = failureReasonOf(undeliverableError);
const copy = <Value>(value: Value): Value => structuredClone(value);

interface IdempotencyRecord {
  fingerprint: string;
  ticketId: string;
}

/**
 * Sends, idempotency, verification and delivery of the memory provider's notifications: the
 * rules are core's (`checkNotification`); this keeps the tickets and plays WhatsApp's part.
 */
export function createNotificationStore(context: NotificationStoreContext): NotificationStore {
  const { nowIso, emit, schedule, createId, sequenced, contacts, tickets, chats, addTimelineEvent, deliveryStepMs } = context;
  const idempotencyRecords = new Map<string, IdempotencyRecord>();
  const verificationTimers = new Map<string, ReturnType<typeof setTimeout>>();

  const requireTicket = (id: string): Sequenced<Ticket> => {
    const entry = tickets.find((candidate) => candidate.item.id === id);
    if (!entry) throw notFound('ticket', id);
    return entry;
  };

  const updateTicket = (entry: Sequenced<Ticket>, changes: Partial<Ticket>, notification: Partial<Ticket['notification']> = {}) => {
    entry.item = {
      ...entry.item,
      ...changes,
      updatedAt: nowIso(),
      notification: { ...entry.item.notification, ...notification },
    };
    emit({ type: 'ticket.updated', ticket: entry.item });
    context.syncTicketMessage(entry.item);
  };

  const scheduleDelivery = (ticketId: string) => {
    if (deliveryStepMs === null) return;
    schedule(deliveryStepMs, () => {
      const entry = tickets.find((candidate) => candidate.item.id === ticketId);
      if (!entry || entry.item.notification.delivery !== 'sent') return;
      updateTicket(entry, {}, { delivery: 'delivered' });
      addTimelineEvent(entry.item.contactId, 'notification.delivered', 'Notification delivered', ticketId);
      schedule(deliveryStepMs, () => {
        if (entry.item.notification.delivery !== 'delivered') return;
        updateTicket(entry, {}, { delivery: 'read' });
        addTimelineEvent(entry.item.contactId, 'notification.read', 'Notification read', ticketId);
      });
    });
  };

  const completeVerification = (ticketId: string, result: VerificationResult): Ticket => {
    const entry = requireTicket(ticketId);
    if (entry.item.status !== 'verifying') {
      throw new Error(`Ticket ${ticketId} is ${entry.item.status}, not verifying: its verification already ended`);
    }
    const timer = verificationTimers.get(ticketId);
    if (timer !== undefined) {
      context.cancel(timer);
      verificationTimers.delete(ticketId);
    }
    const ticket = entry.item;
    switch (result) {
      case 'success': {
        let chat = context.activeChatOf(ticket.contactId)?.item;
        if (!chat) {
          chat = {
            id: createId('chat'),
            contactId: ticket.contactId,
            status: ticket.assignee ? 'assigned' : 'open',
            assignee: ticket.assignee,
            lastInboundAt: null,
            senderId: ticket.notification.senderId,
          };
          chats.push(sequenced(chat));
          emit({ type: 'chat.updated', chat });
        }
        updateTicket(entry, { status: ticket.assignee ? 'assigned' : 'open', chatId: chat.id }, { delivery: 'sent' });
        addTimelineEvent(ticket.contactId, 'notification.verified', 'Number verified: the notification was sent', ticketId);
        if (ticket.assignee) {
          addTimelineEvent(ticket.contactId, 'ticket.assigned', `Ticket assigned to ${ticket.assignee.name}`, ticketId);
        }
        scheduleDelivery(ticketId);
        break;
      }
      case 'failed':
        updateTicket(entry, { status: 'failed' }, { delivery: 'failed', failureReason: undeliverableReason });
        addTimelineEvent(ticket.contactId, 'notification.failed', undeliverableReason, ticketId);
        break;
      default:
        result satisfies never;
        throw new Error(`Unknown verification result ${String(result)}`);
    }
    return copy(entry.item);
  };

  const send = (input: SendNotificationInput): Ticket => {
    parseSendNotificationInput(input);
    const fingerprint = stableStringify(input);
    const previous = idempotencyRecords.get(input.idempotencyKey);
    if (previous) {
      if (previous.fingerprint !== fingerprint) throw idempotencyConflictError('notification');
      return copy(requireTicket(previous.ticketId).item);
    }

    const contact = contacts.get(input.contactId)?.contact;
    const sender = context.senders.find((candidate) => candidate.id === input.senderId);
    const template = context.templates.find(
      (candidate) => candidate.id === input.template.id && (sender === undefined || context.templateBelongsTo(candidate, sender.id)),
    );
    const checked = checkNotification(input, {
      contact,
      sender,
      template,
      assignee: context.agents.find((agent) => agent.id === input.ticket.assigneeId),
      hasActiveChat: contact !== undefined && context.activeChatOf(contact.id) !== undefined,
      hasVerifyingTicket: tickets.some((entry) => entry.item.contactId === input.contactId && entry.item.status === 'verifying'),
    });
    const { assignee, to } = checked;

    const at = nowIso();
    const ticket: Ticket = {
      id: createId('ticket'),
      contactId: checked.contact.id,
      chatId: null,
      priority: input.ticket.priority,
      assignee: assignee ? copy(assignee) : null,
      description: input.ticket.description,
      status: 'verifying',
      createdAt: at,
      updatedAt: at,
      notification: {
        senderId: checked.sender.id,
        to: to.e164,
        templateName: checked.template.name,
        language: checked.template.language,
        body: checked.body,
        delivery: 'pending',
      },
    };
    tickets.push(sequenced(ticket));
    idempotencyRecords.set(input.idempotencyKey, { fingerprint, ticketId: ticket.id });
    emit({ type: 'ticket.updated', ticket });
    addTimelineEvent(
      checked.contact.id,
      'notification.sent',
      `Sent ${checked.template.name} from ${checked.sender.displayName} to ${to.international}`,
      ticket.id,
    );
    if (context.verifyAfterMs !== null) {
      const timer = schedule(context.verifyAfterMs, () => {
        verificationTimers.delete(ticket.id);
        completeVerification(ticket.id, context.verify(ticket.notification.to));
      });
      verificationTimers.set(ticket.id, timer);
    }
    return copy(ticket);
  };

  return {
    requireTicket,
    send,
    completeVerification,
    dispose() {
      verificationTimers.clear();
    },
  };
}
