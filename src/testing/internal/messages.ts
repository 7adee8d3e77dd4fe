import { ReachoutError } from '../../core/errors';
import { isTemplateMessageInput, notificationMessageStatus, sendMessageRefusal } from '../../core/conversation';
import { buildTemplateMessage, findMessageDifference, renderTemplate, validateTemplateParameters } from '../../core/template';
import type {
  Chat,
  Message,
  MessageStatus,
  MessageTemplate,
  Page,
  ReachoutEvent,
  SendMessageInput,
  Ticket,
} from '../../core/types';
import { paginate } from './paginate';
import { stableStringify } from '../../core/provider-rules';

/** What the message store needs from the memory provider around it. */
export interface MessageStoreContext {
  now: () => Date;
  emit: (event: ReachoutEvent) => void;
  schedule: (ms: number, task: () => void) => void;
  /** After a text is sent, how long each delivery step takes (sent → delivered → read); `null`: none. */
  deliveryStepMs: number | null;
  findChat: (chatId: string) => Chat | undefined;
  /** The contact's phone (E.164), where a template is sent. */
  phoneOf: (contactId: string) => string;
  findTemplate: (templateId: string, senderId: string) => MessageTemplate | undefined;
}

interface Entry {
  message: Message;
  time: number;
  /** Insertion order: the tie-breaker of "newest first". */
  sequence: number;
}

const copy = <Value>(value: Value): Value => structuredClone(value);

function timeOf(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? 0 : time;
}

/**
 * The memory provider's chat messages, with the rules every backend keeps: newest-first cursor
 * pages, the 24-hour window for texts (`OUTSIDE_WINDOW`), template checks, idempotency per key,
 * and `message.added` / `message.updated` events. The notification of a ticket becomes its
 * chat's first outbound template message once the ticket has a chat, its status following the
 * ticket's; a customer's reply becomes an inbound message.
 */
