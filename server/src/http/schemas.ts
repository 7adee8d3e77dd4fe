import * as z from 'zod/mini';
import {
  agentSchema,
  chatSchema,
  contactImportBatchSchema,
  contactImportResultSchema,
  contactInputSchema,
  contactSchema,
  messagePageSchema,
  messageSchema,
  pageSchema,
  senderSchema,
  sendNotificationInputSchema,
  ticketSchema,
  timelineEventSchema,
} from 'reachout/core';
import { problemSchema } from './problem';
import { campaignRequestComponents, campaignResponseComponents } from './campaignRoutes';

// The schemas of the HTTP API. Requests are validated with them and `openapi.json` is derived
// from them, so the document cannot drift from what the server accepts.

/** Core has no schema for Cloud API templates: the document describes their stable envelope. */
export const messageTemplateSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  status: z.string(),
  category: z.string(),
  parameter_format: z.optional(z.enum(['POSITIONAL', 'NAMED'])),
  components: z.array(z.looseObject({ type: z.string() })),
  rejected_reason: z.optional(z.string()),
  quality_score: z.optional(z.object({ score: z.string() })),
});

export const reachoutEventSchema = z.union([
  z.object({ type: z.literal('ticket.updated'), ticket: ticketSchema }),
  z.object({ type: z.literal('chat.updated'), chat: chatSchema }),
  z.object({ type: z.literal('contact.created'), contact: contactSchema }),
  z.object({ type: z.literal('contact.updated'), contact: contactSchema }),
  z.object({ type: z.literal('contacts.imported'), created: z.array(contactSchema), updated: z.array(contactSchema) }),
  z.object({ type: z.literal('timeline.added'), event: timelineEventSchema }),
  z.object({ type: z.literal('message.added'), message: messageSchema }),
  z.object({ type: z.literal('message.updated'), message: messageSchema }),
  z.object({ type: z.literal('reset') }),
]);

/**
 * The envelope of `sendMessage`'s input: a text, or a template with its parameters and Cloud API
 * payload. The provider checks the rest (`sendMessageRefusal`: empty, 4,096 characters, the
 * window; the template's parameters and payload).
 */
export const sendMessageInputSchema = z.union([
  z.object({
    idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
    chatId: z.string().check(z.minLength(1), z.maxLength(200)),
    text: z.string(),
  }),
  z.object({
    idempotencyKey: z.string().check(z.minLength(8), z.maxLength(200)),
    chatId: z.string().check(z.minLength(1), z.maxLength(200)),
    template: z.object({ id: z.string(), name: z.string(), language: z.string() }),
    parameters: z.object({
      header: z.optional(z.record(z.string(), z.unknown())),
      body: z.optional(z.record(z.string(), z.string())),
      buttons: z.optional(z.record(z.string(), z.string())),
    }),
    message: z.looseObject({ messaging_product: z.literal('whatsapp'), type: z.literal('template'), to: z.string() }),
  }),
]);

export const simulatorReplySchema = z.object({
  text: z.string().check(z.minLength(1, 'Enter the reply text'), z.maxLength(4096, 'Use at most 4096 characters')),
});

export const simulatorVerificationSchema = z.object({
  result: z.enum(['success', 'failed'], { error: 'Use "success" or "failed"' }),
});

/** Request bodies: documented as what a client sends (the schemas' input side). */
export const requestComponents = {
  ContactInput: contactInputSchema,
  ContactImportBatch: contactImportBatchSchema,
  SendNotificationInput: sendNotificationInputSchema,
  SendMessageInput: sendMessageInputSchema,
  SimulatorReply: simulatorReplySchema,
  SimulatorVerification: simulatorVerificationSchema,
  ...campaignRequestComponents,
} satisfies Record<string, z.ZodMiniType>;

/** Answers: documented as what the server sends (the schemas' output side). */
export const responseComponents = {
  Agent: agentSchema,
  Contact: contactSchema,
  ContactImportResult: contactImportResultSchema,
  Sender: senderSchema,
  Chat: chatSchema,
  Ticket: ticketSchema,
  TimelineEvent: timelineEventSchema,
  MessageTemplate: messageTemplateSchema,
  ReachoutEvent: reachoutEventSchema,
  Problem: problemSchema,
  ContactPage: pageSchema(contactSchema),
  TicketPage: pageSchema(ticketSchema),
  TimelineEventPage: pageSchema(timelineEventSchema),
  ChatPage: pageSchema(chatSchema),
  Message: messageSchema,
  MessagePage: messagePageSchema,
  MessageTemplatePage: pageSchema(messageTemplateSchema),
  SenderList: z.object({ items: z.array(senderSchema) }),
  AgentList: z.object({ items: z.array(agentSchema) }),
  ActiveChat: z.object({ chat: z.nullable(chatSchema) }),
  MediaUrl: z.object({ url: z.string() }),
  Health: z.object({ status: z.literal('ok') }),
  Readiness: z.object({ status: z.literal('ready') }),
  ...campaignResponseComponents,
} satisfies Record<string, z.ZodMiniType>;

export type RequestComponent = keyof typeof requestComponents;
export type ResponseComponent = keyof typeof responseComponents;
