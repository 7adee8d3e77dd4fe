import { and, eq } from 'drizzle-orm';
import {
  checkNotification,
  failureReasonOf,
  idempotencyConflictError,
  type MessageTemplate,
  parseSendNotificationInput,
  ReachoutError,
  type SendNotificationInput,
  type Ticket,
  undeliverableError,
} from 'reachout/core';
import type { DeliveryStatusUpdate, ReachoutBackend } from '../backend';
import { enqueueDispatch } from '../jobs/dispatchNotification';
import { type BackendContext, deliveryRank, notFound, perform, validDate } from './backendContext';
import { createSortableId } from './ids';
import { syncNotificationMessage } from './messages';
import type { DrizzleDatabase } from './openDatabase';
import { agentOf, chatOf, contactOf, senderOf, ticketOf } from './rows';
import { agents, chats, idempotencyKeys, senders, tickets } from './schema';
import { fingerprintOf } from './text';

const sendScope = 'sendNotification';

export interface NotificationHooks {
  /** A send job just committed: this process's workers look for it now rather than at their next poll. */
  wakeDispatch(): void;
  /** A verification completed by hand (the simulator route): the simulator takes the next steps. */
  afterVerified(ticketId: string): void;
}

/**
 * `sendNotification` and `getTicket` of the database backend, and how a ticket moves with what
 * WhatsApp reports (`applyStatus`, `applyFailure`).
 */
