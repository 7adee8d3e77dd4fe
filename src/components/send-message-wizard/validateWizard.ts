import { countCharacters } from '../../core/characters';
import type { ReachoutError } from '../../core/errors';
import { ticketLimits } from '../../core/schemas';
import { buildTemplateMessage } from '../../core/template';
import type { MessageTemplate, Sender, SendNotificationInput, TemplateParameters } from '../../core/types';
import { templateContentIssues } from '../template-steps';
import type {
  SendMessageWizardBlock,
  SendMessageWizardField,
  SendMessageWizardFieldError,
  SendMessageWizardStep,
  SendMessageWizardValues,
} from './sendMessageWizardTypes';
import { stepOfField } from './wizardDraft';

// Pure rules of the wizard's checks and its send input: no React.

export type WizardFieldErrors = Partial<Record<SendMessageWizardField, SendMessageWizardFieldError>>;

/** The values the wizard sends with: the draft's, with the only sender and the contact's phone filled in. */
export type WizardValues = SendMessageWizardValues & { senderId: string | null; to: string | null };

/** Senders that can send now; disconnected, flagged and restricted ones are shown but not choosable. */
export function isSenderSelectable(sender: Sender): boolean {
  return sender.status === undefined || sender.status === 'connected';
}

/**
 * Every field's error: the sender and number, the template's content, the description's length,
 * and the provider's own field errors from the last send, kept beside their field until the next.
 */
export function wizardFieldErrors({
  values,
  sender,
  parameters,
  sendError,
}: {
  values: Pick<WizardValues, 'senderId' | 'to' | 'template' | 'headerMedia' | 'uploadedMediaLink' | 'description'>;
  sender: Sender | undefined;
  parameters: TemplateParameters;
  sendError: ReachoutError | null;
}): WizardFieldErrors {
  const found: WizardFieldErrors = {};
  if (values.senderId === null || sender === undefined || !isSenderSelectable(sender)) {
    found.senderId = { code: 'required', message: 'Choose the number to send from.' };
  }
  if (values.to === null) found.to = { code: 'required', message: 'The contact has no number.' };
  Object.assign(
    found,
    templateContentIssues({ template: values.template, parameters, values: { headerMedia: values.headerMedia, uploadedMediaLink: values.uploadedMediaLink } }),
  );
  const descriptionLength = countCharacters(values.description);
  if (descriptionLength > ticketLimits.descriptionMaxLength) {
    found.description = { code: 'too_long', message: 'The description is too long.', limit: ticketLimits.descriptionMaxLength, length: descriptionLength };
  }
  if (sendError?.code === 'VALIDATION') {
    for (const [field, message] of Object.entries(sendError.fieldErrors ?? {})) {
      const key = (field.startsWith('ticket.') ? field.slice('ticket.'.length) : field) as SendMessageWizardField;
      found[key] ??= { code: 'provider', message };
    }
  }
  return found;
}

/** Whether a step lets Next on: its fields are valid (the recipient step also needs its data loaded and no block). */
export function isWizardStepValid(
  step: SendMessageWizardStep,
  { errors, isLoading, hasLoadError, blocked }: { errors: WizardFieldErrors; isLoading: boolean; hasLoadError: boolean; blocked: SendMessageWizardBlock | null },
): boolean {
  const has = (...fields: SendMessageWizardField[]) => fields.some((field) => errors[field] !== undefined);
  switch (step) {
    case 'recipient':
      return !isLoading && !hasLoadError && blocked === null && !has('senderId', 'to');
    case 'template':
      return errors.template === undefined;
    case 'content':
      return Object.keys(errors).every((field) => stepOfField(field) !== 'content');
    case 'ticket':
      return !has('description', 'priority', 'assigneeId');
    case 'status':
      return false;
    default:
      return step satisfies never;
  }
}

/** The send's input without its idempotency key, or `null` while a sender, number or template is missing. */
export function buildWizardSendInput({
  contactId,
  values,
  template,
  parameters,
}: {
  contactId: string;
  values: WizardValues;
  template: MessageTemplate | null;
  parameters: TemplateParameters;
}): Omit<SendNotificationInput, 'idempotencyKey'> | null {
  if (template === null || values.senderId === null || values.to === null) return null;
  return {
    contactId,
    senderId: values.senderId,
    to: values.to,
    template: { id: template.id, name: template.name, language: template.language },
    parameters,
    message: buildTemplateMessage({ to: values.to, template, parameters }),
    ticket: { priority: values.priority, assigneeId: values.assigneeId, description: values.description },
  };
}
