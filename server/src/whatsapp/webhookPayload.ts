import * as z from 'zod';
import type { DeliveryStatusUpdate, InboundMessage } from '../backend';

/**
 * The latest time a webhook may carry: 9999-12-31T23:59:59Z. Anything later is not a real
 * timestamp, and larger numbers (`"99999999999999999999"`) are not even a valid date.
 */
const maxUnixSeconds = 253_402_300_799;

/** Unix seconds, as a string in Meta's payloads (a number is accepted too); bounded, so every one is a valid date. */
const unixSecondsSchema = z
  .union([
    z.string().regex(/^\d{1,12}$/, 'Expected unix seconds (at most 12 digits)'),
    z.number().int().nonnegative().max(maxUnixSeconds, 'Expected unix seconds before the year 10000'),
  ])
  .transform(Number)
  .pipe(z.number().max(maxUnixSeconds, 'Expected unix seconds before the year 10000'))
  .transform((seconds) => new Date(seconds * 1000).toISOString());

/** NUL and unpaired surrogates, which PostgreSQL cannot store in text. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this must find.
const unstorableCharacters = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text from WhatsApp (what a customer wrote, an error's title), made storable: a character
 * PostgreSQL refuses becomes U+FFFD, so the message is kept (and the payload acknowledged)
 * instead of failing on every redelivery.
 */
const storableTextSchema = z.string().transform((text) => text.replace(unstorableCharacters, '\uFFFD'));

/** An id or phone number: refused with 400 when it holds a character that cannot be stored. */
const identifierSchema = z
  .string()
  .min(1)
  .max(512)
  .refine((value) => !value.match(unstorableCharacters), 'Contains NUL or an unpaired surrogate');

const statusErrorSchema = z.object({
  code: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  title: storableTextSchema.optional(),
  message: storableTextSchema.optional(),
  error_data: z.object({ details: storableTextSchema.optional() }).optional(),
});

const statusSchema = z.object({
  id: identifierSchema,
  status: z.string(),
  timestamp: unixSecondsSchema,
  recipient_id: z.string().optional(),
  errors: z.array(statusErrorSchema).optional(),
});

const mediaSchema = z.object({ caption: storableTextSchema.optional(), filename: storableTextSchema.optional() }).optional();

const messageSchema = z.object({
  from: identifierSchema,
  id: identifierSchema,
  timestamp: unixSecondsSchema,
  type: storableTextSchema,
  text: z.object({ body: storableTextSchema }).optional(),
  button: z.object({ text: storableTextSchema }).optional(),
  interactive: z
    .object({
      type: z.string().optional(),
      button_reply: z.object({ title: storableTextSchema }).optional(),
      list_reply: z.object({ title: storableTextSchema }).optional(),
    })
    .optional(),
  image: mediaSchema,
  video: mediaSchema,
  audio: mediaSchema,
  document: mediaSchema,
  sticker: mediaSchema,
  location: z
    .object({
      latitude: z.number().optional(),
      longitude: z.number().optional(),
      name: storableTextSchema.optional(),
      address: storableTextSchema.optional(),
    })
    .optional(),
  reaction: z.object({ emoji: storableTextSchema.optional() }).optional(),
});

/** The `value` of a change whose `field` is `messages`: delivery statuses or customer messages. */
const messagesValueSchema = z.object({
  metadata: z.object({ display_phone_number: identifierSchema.optional() }).optional(),
  statuses: z.array(statusSchema).optional(),
  messages: z.array(messageSchema).optional(),
});

/** Unknown fields are tolerated everywhere (zod strips them); only `entry[].changes[]` must be arrays. */
const webhookPayloadSchema = z.object({
  object: z.string().optional(),
  entry: z.array(
    z.object({
      changes: z.array(z.object({ field: z.string(), value: z.unknown() })).optional(),
    }),
  ),
});

/**
 * The JSON Schema of what `POST /webhooks/whatsapp` reads (for `openapi.json`): the `messages`
 * changes with their statuses and customer messages, and `message_template_status_update` changes
 * (whatever their value: they drop the server's copy of the templates); other fields and unknown
 * keys are allowed.
 */
