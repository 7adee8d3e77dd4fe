import { and, eq, type SQL, sql, desc } from 'drizzle-orm';
import {
  buildTemplateMessage,
  findMessageDifference,
  isTemplateMessageInput,
  type Message,
  type MessageStatus,
  type MessageTemplate,
  notificationMessageStatus,
  type Page,
  ReachoutError,
  type ReachoutEvent,
  renderTemplate,
  type Sender,
  decodeCursor,
  encodeCursor,
  failureReasonOf,
  resolveLimit,
  type SendMessageInput,
  sendMessageRefusal,
  validateTemplateParameters,
} from 'reachout/core';
import type { PgBoss } from 'pg-boss';
import type { DeliveryStatusUpdate, TextMessagePayload, WhatsAppGateway } from '../backend';
import type { JobLogEntry } from '../log';
import { enqueueMessageSend, type MessageSendWorker, type SendMessageJob, startMessageSendWorker } from '../jobs/sendMessage';
import { createSortableId } from './ids';
import type { DrizzleDatabase } from './openDatabase';
import { chatOf, senderOf, ticketOf, type ChatRow, type TicketRow } from './rows';
import { chats, contacts, messages, senders } from './schema';
import { fingerprintOf } from './text';

export type MessageRow = typeof messages.$inferSelect;
type Emit = (event: ReachoutEvent) => Promise<void>;

const deliveryRank = { pending: 0, sent: 1, delivered: 2, read: 3 } as const;

export function messageOf(row: MessageRow): Message {
  return {
    id: row.id,
    chatId: row.chatId,
    contactId: row.contactId,
    direction: row.direction,
    kind: row.kind,
    text: row.text,
    author: row.author,
    status: row.status,
    failureReason: row.failureReason,
    at: row.at.toISOString(),
  };
}

export function messageRowOf(message: Message): typeof messages.$inferInsert {
  return {
    id: message.id,
    chatId: message.chatId,
    contactId: message.contactId,
    direction: message.direction,
    kind: message.kind,
    text: message.text,
    author: message.author,
    status: message.status,
    failureReason: message.failureReason,
    at: new Date(message.at),
  };
}

/**
 * Keeps a ticket's notification message in step with the ticket, inside the transaction that
 * changed it: once the ticket has a chat, its notification is the chat's outbound `template`
 * message (at the ticket's creation time), its status following the ticket's
 * (`notificationMessageStatus`).
 */
export async function syncNotificationMessage(executor: DrizzleDatabase, emit: Emit, row: TicketRow): Promise<void> {
  if (row.chatId === null) return;
  const ticket = ticketOf(row);
  const status = notificationMessageStatus(ticket);
  const failureReason = status === 'failed' ? (ticket.notification.failureReason ?? null) : null;
  const [existing] = await executor.select().from(messages).where(eq(messages.ticketId, row.id)).limit(1);
  if (existing) {
    if (existing.status === status && existing.failureReason === failureReason) return;
    const [updated] = await executor
      .update(messages)
      .set({ status, failureReason })
      .where(eq(messages.id, existing.id))
      .returning();
    if (updated) await emit({ type: 'message.updated', message: messageOf(updated) });
    return;
  }
  const [inserted] = await executor
    .insert(messages)
    .values({
      id: createSortableId(row.createdAt.getTime()),
      chatId: row.chatId,
      contactId: row.contactId,
      direction: 'outbound',
      kind: 'template',
      text: row.body,
      author: null,
      status,
      failureReason,
      at: row.createdAt,
      ticketId: row.id,
      whatsappMessageId: row.messageId,
    })
    .returning();
  if (inserted) await emit({ type: 'message.added', message: messageOf(inserted) });
}