export function createNotificationMethods(context: BackendContext, hooks: NotificationHooks) {
  const { db, database, now, write, addTimelineEvent, findContact, activeChatOf, findTemplate } = context;

  /** The ticket a key answers, or `null` when the key is free; CONFLICT when it was used for another notification. */
  const answerForKey = async (executor: DrizzleDatabase, key: string, fingerprint: string): Promise<string | null> => {
    const [claim] = await executor
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, sendScope), eq(idempotencyKeys.key, key)))
      .limit(1);
    // A key without an answer was claimed by a version of this server that stored the claim
    // before the ticket, and crashed in between: nothing was sent under it, so it is free.
    if (!claim || claim.ticketId === null) return null;
    if (claim.requestHash !== fingerprint) throw idempotencyConflictError('notification');
    return claim.ticketId;
  };

  /**
   * One send, idempotent per key, in one transaction: the key's stored answer if it has one, else
   * every refusal of the memory provider in its order, then the ticket, its timeline event and the
   * key with its answer. The key is stored with the ticket it answers, so a crash (or a refusal)
   * before the commit leaves neither, and a retry runs at once. Writing transactions are
   * serialised (`write`), so a concurrent repeat of the key sees this one's committed answer.
   */
  const createNotificationTicket = (input: SendNotificationInput, fingerprint: string, template: MessageTemplate | undefined) =>
    write(async (executor, emit): Promise<{ ticketId: string; created: boolean }> => {
      const answered = await answerForKey(executor, input.idempotencyKey, fingerprint);
      if (answered !== null) return { ticketId: answered, created: false };
      // Frees a key left without an answer (see answerForKey).
      await executor
        .delete(idempotencyKeys)
        .where(and(eq(idempotencyKeys.scope, sendScope), eq(idempotencyKeys.key, input.idempotencyKey)));

      const contactRow = await findContact(executor, input.contactId);
      const [senderRow] = await executor.select().from(senders).where(eq(senders.id, input.senderId)).limit(1);
      const [assigneeRow] =
        input.ticket.assigneeId === null
          ? []
          : await executor.select().from(agents).where(eq(agents.id, input.ticket.assigneeId)).limit(1);
      // A ticket still verifying is a send in flight, however long its job waits in the queue or
      // retries: its chat opens when WhatsApp answers, and a job that fails for good fails it.
      const [verifying] = await executor
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.contactId, input.contactId), eq(tickets.status, 'verifying')))
        .limit(1);
      const { contact, sender, assignee, to, message, body } = checkNotification(input, {
        contact: contactRow && contactOf(contactRow),
        sender: senderRow && senderOf(senderRow),
        template,
        assignee: assigneeRow && agentOf(assigneeRow),
        hasActiveChat: (await activeChatOf(executor, input.contactId)) !== undefined,
        hasVerifyingTicket: verifying !== undefined,
        connectedSenderId: context.gateway().senderId,
      });

      const at = now();
      const [row] = await executor
        .insert(tickets)
        .values({
          id: createSortableId(at.getTime()),
          contactId: contact.id,
          chatId: null,
          priority: input.ticket.priority,
          assignee,
          description: input.ticket.description,
          status: 'verifying',
          createdAt: at,
          updatedAt: at,
          senderId: sender.id,
          to: to.e164,
          templateName: message.template.name,
          language: message.template.language.code,
          body,
          delivery: 'pending',
          failureReason: null,
          messageId: null,
        })
        .returning();
      if (!row) throw new Error('Storing the ticket answered no row');
      // The outbox: the job that hands the message to WhatsApp commits with the ticket, so a
      // server that dies after this commit leaves a job another start (or server) runs.
      await enqueueDispatch(db.queue, executor, { ticketId: row.id, message, sender });
      await executor
        .insert(idempotencyKeys)
        .values({ scope: sendScope, key: input.idempotencyKey, requestHash: fingerprint, ticketId: row.id, createdAt: at });
      await emit({ type: 'ticket.updated', ticket: ticketOf(row) });
      await addTimelineEvent(executor, emit, {
        contactId: contact.id,
        type: 'notification.sent',
        text: `Sent ${message.template.name} from ${sender.displayName} to ${to.international}`,
        ticketId: row.id,
        at,
      });
      return { ticketId: row.id, created: true };
    });

  const readTicket = async (id: string): Promise<Ticket> => {
    const [row] = await database.select().from(tickets).where(eq(tickets.id, id)).limit(1);
    if (!row) throw notFound('ticket', id);
    return ticketOf(row);
  };

  const sendNotification = async (input: SendNotificationInput, signal?: AbortSignal): Promise<Ticket> => {
    parseSendNotificationInput(input);
    const fingerprint = fingerprintOf(input);
    // A repeat answers without reading templates (in Cloud API mode they come from Meta).
    const answered = await answerForKey(database, input.idempotencyKey, fingerprint);
    if (answered !== null) return readTicket(answered);
    const template = await findTemplate(input.template.id, signal);
    const { ticketId, created } = await createNotificationTicket(input, fingerprint, template);
    // The job is committed; this process's workers look for it now rather than at their next poll.
    if (created) hooks.wakeDispatch();
    return readTicket(ticketId);
  };

  const lockTicket = async (executor: DrizzleDatabase, id: string) =>
    (await executor.select().from(tickets).where(eq(tickets.id, id)).limit(1).for('update'))[0];

  const applyFailure = (ticketId: string, reason: string, at: Date = now()) =>
    write(async (executor, emit) => {
      const row = await lockTicket(executor, ticketId);
      // Failed only from pending or sent: a delivered message was received.
      if (!row || (row.delivery !== 'pending' && row.delivery !== 'sent')) return;
      const [updated] = await executor
        .update(tickets)
        .set({
          delivery: 'failed',
          failureReason: reason,
          // A ticket already handed to an agent stays theirs; only the verification fails it.
          status: row.status === 'verifying' ? 'failed' : row.status,
          updatedAt: now(),
        })
        .where(eq(tickets.id, ticketId))
        .returning();
      if (updated) await emit({ type: 'ticket.updated', ticket: ticketOf(updated) });
      if (updated) await syncNotificationMessage(executor, emit, updated);
      await addTimelineEvent(executor, emit, { contactId: row.contactId, type: 'notification.failed', text: reason, ticketId, at });
    });

  const applyProgress = (ticketId: string, status: 'sent' | 'delivered' | 'read', at: Date) =>
    write(async (executor, emit) => {
      const row = await lockTicket(executor, ticketId);
      // Never backwards, and never out of failed.
      if (!row || row.delivery === 'failed' || deliveryRank[status] <= deliveryRank[row.delivery]) return;
      let chatId = row.chatId;
      let ticketStatus = row.status;
      const verifiedNow = row.status === 'verifying';
      if (verifiedNow) {
        let chat = await activeChatOf(executor, row.contactId);
        if (!chat) {
          const createdAt = now();
          [chat] = await executor
            .insert(chats)
            .values({
              id: createSortableId(createdAt.getTime()),
              contactId: row.contactId,
              status: row.assignee ? 'assigned' : 'open',
              assignee: row.assignee,
              lastInboundAt: null,
              senderId: row.senderId,
              createdAt,
            })
            .returning();
          if (chat) await emit({ type: 'chat.updated', chat: chatOf(chat) });
        }
        chatId = chat?.id ?? null;
        ticketStatus = row.assignee ? 'assigned' : 'open';
      }
      const [updated] = await executor
        .update(tickets)
        .set({ delivery: status, status: ticketStatus, chatId, updatedAt: now() })
        .where(eq(tickets.id, ticketId))
        .returning();
      if (updated) await emit({ type: 'ticket.updated', ticket: ticketOf(updated) });
      if (updated) await syncNotificationMessage(executor, emit, updated);
      const timeline = { contactId: row.contactId, ticketId, at };
      if (verifiedNow) {
        await addTimelineEvent(executor, emit, { ...timeline, type: 'notification.verified', text: 'Number verified: the notification was sent' });
        if (row.assignee) {
          await addTimelineEvent(executor, emit, { ...timeline, type: 'ticket.assigned', text: `Ticket assigned to ${row.assignee.name}` });
        }
      }
      if (status === 'delivered' || (status === 'read' && deliveryRank[row.delivery] < deliveryRank.delivered)) {
        await addTimelineEvent(executor, emit, { ...timeline, type: 'notification.delivered', text: 'Notification delivered' });
      }
      if (status === 'read') {
        await addTimelineEvent(executor, emit, { ...timeline, type: 'notification.read', text: 'Notification read' });
      }
    });

  const applyStatus = async (ticketId: string, update: Omit<DeliveryStatusUpdate, 'messageId'>) => {
    const at = validDate(update.at, now());
    if (update.status === 'failed') await applyFailure(ticketId, failureReasonOf(update.error), at);
    else await applyProgress(ticketId, update.status, at);
  };

  const completeVerification = async (ticketId: string, result: 'success' | 'failed') => {
    const ticket = await readTicket(ticketId);
    if (ticket.status !== 'verifying') {
      throw new ReachoutError('CONFLICT', `Ticket ${ticketId} is ${ticket.status}, not verifying: its verification already ended`);
    }
    await applyStatus(ticketId, {
      status: result === 'success' ? 'sent' : 'failed',
      at: now().toISOString(),
      ...(result === 'failed' ? { error: undeliverableError } : {}),
    });
    if (result === 'success') hooks.afterVerified(ticketId);
  };

  const provider = {
    sendNotification: (params, callContext) => perform(callContext, () => sendNotification(params.input, callContext?.signal)),
    getTicket: (params, callContext) => perform(callContext, () => readTicket(params.id)),
  } satisfies Pick<ReachoutBackend['provider'], 'sendNotification' | 'getTicket'>;

  return { provider, applyFailure, applyStatus, completeVerification };
}

export type NotificationMethods = ReturnType<typeof createNotificationMethods>;
