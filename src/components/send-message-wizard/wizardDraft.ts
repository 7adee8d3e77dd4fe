import type { ReachoutError, ReachoutErrorCode } from '../../core/errors';
import type { Ticket, TicketPriority } from '../../core/types';
import { sendMessageWizardSteps } from './sendMessageWizardTypes';
import type { SendMessageWizardDraft, SendMessageWizardStatus, SendMessageWizardStatusState, SendMessageWizardStep } from './sendMessageWizardTypes';

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

const retryableCodes: ReadonlySet<ReachoutErrorCode> = new Set(['NETWORK', 'UNKNOWN', 'RATE_LIMITED', 'UNAUTHORIZED']);

/** The status step's state: from the send in flight, its error, and the created ticket's verification. */
export function wizardStatusOf({
  sending,
  sendError,
  ticketId,
  ticket,
  retryInSeconds,
  isLoading,
}: {
  sending: boolean;
  sendError: ReachoutError | null;
  ticketId: string | null;
  /** The created ticket as last fetched; `null` before the send or while it loads. */
  ticket: Ticket | null;
  retryInSeconds: number;
  isLoading: boolean;
}): SendMessageWizardStatus {
  const verificationFailed = ticket?.status === 'failed';
  const state: SendMessageWizardStatusState = sending
    ? 'sending'
    : sendError !== null || verificationFailed
      ? 'failed'
      : ticketId === null
        ? 'idle'
        : ticket === null || ticket.status === 'verifying'
          ? 'verifying'
          : 'sent';
  const retryable = sendError !== null && retryableCodes.has(sendError.code);
  return {
    state,
    ticket,
    error: sendError,
    failureReason: verificationFailed ? (ticket.notification.failureReason ?? null) : null,
    canRetry: retryable && retryInSeconds === 0 && !sending && !isLoading,
    retryable,
    retryInSeconds,
    editStep: editStepOf(sendError),
  };
}
