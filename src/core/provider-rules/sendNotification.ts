import * as z from 'zod/mini';
import { ReachoutError } from '../errors';
import { normalizePhone } from '../phone';
import { fieldErrorsOf, sendNotificationInputSchema } from '../schemas';
import { buildTemplateMessage, findMessageDifference, renderTemplate, validateTemplateParameters } from '../template';
import type { Agent, Contact, MessageTemplate, Sender, SendNotificationInput, TemplateMessagePayload } from '../types';

/**
 * The `SendNotificationInput` a provider received, checked for shape (`sendNotificationInputSchema`);
 * `VALIDATION` with `fieldErrors` otherwise. Run it before looking up the idempotency key.
 */
export function parseSendNotificationInput(input: unknown): SendNotificationInput {
  const parsed = z.safeParse(sendNotificationInputSchema, input);
  if (!parsed.success) {
    throw new ReachoutError('VALIDATION', 'The notification is incomplete', { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  return input as SendNotificationInput;
}

/** What a backend looked up for one send: `checkNotification` decides from it alone. */
export interface NotificationSendState {
  /** The contact `input.contactId` names, or `undefined` when there is none. */
  contact: Contact | undefined;
  /** The sender `input.senderId` names, or `undefined` when there is none. */
  sender: Sender | undefined;
  /** The template `input.template.id` names, when that sender may use it; else `undefined`. */
  template: MessageTemplate | undefined;
  /** The agent `input.ticket.assigneeId` names (`undefined` when there is none; unused for `null`). */
  assignee: Agent | undefined;
  /** Whether the contact has an open, assigned or queued chat (`isChatActive`). */
  hasActiveChat: boolean;
  /** Whether one of the contact's tickets is still `verifying`: a send in flight. */
  hasVerifyingTicket: boolean;
  /** The only sender this backend can send from (one connected business number), if it has one. */
  connectedSenderId?: string | undefined;
}

/** A send `checkNotification` accepted: what the ticket and the WhatsApp message are made of. */
export interface CheckedNotification {
  contact: Contact;
  sender: Sender;
  template: MessageTemplate;
  assignee: Agent | null;
  /** The contact's number, in E.164 and as people read it (`+44 7400 123456`). */
  to: { e164: string; international: string };
  /** The Cloud API payload to send, built here from the template and parameters. */
  message: TemplateMessagePayload;
  /** The rendered body, for the ticket. */
  body: string;
}

function notFound(what: string, id: string): ReachoutError {
  return new ReachoutError('NOT_FOUND', `No ${what} with id ${id}`);
}

/**
 * Every refusal of `sendNotification`, in the order every provider applies them: `NOT_FOUND`
 * (contact, sender, template, assignee), `OPTED_OUT`, `ACTIVE_CHAT` (an active chat, or a
 * notification still verifying), `VALIDATION` (a sender other than the connected one, a
 * disconnected or restricted sender, a template that is not approved), `INVALID_NUMBER`,
 * `VALIDATION` (`to` other than the contact's phone, template parameters, a `message` other than
 * the one built from the template). Answers what the ticket needs when the send may go.
 *
 * @example
 * const checked = checkNotification(input, {
 *   contact, sender, template, assignee, hasActiveChat: false, hasVerifyingTicket: false,
 * });
 * await whatsapp.send(checked.message);
 */
export function checkNotification(input: SendNotificationInput, state: NotificationSendState): CheckedNotification {
  const { contact, sender, template } = state;
  if (!contact) throw notFound('contact', input.contactId);
  if (!sender) throw notFound('sender', input.senderId);
  if (!template) throw notFound('template', input.template.id);
  let assignee: Agent | null = null;
  if (input.ticket.assigneeId !== null) {
    if (!state.assignee) throw notFound('agent', input.ticket.assigneeId);
    assignee = state.assignee;
  }
  if (contact.optedOut) throw new ReachoutError('OPTED_OUT', `${contact.name} opted out of proactive messages`);
  if (state.hasActiveChat) {
    throw new ReachoutError('ACTIVE_CHAT', `${contact.name} has an active chat: continue the conversation there instead`);
  }
  // A ticket still verifying is a send in flight: its chat opens when WhatsApp answers.
  if (state.hasVerifyingTicket) {
    throw new ReachoutError(
      'ACTIVE_CHAT',
      `A notification to ${contact.name} is being verified: wait for its result before sending another`,
    );
  }
  if (state.connectedSenderId !== undefined && sender.id !== state.connectedSenderId) {
    throw new ReachoutError('VALIDATION', `${sender.displayName} is not the WhatsApp Business number this server sends from`, {
      fieldErrors: { senderId: 'Only the connected WhatsApp Business number can send' },
    });
  }
  if (sender.status === 'disconnected' || sender.status === 'restricted') {
    throw new ReachoutError('VALIDATION', `${sender.displayName} is ${sender.status} and cannot send messages`, {
      fieldErrors: { senderId: `This number is ${sender.status}` },
    });
  }
  if (template.status !== 'APPROVED') {
    throw new ReachoutError('VALIDATION', `Template ${template.name} is ${template.status}: only approved templates can be sent`, {
      fieldErrors: { template: 'Only approved templates can be sent' },
    });
  }
  const to = normalizePhone(input.to);
  if (!to.ok) {
    throw new ReachoutError('INVALID_NUMBER', `${input.to} is not a valid phone number`, {
      fieldErrors: { to: 'Not a valid phone number' },
    });
  }
  // The ticket belongs to the contact, so its notification goes to the contact's number.
  if (to.e164 !== contact.phone) {
    throw new ReachoutError('VALIDATION', `A notification to ${contact.name} must go to ${contact.phone}`, {
      fieldErrors: { to: `Send to the contact's number, ${contact.phone}` },
    });
  }
  const issues = validateTemplateParameters(template, input.parameters);
  if (issues.length > 0) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of issues) fieldErrors[issue.path] ??= issue.message;
    throw new ReachoutError('VALIDATION', 'Some template variables are missing or invalid', { fieldErrors });
  }
  // What is sent is built from what was validated; the client's copy must agree with it.
  const message = buildTemplateMessage({ to: contact.phone, template, parameters: input.parameters });
  const difference = findMessageDifference(message, input.message);
  if (difference) {
    const { path, expected, received } = difference;
    throw new ReachoutError(
      'VALIDATION',
      `The message is not the one built from the template and parameters: ${path} is ${received ?? 'missing'}, expected ${expected ?? 'nothing there'}`,
      { fieldErrors: { message: `Differs from the template and parameters at ${path}` } },
    );
  }
  return {
    contact,
    sender,
    template,
    assignee,
    to: { e164: to.e164, international: to.international },
    message,
    body: renderTemplate(template, input.parameters).bodyText,
  };
}
