import { asc, desc, eq, sql } from 'drizzle-orm';
import { ReachoutError } from 'reachout/core';
import type { DeliveryStatusUpdate, InboundMessage, ReachoutBackend } from '../backend';
import { type BackendContext, isUniqueViolation, validDate } from './backendContext';
import { createSortableId } from './ids';
import { addInboundMessage } from './messages';
import { chatOf } from './rows';
import { chats, contacts, senders, tickets, timelineEvents } from './schema';

export interface WhatsAppHooks {
  /** Moves a ticket with a status of its notification. */
  applyStatus(ticketId: string, update: Omit<DeliveryStatusUpdate, 'messageId'>): Promise<void>;
  /** A status of a chat message (not a notification's). */
  recordMessageStatus(update: DeliveryStatusUpdate): Promise<unknown>;
}

/**
 * What WhatsApp tells the database backend (simulator or webhooks): delivery statuses and the
 * customers' messages, and `receive`, which the simulator's reply route uses too.
 */
export function createWhatsAppMethods(context: BackendContext, hooks: WhatsAppHooks) {
  const { database, now, write, addTimelineEvent, activeChatOf } = context;
  const { applyStatus } = hooks;

  const recordStatus = async (update: DeliveryStatusUpdate) => {
    const [row] = await database.select({ id: tickets.id }).from(tickets).where(eq(tickets.messageId, update.messageId)).limit(1);
    // Statuses of messages this backend did not send (another app on the number) are not ours.
    if (!row) {
      await hooks.recordMessageStatus(update);
      return;
    }
    await applyStatus(row.id, update);
  };

  /**
   * A customer's message: the active chat's reply window opens (a new open chat if none). The
   * window only moves forward: a message older than the chat's last one (WhatsApp delivers
   * webhooks out of order) is added to the timeline but leaves the chat as it is. A message whose
   * WhatsApp id was already recorded (a webhook delivered again) changes nothing.
   */
  const receive = (contactId: string, text: string, at: Date, origin: { businessPhone?: string; messageId?: string } = {}) =>
    write(async (executor, emit) => {
      const { businessPhone, messageId } = origin;
      if (messageId !== undefined) {
        const [seen] = await executor
          .select({ id: timelineEvents.id })
          .from(timelineEvents)
          .where(eq(timelineEvents.whatsappMessageId, messageId))
          .limit(1);
        if (seen) return;
      }
      const isNewer = (chat: { lastInboundAt: Date | null }) =>
        chat.lastInboundAt === null || chat.lastInboundAt.getTime() < at.getTime();
      let chat = await activeChatOf(executor, contactId);
      let chatChanged = true;
      if (chat) {
        if (isNewer(chat)) {
          [chat] = await executor.update(chats).set({ lastInboundAt: at }).where(eq(chats.id, chat.id)).returning();
        } else {
          chatChanged = false;
        }
      }
      const [lastChat] = chat
        ? []
        : await executor
            .select()
            .from(chats)
            .where(eq(chats.contactId, contactId))
            .orderBy(desc(chats.createdAt), sql`${chats.id} collate "C" desc`)
            .limit(1);
      if (lastChat?.lastInboundAt && at.getTime() < lastChat.lastInboundAt.getTime()) {
        // Written before the last message of a conversation that has ended since: it belongs
        // there, and arriving late must not open a new chat.
        chat = lastChat;
        chatChanged = false;
      }
      if (!chat) {
        const [byPhone] = businessPhone
          ? await executor.select({ id: senders.id }).from(senders).where(eq(senders.phone, businessPhone)).limit(1)
          : [];
        const [first] = await executor.select({ id: senders.id }).from(senders).orderBy(asc(senders.position)).limit(1);
        const senderId = byPhone?.id ?? lastChat?.senderId ?? first?.id;
        if (senderId === undefined) {
          throw new ReachoutError('NOT_FOUND', 'No sender to receive the reply on: add a business number first');
        }
        const createdAt = now();
        [chat] = await executor
          .insert(chats)
          .values({
            id: createSortableId(createdAt.getTime()),
            contactId,
            status: 'open',
            assignee: null,
            lastInboundAt: at,
            senderId,
            createdAt,
          })
          .returning();
      }
      if (!chat) throw new Error('Storing the chat answered no row');
      if (chatChanged) await emit({ type: 'chat.updated', chat: chatOf(chat) });
      const [ticket] = await executor
        .select({ id: tickets.id })
        .from(tickets)
        .where(eq(tickets.chatId, chat.id))
        .orderBy(desc(tickets.createdAt), sql`${tickets.id} collate "C" desc`)
        .limit(1);
      await addTimelineEvent(executor, emit, {
        contactId,
        type: 'customer.replied',
        text,
        ticketId: ticket?.id ?? null,
        at,
        whatsappMessageId: messageId ?? null,
      });
      await addInboundMessage(executor, emit, chat, { text, at, whatsappMessageId: messageId ?? null });
    });

  const recordInbound = async (message: InboundMessage) => {
    const digits = message.from.replace(/\D/g, '');
    if (!digits) return;
    const [contact] = await database.select({ id: contacts.id }).from(contacts).where(eq(contacts.phone, `+${digits}`)).limit(1);
    // Someone who is not a contact wrote: nothing to attach the message to.
    if (!contact) return;
    const received = now();
    // A time ahead of ours (a skewed or forged clock) would hold the window open: it moves only forward.
    const at = new Date(Math.min(validDate(message.at, received).getTime(), received.getTime()));
    try {
      await receive(contact.id, message.text, at, {
        ...(message.to === undefined ? {} : { businessPhone: message.to }),
        ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
      });
    } catch (error) {
      // The same message delivered twice at once: the unique id let one of them in.
      if (isUniqueViolation(error)) return;
      throw error;
    }
  };

  return {
    whatsapp: { recordStatus, recordInbound, templatesChanged: () => context.gateway().invalidateTemplates?.() } satisfies ReachoutBackend['whatsapp'],
    receive,
  };
}
