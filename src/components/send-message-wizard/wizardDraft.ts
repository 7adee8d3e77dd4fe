import type { ReachoutError } from '../../core/errors';
import type { TicketPriority } from '../../core/types';
import { sendMessageWizardSteps } from './sendMessageWizardTypes';
import type { SendMessageWizardDraft, SendMessageWizardStep } from './sendMessageWizardTypes';

// Pure rules of the wizard's draft: no React, unit-tested in test/components/send-message-wizard/wizardDraft.test.ts.

/** A new draft: nothing chosen, at `defaultStep`, with the host's default priority. */
export function emptyDraft(defaultStep: SendMessageWizardStep, priority: TicketPriority): SendMessageWizardDraft {
  return {
    values: {
      senderId: null,
      to: null,
      template: null,
      variables: {},
      bindings: {},
      headerMedia: null,
      uploadedMediaLink: null,
      priority,
      assigneeId: null,
      description: '',
    },
    step: defaultStep,
    idempotencyKey: null,
    keyFingerprint: null,
    sendError: null,
    retryAt: null,
    attemptedSteps: [],
  };
}

/** The step that holds a field named by the provider (`to`, `template.body.1`, `description`...). */
export function stepOfField(field: string): SendMessageWizardStep {
  if (field === 'senderId' || field === 'to' || field === 'contactId') return 'recipient';
  if (field === 'template' || field.startsWith('template.')) return 'template';
  if (field.startsWith('ticket') || field === 'priority' || field === 'assigneeId' || field === 'description') return 'ticket';
  return 'content';
}

/** The step to go back to after a failed send: where the person can fix what the error is about. */
export function editStepOf(error: ReachoutError | null): SendMessageWizardStep {
  if (error === null) return 'content';
  switch (error.code) {
    case 'VALIDATION': {
      const steps = Object.keys(error.fieldErrors ?? {}).map(stepOfField);
      return sendMessageWizardSteps.find((step) => steps.includes(step)) ?? 'content';
    }
    case 'ACTIVE_CHAT':
    case 'OPTED_OUT':
    case 'INVALID_NUMBER':
      return 'recipient';
    case 'NOT_FOUND':
    case 'OUTSIDE_WINDOW':
      return 'template';
    case 'CONFLICT':
    case 'RATE_LIMITED':
    case 'UNAUTHORIZED':
    case 'FORBIDDEN':
    case 'NETWORK':
    case 'UNKNOWN':
      return 'ticket';
    default:
      return error.code satisfies never;
  }
}
