import * as z from 'zod/mini';
import { countCharacters } from './characters';
import { normalizePhone, type CountryCode, type PhoneFailureReason, type PhoneResult } from './phone';
import type {
  Agent,
  Chat,
  Contact,
  Page,
  Sender,
  Ticket,
  TimelineEvent,
} from './types';

/**
 * Limits a contact's fields obey everywhere (form, memory provider, reference server), in
 * characters as `countCharacters` counts them.
 */
export const contactLimits = {
  nameMaxLength: 120,
  emailMaxLength: 254,
  avatarUrlMaxLength: 2048,
  /** The phone as typed, with spaces and punctuation (E.164 itself has at most 16 characters). */
  phoneMaxLength: 64,
} as const;

// Plain constants, not `inputLimits.x`: the schemas below are built at module level, and a bundler
// keeps a module-level call whose arguments read a property (it might be a getter), so a host
// that never sends would still ship every schema.
const idMaxLength = 200;
const phoneMaxLength = 32;
const templateNameMaxLength = 512;
const languageMaxLength = 35;
const parameterNameMaxLength = 100;
const parameterValueMaxLength = 1024;
const descriptionMaxLength = 4000;

/** Limits a ticket's fields obey everywhere (the wizard's counter, providers), as `countCharacters` counts. */
export const ticketLimits = {
  /** A ticket's description. */
  descriptionMaxLength,
} as const;

/**
 * Limits of the other text a provider accepts (memory provider, reference server, `openapi.json`):
 * longer than anything real, short enough that no input is unbounded.
 */
export const inputLimits = {
  /** Contact, sender, template and agent ids. */
  idMaxLength,
  /** The recipient's number as sent (E.164 has at most 16 characters). */
  phoneMaxLength,
  /** WhatsApp's own limit for a template name. */
  templateNameMaxLength,
  /** A WhatsApp language code (`en_US`); BCP 47 tags fit too. */
  languageMaxLength,
  /** A template parameter's name (`1`, `order_number`). */
  parameterNameMaxLength,
  /** A template parameter's value: WhatsApp's limit for a whole body. */
  parameterValueMaxLength,
  /** A ticket's description. */
  descriptionMaxLength,
} as const;

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

// Checked on the text as typed, so `openapi.json` can state them as `pattern`s (no regex flags
// there): surrounding spaces are trimmed afterwards and an empty value means "none".
const emailInputPattern = /^\s*(?:[^\s@]+@[^\s@]+\.[^\s@]+)?\s*$/;
const avatarUrlInputPattern = /^\s*(?:[Hh][Tt][Tt][Pp][Ss]?:\/\/\S+|data:image\/[\s\S]*|blob:[\s\S]*)?\s*$/;

/**
 * At most `max` characters as `countCharacters` counts them (UTF-16 units). Zod's own `maxLength`
 * counts code points, so it only states the limit for `openapi.json`; the refinement enforces it.
 */
function maxCharacters(max: number, message: string, options: { abort?: boolean } = {}) {
  const abort = options.abort ?? false;
  return [
    z.maxLength(max, { error: message, abort }),
    z.refine<string>((value) => countCharacters(value) <= max, { error: message, abort }),
  ] as const;
}

/** At most `max` characters; `abort` so a pattern after it never runs on a huge input. */
function maxLengthFirst(max: number, message: string) {
  return maxCharacters(max, message, { abort: true });
}

/** Trimmed; an empty value becomes `null`. */
const trimmedOrNull = z.transform((value: string | null | undefined): string | null => value?.trim() || null);

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
  return createContactInputSchemaWith(normalizePhone, options);
}

/**
 * `createContactInputSchema` reading the phone with `readPhone`: a widget passes the phone
 * functions it loaded on first use, so libphonenumber stays out of its initial chunk. Internal.
 */
export function createContactInputSchemaWith(
  readPhone: (input: string, defaultCountry?: CountryCode) => PhoneResult,
  options: ContactInputSchemaOptions = {},
) {
  const messages = { ...defaultContactInputMessages, ...options.messages };
  return z.object({
    name: z.pipe(
      z.string({ error: messages.nameRequired }).check(...maxCharacters(contactLimits.nameMaxLength, messages.nameTooLong)),
      z.transform((value) => value.trim()),
    ).check(z.minLength(1, messages.nameRequired)),
    email: z.pipe(
      z.optional(
        z.nullable(
          z.string().check(
            ...maxLengthFirst(contactLimits.emailMaxLength, messages.emailInvalid),
            z.regex(emailInputPattern, messages.emailInvalid),
          ),
        ),
      ),
      trimmedOrNull,
    ),
    phone: z.pipe(
      z.string({ error: messages.phoneRequired }).check(...maxLengthFirst(contactLimits.phoneMaxLength, messages.phoneTooLong)),
      z.transform((value, context): string => {
        const result = readPhone(value, options.defaultCountry);
        if (result.ok) return result.e164;
        context.issues.push({ code: 'custom', message: phoneMessage(result.reason, messages), input: value });
        return value;
      }),
    ),
    avatarUrl: z.pipe(
      z.optional(
        z.nullable(
          z.string().check(
            ...maxLengthFirst(contactLimits.avatarUrlMaxLength, messages.avatarUrlInvalid),
            z.regex(avatarUrlInputPattern, messages.avatarUrlInvalid),
          ),
        ),
      ),
      trimmedOrNull,
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

/** Text of at most `max` characters (`countCharacters`), saying so when it is longer. */
function textUpTo(max: number) {
  return z.string().check(...maxCharacters(max, `Use at most ${max} characters`));
}

const idSchema = textUpTo(idMaxLength);
const parameterNameSchema = textUpTo(parameterNameMaxLength);
const parameterValueSchema = textUpTo(parameterValueMaxLength);

export const sendNotificationInputSchema = z.object({
  idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
  contactId: idSchema,
  senderId: idSchema,
  to: textUpTo(phoneMaxLength),
  template: z.object({
    id: idSchema,
    name: textUpTo(templateNameMaxLength),
    language: textUpTo(languageMaxLength),
  }),
  parameters: z.object({
    header: z.optional(z.record(parameterNameSchema, z.unknown())),
    body: z.optional(z.record(parameterNameSchema, parameterValueSchema)),
    buttons: z.optional(z.record(parameterNameSchema, parameterValueSchema)),
  }),
  message: z.looseObject({
    messaging_product: z.literal('whatsapp'),
    type: z.literal('template'),
    to: z.string(),
  }),
  ticket: z.object({
    priority: ticketPrioritySchema,
    assigneeId: z.nullable(idSchema),
    description: textUpTo(descriptionMaxLength),
  }),
});