export function createMessageStore(seed: readonly Message[], context: MessageStoreContext) {
  const entries: Entry[] = [];
  const byId = new Map<string, Entry>();
  const sentByKey = new Map<string, { fingerprint: string; messageId: string }>();
  let sequence = 0;
  let idCount = 0;

  const add = (message: Message): Entry => {
    const entry = { message, time: timeOf(message.at), sequence: (sequence += 1) };
    entries.push(entry);
    byId.set(message.id, entry);
    return entry;
  };
  for (const message of seed) {
    if (byId.has(message.id)) throw new Error(`createMemoryProvider: two messages have the id ${message.id}`);
    add(copy(message));
  }

  const createId = (): string => {
    let id: string;
    do {
      idCount += 1;
      id = `message-${idCount}`;
    } while (byId.has(id));
    return id;
  };

  const requireChat = (chatId: string): Chat => {
    const chat = context.findChat(chatId);
    if (!chat) throw new ReachoutError('NOT_FOUND', `No chat with id ${chatId}`);
    return chat;
  };

  const update = (entry: Entry, changes: Partial<Message>) => {
    entry.message = { ...entry.message, ...changes };
    context.emit({ type: 'message.updated', message: entry.message });
  };

  const scheduleDelivery = (messageId: string) => {
    const stepMs = context.deliveryStepMs;
    if (stepMs === null) return;
    const step = (from: MessageStatus, to: MessageStatus, then?: () => void) => {
      context.schedule(stepMs, () => {
        const entry = byId.get(messageId);
        if (!entry || entry.message.status !== from) return;
        update(entry, { status: to });
        then?.();
      });
    };
    step('sent', 'delivered', () => step('delivered', 'read'));
  };

  /** The rendered text of a template send, after the checks `sendNotification` makes too. */
  const templateText = (input: Extract<SendMessageInput, { template: unknown }>, chat: Chat): string => {
    const template = context.findTemplate(input.template.id, chat.senderId);
    if (!template) throw new ReachoutError('NOT_FOUND', `No template with id ${input.template.id}`);
    if (template.status !== 'APPROVED') {
      throw new ReachoutError('VALIDATION', `Template ${template.name} is ${template.status}: only approved templates can be sent`, {
        fieldErrors: { template: 'Only approved templates can be sent' },
      });
    }
    const issues = validateTemplateParameters(template, input.parameters);
    if (issues.length > 0) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of issues) fieldErrors[issue.path] ??= issue.message;
      throw new ReachoutError('VALIDATION', 'Some template variables are missing or invalid', { fieldErrors });
    }
    const difference = findMessageDifference(
      buildTemplateMessage({ to: context.phoneOf(chat.contactId), template, parameters: input.parameters }),
      input.message,
    );
    if (difference) {
      throw new ReachoutError(
        'VALIDATION',
        `The message is not the one built from the template and parameters: ${difference.path} is ${difference.received ?? 'missing'}, expected ${difference.expected ?? 'nothing there'}`,
        { fieldErrors: { message: `Differs from the template and parameters at ${difference.path}` } },
      );
    }
    return renderTemplate(template, input.parameters).bodyText;
  };

  return {
    list(params: { chatId: string; cursor?: string | null; limit?: number }): Page<Message> {
      requireChat(params.chatId);
      const sorted = entries
        .filter((entry) => entry.message.chatId === params.chatId)
        .sort((left, right) => right.time - left.time || right.sequence - left.sequence);
      const page = paginate(sorted, {
        list: 'messages',
        cursor: params.cursor,
        limit: params.limit,
        keyOf: (entry) => [entry.time, entry.sequence],
        keyShape: ['number', 'number'],
        compareToKey: (entry, key) => (key[0] as number) - entry.time || (key[1] as number) - entry.sequence,
      });
      return { ...page, items: page.items.map((entry) => copy(entry.message)) };
    },

    send(input: SendMessageInput): Message {
      const chatId = typeof input === 'object' && input !== null ? input.chatId : undefined;
      const chat = typeof chatId === 'string' ? context.findChat(chatId) : undefined;
      const refusal = sendMessageRefusal(input, chat ?? { lastInboundAt: null }, context.now());
      // Malformed input first; a retry of a message already sent is answered even after the window closed.
      if (refusal?.code === 'VALIDATION') throw refusal;
      const fingerprint = stableStringify(input);
      const previous = sentByKey.get(input.idempotencyKey);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          throw new ReachoutError(
            'CONFLICT',
            'This idempotency key was already used for a different message; use a new key for a new send',
            { fieldErrors: { idempotencyKey: 'Already used for a different message' } },
          );
        }
        const sent = byId.get(previous.messageId);
        // A failed message sent again under its own key (ChatThread's Retry) goes out again below.
        if (sent && sent.message.status !== 'failed') return copy(sent.message);
      }
      if (!chat) throw new ReachoutError('NOT_FOUND', `No chat with id ${input.chatId}`);
      if (refusal) throw refusal;
      const isTemplate = isTemplateMessageInput(input);
      const text = isTemplate ? templateText(input, chat) : input.text;
      const failed = previous ? byId.get(previous.messageId) : undefined;
      if (failed) {
        update(failed, { status: 'sent', failureReason: null });
        scheduleDelivery(failed.message.id);
        return copy(failed.message);
      }
      const message: Message = {
        id: createId(),
        chatId: chat.id,
        contactId: chat.contactId,
        direction: 'outbound',
        kind: isTemplate ? 'template' : 'text',
        text,
        author: chat.assignee ? copy(chat.assignee) : null,
        status: 'sent',
        failureReason: null,
        at: context.now().toISOString(),
      };
      add(message);
      sentByKey.set(input.idempotencyKey, { fingerprint, messageId: message.id });
      context.emit({ type: 'message.added', message });
      scheduleDelivery(message.id);
      return copy(message);
    },

    /** Keeps the ticket's notification message in step with the ticket (once it has a chat). */
    syncTicket(ticket: Ticket): void {
      if (ticket.chatId === null) return;
      const id = `message-notification-${ticket.id}`;
      const status = notificationMessageStatus(ticket);
      const failureReason = status === 'failed' ? (ticket.notification.failureReason ?? null) : null;
      const existing = byId.get(id);
      if (existing) {
        if (existing.message.status !== status || existing.message.failureReason !== failureReason) {
          update(existing, { status, failureReason });
        }
        return;
      }
      const message: Message = {
        id,
        chatId: ticket.chatId,
        contactId: ticket.contactId,
        direction: 'outbound',
        kind: 'template',
        text: ticket.notification.body,
        author: null,
        status,
        failureReason,
        at: ticket.createdAt,
      };
      add(message);
      context.emit({ type: 'message.added', message });
    },

    /** A message from the customer. */
    receive(chat: Chat, text: string, at: string): Message {
      const message: Message = {
        id: createId(),
        chatId: chat.id,
        contactId: chat.contactId,
        direction: 'inbound',
        kind: 'text',
        text,
        author: null,
        status: null,
        failureReason: null,
        at,
      };
      add(message);
      context.emit({ type: 'message.added', message });
      return copy(message);
    },

    /** Moves an outbound message's delivery, as WhatsApp's status webhooks would. */
    setStatus(messageId: string, status: MessageStatus, failureReason?: string): Message {
      const entry = byId.get(messageId);
      if (!entry) throw new ReachoutError('NOT_FOUND', `No message with id ${messageId}`);
      if (entry.message.direction !== 'outbound') throw new Error(`Message ${messageId} is inbound: it has no delivery status`);
      update(entry, { status, failureReason: status === 'failed' ? (failureReason ?? 'Message failed to send') : null });
      return copy(entry.message);
    },

    snapshot(): Message[] {
      return entries.map((entry) => copy(entry.message));
    },
  };
}

export type MessageStore = ReturnType<typeof createMessageStore>;