export function webhookPayloadJsonSchema(): Record<string, unknown> {
  const documented = webhookPayloadSchema.extend({
    entry: z.array(
      z.object({
        changes: z
          .array(
            z.union([
              z.object({ field: z.literal('messages'), value: messagesValueSchema }),
              z.object({
                field: z.literal('message_template_status_update'),
                value: z.unknown().describe('Not read: any template status change drops the copy of the templates'),
              }),
              z.object({ field: z.string().describe('Other fields are skipped'), value: z.unknown() }),
            ]),
          )
          .optional(),
      }),
    ),
  });
  const { $schema: _dialect, ...schema } = z.toJSONSchema(documented, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  return schema;
}

export type WebhookUpdate =
  | { kind: 'status'; update: DeliveryStatusUpdate }
  | { kind: 'inbound'; message: InboundMessage }
  /** A template was approved, rejected, paused... (`message_template_status_update`): read templates again. */
  | { kind: 'template-status' };

export type WebhookParseResult = { success: true; updates: WebhookUpdate[] } | { success: false; problem: string };

const deliveryStatuses = new Set<string>(['sent', 'delivered', 'read', 'failed'] satisfies DeliveryStatusUpdate['status'][]);

function isDeliveryStatus(status: string): status is DeliveryStatusUpdate['status'] {
  return deliveryStatuses.has(status);
}

/** `16505551234` (or `+1 650-555-1234`) → `+16505551234`; `undefined` when there are no digits. */
function toE164(phone: string | undefined): string | undefined {
  const digits = phone?.replace(/\D/g, '') ?? '';
  return digits === '' ? undefined : `+${digits}`;
}

type WebhookMessage = z.infer<typeof messageSchema>;
type WebhookStatus = z.infer<typeof statusSchema>;

/** Message types that are not something the customer wrote: no inbound message for them. */
const ignoredMessageTypes = new Set(['system', 'request_welcome']);

function withCaption(label: string, caption: string | undefined): string {
  return caption === undefined || caption === '' ? label : `${label} ${caption}`;
}

/** What an agent reads for a message: its text, or a placeholder like `[image]` for other types. */
function messageText(message: WebhookMessage): string {
  switch (message.type) {
    case 'text':
      return message.text?.body ?? '[text]';
    case 'button':
      return message.button?.text ?? '[button]';
    case 'interactive':
      return message.interactive?.button_reply?.title ?? message.interactive?.list_reply?.title ?? '[interactive reply]';
    case 'image':
    case 'video':
    case 'audio':
    case 'sticker':
      return withCaption(`[${message.type}]`, message[message.type]?.caption);
    case 'document':
      return withCaption('[document]', message.document?.caption ?? message.document?.filename);
    case 'location': {
      const place = [message.location?.name, message.location?.address].filter(Boolean).join(', ');
      return withCaption('[location]', place);
    }
    case 'contacts':
      return '[contact card]';
    case 'reaction':
      return withCaption('[reaction]', message.reaction?.emoji);
    case 'unsupported':
      return '[unsupported message]';
    default:
      return `[${message.type}]`;
  }
}

function statusUpdate(status: WebhookStatus & { status: DeliveryStatusUpdate['status'] }): DeliveryStatusUpdate {
  const update: DeliveryStatusUpdate = { messageId: status.id, status: status.status, at: status.timestamp };
  const firstError = status.errors?.[0];
  if (firstError !== undefined) {
    const details = firstError.error_data?.details ?? (firstError.message !== firstError.title ? firstError.message : undefined);
    update.error = {
      code: firstError.code,
      title: firstError.title ?? firstError.message ?? `WhatsApp error ${firstError.code}`,
      ...(details === undefined ? {} : { details }),
    };
  }
  return update;
}

function describeIssues(error: z.ZodError, path: string): string {
  return `${path}: ${z.prettifyError(error)}`;
}

/**
 * Reads a Cloud API webhook body into the updates Reachout applies, in payload order: delivery
 * statuses (`sent`, `delivered`, `read`, `failed`), customer messages, and template status changes. Changes of other fields
 * and other status values are skipped; a `messages` change of the wrong shape fails the whole
 * payload, so nothing is applied from it.
 */
export function parseWebhookPayload(payload: unknown): WebhookParseResult {
  const parsed = webhookPayloadSchema.safeParse(payload);
  if (!parsed.success) {
    return { success: false, problem: `Not a WhatsApp webhook payload: ${z.prettifyError(parsed.error)}` };
  }
  if (parsed.data.object !== undefined && parsed.data.object !== 'whatsapp_business_account') {
    return { success: true, updates: [] };
  }
  const updates: WebhookUpdate[] = [];
  for (const [entryIndex, entry] of parsed.data.entry.entries()) {
    for (const [changeIndex, change] of (entry.changes ?? []).entries()) {
      if (change.field === 'message_template_status_update') {
        updates.push({ kind: 'template-status' });
        continue;
      }
      if (change.field !== 'messages') continue;
      const value = messagesValueSchema.safeParse(change.value);
      if (!value.success) {
        return { success: false, problem: describeIssues(value.error, `entry[${entryIndex}].changes[${changeIndex}].value`) };
      }
      for (const status of value.data.statuses ?? []) {
        const { status: state } = status;
        if (isDeliveryStatus(state)) updates.push({ kind: 'status', update: statusUpdate({ ...status, status: state }) });
      }
      const to = toE164(value.data.metadata?.display_phone_number);
      for (const message of value.data.messages ?? []) {
        if (ignoredMessageTypes.has(message.type)) continue;
        const inbound: InboundMessage = {
          from: toE164(message.from) ?? message.from,
          text: messageText(message),
          at: message.timestamp,
          messageId: message.id,
        };
        if (to !== undefined) inbound.to = to;
        updates.push({ kind: 'inbound', message: inbound });
      }
    }
  }
  return { success: true, updates };
}
