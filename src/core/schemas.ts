import * as z from 'zod/mini';
import { normalizePhone, type CountryCode, type PhoneFailureReason } from './phone';
import type {
  Agent,
  Chat,
  Contact,
  Page,
  Sender,
  Ticket,
  TimelineEvent,
} from './types';

/** Limits a contact's fields obey everywhere (form, memory provider, reference server). */
export const contactLimits = { nameMaxLength: 120, emailMaxLength: 254, avatarUrlMaxLength: 2048 } as const;

/** The English messages of `contactInputSchema`; pass translated ones to `createContactInputSchema`. */
export const defaultContactInputMessages = {
  nameRequired: 'Enter a name',
  nameTooLong: `Use at most ${contactLimits.nameMaxLength} characters`,
  emailInvalid: 'Enter an email address like name@example.com',
  phoneRequired: 'Enter a phone number',
  phoneInvalidCountry: 'Choose a country or start the number with + and its country code',
  phoneTooShort: 'This number is too short',
  phoneTooLong: 'This number is too long',
  phoneInvalid: 'This is not a valid phone number for the chosen country',
  phoneNotANumber: 'A phone number has only digits, spaces and + ( ) -',
  avatarUrlInvalid: 'The photo must be an http(s) link or an uploaded image',
};

export type ContactInputMessages = typeof defaultContactInputMessages;

function phoneMessage(reason: PhoneFailureReason, messages: ContactInputMessages): string {
  switch (reason) {
    case 'empty':
      return messages.phoneRequired;
    case 'not_a_number':
      return messages.phoneNotANumber;
    case 'invalid_country':
      return messages.phoneInvalidCountry;
    case 'too_short':
      return messages.phoneTooShort;
    case 'too_long':
      return messages.phoneTooLong;
    case 'invalid':
      return messages.phoneInvalid;
    default:
      return reason satisfies never;
  }
}

const httpUrlPattern = /^https?:\/\/[^\s]+$/i;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ContactInputSchemaOptions {
  /** Country used to read a number typed without `+` and a country code. */
  defaultCountry?: CountryCode;
  /** Translated messages (any subset). */
  messages?: Partial<ContactInputMessages>;
}

/**
 * The schema for `ContactInput`: trims, turns an empty email into `null`, and turns the phone
 * into E.164 (or fails with a message saying what is wrong with it).
 *
 * @example
 * const schema = createContactInputSchema({ defaultCountry: 'BR' });
 * z.parse(schema, { name: 'Ana', phone: '(11) 98765-4321' }).phone; // '+5511987654321'
 */
export function createContactInputSchema(options: ContactInputSchemaOptions = {}) {
  const messages = { ...defaultContactInputMessages, ...options.messages };
  return z.object({
    name: z.pipe(
      z.string({ error: messages.nameRequired }),
      z.transform((value) => value.trim()),
    ).check(
      z.minLength(1, messages.nameRequired),
      z.maxLength(contactLimits.nameMaxLength, messages.nameTooLong),
    ),
    email: z.pipe(
      z.optional(z.nullable(z.string())),
      z.transform((value, context): string | null => {
        const trimmed = value?.trim() ?? '';
        if (!trimmed) return null;
        if (trimmed.length > contactLimits.emailMaxLength || !emailPattern.test(trimmed)) {
          context.issues.push({ code: 'custom', message: messages.emailInvalid, input: value });
          return null;
        }
        return trimmed;
      }),
    ),
    phone: z.pipe(
      z.string({ error: messages.phoneRequired }),
      z.transform((value, context): string => {
        const result = normalizePhone(value, options.defaultCountry);
        if (result.ok) return result.e164;
        context.issues.push({ code: 'custom', message: phoneMessage(result.reason, messages), input: value });
        return value;
      }),
    ),
    avatarUrl: z.pipe(
      z.optional(z.nullable(z.string())),
      z.transform((value, context): string | null => {
        const trimmed = value?.trim() ?? '';
        if (!trimmed) return null;
        if (
          trimmed.length > contactLimits.avatarUrlMaxLength ||
          !(httpUrlPattern.test(trimmed) || trimmed.startsWith('data:image/') || trimmed.startsWith('blob:'))
        ) {
          context.issues.push({ code: 'custom', message: messages.avatarUrlInvalid, input: value });
          return null;
        }
        return trimmed;
      }),
    ),
  });
}