/** A customer's message in `chat`, inside the transaction that recorded it. */
export async function addInboundMessage(
  executor: DrizzleDatabase,
  emit: Emit,
  chat: Pick<ChatRow, 'id' | 'contactId'>,
  message: { text: string; at: Date; whatsappMessageId?: string | null },
): Promise<void> {
  const [inserted] = await executor
    .insert(messages)
    .values({
      id: createSortableId(message.at.getTime()),
      chatId: chat.id,
      contactId: chat.contactId,
      direction: 'inbound',
      kind: 'text',
      text: message.text,
      author: null,
      status: null,
      failureReason: null,
      at: message.at,
      whatsappMessageId: message.whatsappMessageId ?? null,
    })
    .returning();
  if (inserted) await emit({ type: 'message.added', message: messageOf(inserted) });
}

export interface MessagesContext {
  database: DrizzleDatabase;
  /** One serialised transaction whose events are stored with it and delivered after commit. */
  write: <Result>(work: (executor: DrizzleDatabase, emit: Emit) => Promise<Result>) => Promise<Result>;
  now: () => Date;
  /** The job queue: a send commits its message and its job together (the outbox). */
  queue: PgBoss;
  gateway: () => WhatsAppGateway;
  findTemplate: (id: string, signal?: AbortSignal) => Promise<MessageTemplate | undefined>;
  /** Each try of a send job, when it ends (the server's job log). */
  logJob?: (entry: JobLogEntry) => void;
  /** Once WhatsApp took a message (it is `sent` with this WhatsApp id): the simulator schedules its next statuses here. */
  afterSent?: (whatsappMessageId: string) => void;
}

/**
 * `listMessages` and `sendMessage` of the database backend, with the rules of the memory
 * provider: newest-first cursor pages, `sendMessageRefusal` (the 24-hour window, 4,096
 * characters), template checks, one message per idempotency key. A send commits its message
 * `pending` with the job that hands it to WhatsApp (`send-message` queue) and answers at once; the
 * worker moves it to `sent` with WhatsApp's id, retries transient failures, and fails it with the
 * reason of a permanent refusal (`message.updated` each time). A send repeating the key of a
 * message that failed sends that message again.
 */
