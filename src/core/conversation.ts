import * as z from 'zod/mini';
import { countCharacters } from './characters';
import { ReachoutError } from './errors';
import { replyWindow } from './rules';
import { deliveryStatusSchema, fieldErrorsOf } from './schemas';
import type { Chat, Message, MessageStatus, Page, SendMessageInput, Ticket } from './types';

/** WhatsApp's limit for one free-form text message. */
const textMaxLength = 4096;

/** Limits of a chat message every provider keeps (memory provider, reference server, widgets). */
export const messageLimits = {
  /** Characters of a free-form text, counted by `countCharacters` (UTF-16 units: an emoji counts 2). */
  textMaxLength,
} as const;

const isoDateTime = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'Expected an ISO date'));

export const messageSchema = z.object({
  id: z.string(),
  chatId: z.string(),
  contactId: z.string(),
  direction: z.enum(['inbound', 'outbound']),
  kind: z.enum(['text', 'template']),
  text: z.string(),
  author: z.nullable(
    z.object({
      id: z.string(),
      name: z.string(),
      email: z.optional(z.nullable(z.string())),
      avatarUrl: z.optional(z.nullable(z.string())),
    }),
  ),
  status: z.nullable(deliveryStatusSchema),
  failureReason: z.nullable(z.string()),
  at: isoDateTime,
}) satisfies z.ZodMiniType<Message>;

export const messagePageSchema = z.object({
  items: z.array(messageSchema),
  nextCursor: z.nullable(z.string()),
  total: z.optional(z.number()),
}) satisfies z.ZodMiniType<Page<Message>>;

const keySchema = z.string().check(z.minLength(8), z.maxLength(200));
const idSchema = z.string().check(z.minLength(1), z.maxLength(200));

const sendTextMessageSchema = z.object({
  idempotencyKey: keySchema,
  chatId: idSchema,
  text: z.string(),
});

const sendTemplateMessageSchema = z.object({
  idempotencyKey: keySchema,
  chatId: idSchema,
  template: z.object({
    id: idSchema,
    name: z.string().check(z.maxLength(512)),
    language: z.string().check(z.maxLength(35)),
  }),
  parameters: z.object({
    header: z.optional(z.record(z.string(), z.unknown())),
    body: z.optional(z.record(z.string(), z.string())),
    buttons: z.optional(z.record(z.string(), z.string())),
  }),
  message: z.looseObject({
    messaging_product: z.literal('whatsapp'),
    type: z.literal('template'),
    to: z.string(),
  }),
});

function incomplete(error: z.core.$ZodError): ReachoutError {
  return new ReachoutError('VALIDATION', 'The message is incomplete', { fieldErrors: fieldErrorsOf(error) });
}

/** True for the template form of `SendMessageInput`. */
export function isTemplateMessageInput(
  input: SendMessageInput,
): input is Extract<SendMessageInput, { template: unknown }> {
  return 'template' in input;
}

/**
 * Why `sendMessage` must refuse `input` in a chat whose customer last wrote at
 * `chat.lastInboundAt`, or `null` when it may go on: `VALIDATION` for a malformed input, an
 * empty text or one longer than 4,096 characters; `OUTSIDE_WINDOW` for a text once the
 * 24-hour window (`replyWindow`) has closed. A template's own rules (approved, parameters,
 * payload) need the template and are checked by the provider, as for `sendNotification`.
 *
 * @example
 * const refusal = sendMessageRefusal(input, chat, new Date());
 * if (refusal) throw refusal;
 */
export function sendMessageRefusal(
  input: SendMessageInput,
  chat: Pick<Chat, 'lastInboundAt'>,
  now: Date,
): ReachoutError | null {
  // The input may come straight from an untrusted client: it is checked before it is trusted.
  if (typeof input === 'object' && input !== null && 'template' in input) {
    const parsed = z.safeParse(sendTemplateMessageSchema, input);
    return parsed.success ? null : incomplete(parsed.error);
  }
  const parsed = z.safeParse(sendTextMessageSchema, input);
  if (!parsed.success) return incomplete(parsed.error);
  const { text } = parsed.data;
  if (text.trim() === '') {
    return new ReachoutError('VALIDATION', 'A message needs some text', { fieldErrors: { text: 'Write a message' } });
  }
  const length = countCharacters(text);
  if (length > textMaxLength) {
    return new ReachoutError('VALIDATION', `A WhatsApp message has at most ${textMaxLength} characters; this one has ${length}`, {
      fieldErrors: { text: `Use at most ${textMaxLength} characters` },
    });
  }
  if (replyWindow(chat, now).state !== 'open') {
    return new ReachoutError(
      'OUTSIDE_WINDOW',
      'The customer has not written in the last 24 hours: only a template can reopen the conversation',
    );
  }
  return null;
}

/**
 * The status of the notification's message in its chat, following its ticket: `pending` while
 * the ticket is verifying, then the notification's delivery (`failed` when the ticket failed).
 */
export function notificationMessageStatus(ticket: Pick<Ticket, 'status' | 'notification'>): MessageStatus {
  if (ticket.status === 'verifying') return 'pending';
  if (ticket.status === 'failed') return 'failed';
  return ticket.notification.delivery;
}