/** `ContactInput` as a provider receives it: phone in E.164 (or with `+` and country code). */
export const contactInputSchema = createContactInputSchema();

/** Field → first message, for `ReachoutError` `fieldErrors` and forms. */
export function fieldErrorsOf(error: z.core.$ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'form';
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}

// Response shapes: used to check provider answers in development and by the reference server.

const isoDateTime = z.string().check(z.refine((value) => !Number.isNaN(Date.parse(value)), 'Expected an ISO date'));

export const agentSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.optional(z.nullable(z.string())),
  avatarUrl: z.optional(z.nullable(z.string())),
}) satisfies z.ZodMiniType<Agent>;

export const contactSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.nullable(z.string()),
  phone: z.string(),
  avatarUrl: z.nullable(z.string()),
  createdAt: isoDateTime,
  attributes: z.optional(z.record(z.string(), z.string())),
  optedOut: z.optional(z.boolean()),
}) satisfies z.ZodMiniType<Contact>;

export const senderSchema = z.object({
  id: z.string(),
  channel: z.literal('whatsapp'),
  phone: z.string(),
  displayName: z.string(),
  status: z.optional(z.enum(['connected', 'disconnected', 'flagged', 'restricted'])),
  qualityRating: z.optional(z.enum(['GREEN', 'YELLOW', 'RED', 'UNKNOWN'])),
}) satisfies z.ZodMiniType<Sender>;

export const chatStatusSchema = z.enum(['open', 'assigned', 'queued', 'resolved', 'closed']);

export const chatSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  status: chatStatusSchema,
  assignee: z.nullable(agentSchema),
  lastInboundAt: z.nullable(isoDateTime),
  senderId: z.string(),
}) satisfies z.ZodMiniType<Chat>;

export const ticketPrioritySchema = z.enum(['low', 'medium', 'high', 'urgent']);
export const ticketStatusSchema = z.enum(['verifying', 'failed', 'open', 'assigned', 'queued', 'resolved', 'closed']);
export const deliveryStatusSchema = z.enum(['pending', 'sent', 'delivered', 'read', 'failed']);

export const ticketSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  chatId: z.nullable(z.string()),
  priority: ticketPrioritySchema,
  assignee: z.nullable(agentSchema),
  description: z.string(),
  status: ticketStatusSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  notification: z.object({
    senderId: z.string(),
    to: z.string(),
    templateName: z.string(),
    language: z.string(),
    body: z.string(),
    delivery: deliveryStatusSchema,
    failureReason: z.optional(z.string()),
  }),
}) satisfies z.ZodMiniType<Ticket>;

export const timelineEventTypeSchema = z.enum([
  'contact.created',
  'notification.sent',
  'notification.verified',
  'notification.failed',
  'notification.delivered',
  'notification.read',
  'customer.replied',
  'ticket.assigned',
  'ticket.resolved',
]);

export const timelineEventSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  type: timelineEventTypeSchema,
  at: isoDateTime,
  ticketId: z.optional(z.string()),
  text: z.string(),
}) satisfies z.ZodMiniType<TimelineEvent>;

/** A page of `item`. */
export function pageSchema<Item extends z.ZodMiniType>(item: Item) {
  return z.object({
    items: z.array(item),
    nextCursor: z.nullable(z.string()),
    total: z.optional(z.number()),
  });
}

export const contactPageSchema = pageSchema(contactSchema) satisfies z.ZodMiniType<Page<Contact>>;

export const sendNotificationInputSchema = z.object({
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
  contactId: z.string(),
  senderId: z.string(),
  to: z.string(),
  template: z.object({ id: z.string(), name: z.string(), language: z.string() }),
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
  ticket: z.object({
    priority: ticketPrioritySchema,
    assigneeId: z.nullable(z.string()),
    description: z.string().check(z.maxLength(4000)),
  }),
});