export function createMessages(context: MessagesContext) {
  const { database, write, now } = context;
  const requireChat = async (executor: DrizzleDatabase, chatId: string): Promise<ChatRow> => {
    const [row] = await executor.select().from(chats).where(eq(chats.id, chatId)).limit(1);
    if (!row) throw new ReachoutError('NOT_FOUND', `No chat with id ${chatId}`);
    return row;
  };

  const list = async (params: { chatId: string; cursor?: string | null; limit?: number }): Promise<Page<Message>> => {
    const limit = resolveLimit(params.limit);
    let after: SQL | undefined;
    if (params.cursor !== undefined && params.cursor !== null) {
      const [time, id] = decodeCursor('messages', params.cursor, ['timestamp', 'string'] as const);
      after = sql`(${messages.at}, ${messages.id} collate "C") < (${time}::timestamptz, ${id})`;
    }
    await requireChat(database, params.chatId);
    const rows = await database
      .select()
      .from(messages)
      .where(and(eq(messages.chatId, params.chatId), after))
      .orderBy(desc(messages.at), sql`${messages.id} collate "C" desc`)
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return {
      items: items.map(messageOf),
      nextCursor: rows.length > limit && last ? encodeCursor('messages', [last.at.toISOString(), last.id]) : null,
    };
  };

  /** The message already sent under `key`, or null; CONFLICT when it was another input. */
  const answerForKey = async (executor: DrizzleDatabase, key: string, fingerprint: string): Promise<MessageRow | null> => {
    const [row] = await executor.select().from(messages).where(eq(messages.idempotencyKey, key)).limit(1);
    if (!row) return null;
    if (row.requestHash !== fingerprint) {
      throw new ReachoutError('CONFLICT', 'This idempotency key was already used for a different message; use a new key for a new send', {
        fieldErrors: { idempotencyKey: 'Already used for a different message' },
      });
    }
    return row;
  };

  /** The rendered text and the payload of a template send, after the checks `sendNotification` makes too. */
  const checkTemplate = async (
    input: Extract<SendMessageInput, { template: unknown }>,
    phone: string,
    signal: AbortSignal | undefined,
  ): Promise<{ text: string; payload: Extract<SendMessageInput, { template: unknown }>['message'] }> => {
    const template = await context.findTemplate(input.template.id, signal);
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
    const payload = buildTemplateMessage({ to: phone, template, parameters: input.parameters });
    const difference = findMessageDifference(payload, input.message);
    if (difference) {
      throw new ReachoutError(
        'VALIDATION',
        `The message is not the one built from the template and parameters: ${difference.path} is ${difference.received ?? 'missing'}, expected ${difference.expected ?? 'nothing there'}`,
        { fieldErrors: { message: `Differs from the template and parameters at ${difference.path}` } },
      );
    }
    return { text: renderTemplate(template, input.parameters).bodyText, payload };
  };

  const setOutcome = (
    id: string,
    changes: Partial<Pick<MessageRow, 'status' | 'failureReason' | 'whatsappMessageId'>>,
    onlyWhile?: SQL,
  ) =>
    write(async (executor, emit) => {
      const [updated] = await executor
        .update(messages)
        .set(changes)
        .where(and(eq(messages.id, id), onlyWhile))
        .returning();
      if (updated) await emit({ type: 'message.updated', message: messageOf(updated) });
      return updated;
    });

  const waiting = sql`${messages.status} = 'pending' and ${messages.whatsappMessageId} is null`;

  // Messages committed by any server on this database (or before a crash) are handed to WhatsApp here.
  const worker: Promise<MessageSendWorker | null> = startMessageSendWorker({
    boss: context.queue,
    gateway: context.gateway,
    ...(context.logJob ? { logJob: context.logJob } : {}),
    async isWaiting(messageId) {
      const [row] = await database.select({ id: messages.id }).from(messages).where(and(eq(messages.id, messageId), waiting)).limit(1);
      return row !== undefined;
    },
    async markSent(messageId, whatsappMessageId) {
      const updated = await setOutcome(messageId, { status: 'sent', whatsappMessageId }, waiting);
      if (updated) context.afterSent?.(whatsappMessageId);
    },
    async markFailed(messageId, reason) {
      await setOutcome(messageId, { status: 'failed', failureReason: reason }, waiting);
    },
  }).catch((error: unknown) => {
    console.error('The chat message queue worker did not start: queued messages wait for the next start', error);
    return null;
  });

  /** The message's job, committed with the change that makes it `pending`; this process's workers look for it at once. */
  const enqueue = async (executor: DrizzleDatabase, job: SendMessageJob) => {
    await enqueueMessageSend(context.queue, executor, job);
  };
  const wake = () => void worker.then((started) => started?.wake());

  /** Sends a failed message again under its own key: the same message, `pending` once more, with a new job. */
  const sendAgain = async (failed: MessageRow, job: Omit<SendMessageJob, 'messageId'>): Promise<MessageRow> => {
    const row = await write(async (executor, emit) => {
      const [updated] = await executor
        .update(messages)
        .set({ status: 'pending', failureReason: null })
        .where(and(eq(messages.id, failed.id), eq(messages.status, 'failed')))
        .returning();
      // A racing repeat of the key already sent it again: its state is the answer.
      if (!updated) return (await executor.select().from(messages).where(eq(messages.id, failed.id)).limit(1))[0];
      await enqueue(executor, { ...job, messageId: updated.id });
      await emit({ type: 'message.updated', message: messageOf(updated) });
      return updated;
    });
    wake();
    return row ?? failed;
  };

  const send = async (input: SendMessageInput, signal?: AbortSignal): Promise<Message> => {
    const chatId = typeof input === 'object' && input !== null && typeof input.chatId === 'string' ? input.chatId : undefined;
    const [chat] = chatId === undefined ? [] : await database.select().from(chats).where(eq(chats.id, chatId)).limit(1);
    const refusal = sendMessageRefusal(input, chat ? chatOf(chat) : { lastInboundAt: null }, now());
    // Malformed input first; a retry of a message already sent is answered even after the window closed.
    if (refusal?.code === 'VALIDATION') throw refusal;
    const fingerprint = fingerprintOf(input);
    const previous = await answerForKey(database, input.idempotencyKey, fingerprint);
    if (previous && previous.status !== 'failed') return messageOf(previous);
    if (!chat) throw new ReachoutError('NOT_FOUND', `No chat with id ${input.chatId}`);
    // Sending a failed message again is a new send: the window must be open for a text.
    if (refusal) throw refusal;
    const [contact] = await database.select({ phone: contacts.phone }).from(contacts).where(eq(contacts.id, chat.contactId)).limit(1);
    const [senderRow] = await database.select().from(senders).where(eq(senders.id, chat.senderId)).limit(1);
    if (!contact || !senderRow) throw new ReachoutError('NOT_FOUND', `Chat ${chat.id} has lost its contact or its sender`);
    const sender: Sender = senderOf(senderRow);
    const isTemplate = isTemplateMessageInput(input);
    const { text, payload } = isTemplate
      ? await checkTemplate(input, contact.phone, signal)
      : {
          text: input.text,
          payload: {
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            to: contact.phone,
            type: 'text',
            text: { body: input.text, preview_url: false },
          } satisfies TextMessagePayload,
        };
    if (previous) return messageOf(await sendAgain(previous, { payload, sender }));
    const stored = await write(async (executor, emit) => {
      // A racing repeat of the key committed first: its message is the answer.
      const raced = await answerForKey(executor, input.idempotencyKey, fingerprint);
      if (raced) return { row: raced, created: false };
      const at = now();
      const [row] = await executor
        .insert(messages)
        .values({
          id: createSortableId(at.getTime()),
          chatId: chat.id,
          contactId: chat.contactId,
          direction: 'outbound',
          kind: isTemplate ? 'template' : 'text',
          text,
          author: chat.assignee,
          status: 'pending',
          failureReason: null,
          at,
          idempotencyKey: input.idempotencyKey,
          requestHash: fingerprint,
        })
        .returning();
      if (!row) throw new Error('Storing the message answered no row');
      // The outbox: the job commits with the message, so a server that dies after this commit
      // leaves a job another start (or server) runs.
      await enqueue(executor, { messageId: row.id, payload, sender });
      await emit({ type: 'message.added', message: messageOf(row) });
      return { row, created: true };
    });
    if (stored.created) wake();
    return messageOf(stored.row);
  };

  /**
   * A WhatsApp status of an outbound message (not a notification's: those follow their ticket).
   * Never backwards, and failed only from pending or sent. False when no message has the id.
   */
  async function recordStatus(update: DeliveryStatusUpdate): Promise<boolean> {
    return write(async (executor, emit) => {
      const [row] = await executor
        .select()
        .from(messages)
        .where(eq(messages.whatsappMessageId, update.messageId))
        .limit(1)
        .for('update');
      if (!row || row.direction !== 'outbound' || row.ticketId !== null) return row !== undefined;
      const current = row.status;
      let changes: { status: MessageStatus; failureReason: string | null } | null = null;
      if (update.status === 'failed') {
        if (current === 'pending' || current === 'sent') changes = { status: 'failed', failureReason: failureReasonOf(update.error) };
      } else if (current !== 'failed' && current !== null && deliveryRank[update.status] > deliveryRank[current]) {
        changes = { status: update.status, failureReason: null };
      }
      if (changes) {
        const [updated] = await executor.update(messages).set(changes).where(eq(messages.id, row.id)).returning();
        if (updated) await emit({ type: 'message.updated', message: messageOf(updated) });
      }
      return true;
    });
  }

  /** Stops the worker (its running sends get up to `timeoutMs`, then are aborted and run again later). */
  const stop = async (timeoutMs?: number) => {
    await (await worker)?.stop(timeoutMs);
  };

  return { list, send, recordStatus, stop };
}

export type Messages = ReturnType<typeof createMessages>;
