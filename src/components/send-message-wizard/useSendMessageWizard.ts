import { useMemo } from 'react';
import { countCharacters } from '../../core/characters';
import { parseTemplate, renderTemplate, resolveTemplateParameters } from '../../core/template';
import { useActiveChat, useContact, useSenders } from '../../data';
import { sendMessageWizardSteps } from './sendMessageWizardTypes';
import type { SendMessageWizardBlock, SendMessageWizardStep, UseSendMessageWizardOptions, UseSendMessageWizardResult } from './sendMessageWizardTypes';
import { buildWizardSendInput, isSenderSelectable, isWizardStepValid, wizardFieldErrors } from './validateWizard';
import { useWizardSend } from './useWizardSend';
import { useWizardNavigation } from './useWizardNavigation';
import { useWizardSession } from './useWizardSession';

export { sendMessageWizardSteps } from './sendMessageWizardTypes';
export type {
  SendMessageWizardBlock,
  SendMessageWizardDraft,
  SendMessageWizardField,
  SendMessageWizardFieldError,
  SendMessageWizardStatus,
  SendMessageWizardStatusState,
  SendMessageWizardStep,
  SendMessageWizardValues,
  UseSendMessageWizardOptions,
  UseSendMessageWizardResult,
} from './sendMessageWizardTypes';
export { isSenderSelectable } from './validateWizard';

/**
 * The send-message wizard's state machine, without markup: the steps (recipient → template →
 * content → ticket → status), the values with their validation, the active-chat and opt-out
 * blocks, and the send — one `sendNotification` per click however fast the clicks come, with an
 * idempotency key made once per draft and reused by retries. The draft survives closing and
 * reopening the wizard for the same contact (under the same `<ReachoutProvider>`) until the
 * notification is sent.
 *
 * @example
 * const wizard = useSendMessageWizard({ contactId, onSent: (ticket) => toast(ticket.id) });
 * if (wizard.blocked?.reason === 'active_chat') return <OpenChat chat={wizard.blocked.chat} />;
 * return <button onClick={wizard.next} aria-disabled={!wizard.canNext}>Next</button>;
 */
export function useSendMessageWizard(options: UseSendMessageWizardOptions): UseSendMessageWizardResult {
  const { contactId, onSent } = options;
  const session = useWizardSession(options);
  const { draft, ticketId, setSession, updateDraft, step, setStep, onStepChangeRef } = session;
  const stepIndex = sendMessageWizardSteps.indexOf(step);

  const contactQuery = useContact(contactId);
  const activeChatQuery = useActiveChat(contactId);
  const sendersQuery = useSenders();
  const contact = contactQuery.data;
  const senders = useMemo(() => sendersQuery.data ?? [], [sendersQuery.data]);

  const selectableSenders = senders.filter(isSenderSelectable);
  const onlySender = selectableSenders.length === 1 ? selectableSenders[0] : undefined;
  const values = {
    ...draft.values,
    senderId: draft.values.senderId ?? onlySender?.id ?? null,
    to: draft.values.to ?? contact?.phone ?? null,
  };
  const sender = senders.find((candidate) => candidate.id === values.senderId);
  const template = values.template;

  const parsedTemplate = useMemo(() => (template === null ? null : parseTemplate(template)), [template]);
  const parameters = useMemo(
    () =>
      template === null
        ? {}
        : resolveTemplateParameters({
            template,
            values: draft.values.variables,
            bindings: draft.values.bindings,
            contact: contact ?? null,
            headerMedia: draft.values.headerMedia ?? undefined,
          }),
    [template, draft.values.variables, draft.values.bindings, draft.values.headerMedia, contact],
  );
  const bodyLength = useMemo(
    () => (template === null ? 0 : countCharacters(renderTemplate(template, parameters).bodyText)),
    [template, parameters],
  );

  const { senderId, to, headerMedia, uploadedMediaLink, description } = values;
  const errors = useMemo(
    () => wizardFieldErrors({ values: { senderId, to, template, headerMedia, uploadedMediaLink, description }, sender, parameters, sendError: draft.sendError }),
    [senderId, to, template, headerMedia, uploadedMediaLink, description, sender, parameters, draft.sendError],
  );

  const blocked: SendMessageWizardBlock | null = contact?.optedOut
    ? { reason: 'opted_out' }
    : activeChatQuery.data
      ? { reason: 'active_chat', chat: activeChatQuery.data }
      : null;

  const isLoading = contactQuery.isPending || activeChatQuery.isPending || sendersQuery.isPending;
  const loadError = contactQuery.error ?? activeChatQuery.error ?? sendersQuery.error;
  const stepValid = (candidate: SendMessageWizardStep) => isWizardStepValid(candidate, { errors, isLoading, hasLoadError: loadError !== null, blocked });
  const canNext = stepValid(step);

  const { submit, status, sending, verificationFailed } = useWizardSend({
    contactId,
    draft,
    ticketId,
    step,
    setSession,
    updateDraft,
    onStepChangeRef,
    buildInput: () =>
      (['recipient', 'template', 'content', 'ticket'] as const).every(stepValid) ? buildWizardSendInput({ contactId, values, template, parameters }) : null,
    isLoading,
    onSent,
  });
  const { next, back, goTo, edit } = useWizardNavigation({
    step,
    canNext,
    stepValid,
    isBusy: sending || status.state === 'verifying' || status.state === 'sent',
    editStep: verificationFailed ? 'content' : status.editStep,
    submit,
    setStep,
    updateDraft,
    setSession,
    onStepChangeRef,
  });

  const reload = () => {
    if (contactQuery.isError) void contactQuery.refetch();
    if (activeChatQuery.isError) void activeChatQuery.refetch();
    if (sendersQuery.isError) void sendersQuery.refetch();
  };

  return {
    step,
    stepIndex,
    goTo,
    values,
    setValues: session.setValues,
    setTemplate: session.setTemplate,
    setVariable: session.setVariable,
    setBinding: session.setBinding,
    errors,
    showAllErrors: draft.attemptedSteps.includes(step),
    canNext,
    next,
    back,
    submit,
    retry: () => {
      if (status.canRetry) submit();
    },
    edit,
    status,
    blocked,
    contact,
    senders,
    parsedTemplate,
    parameters,
    bodyLength,
    isLoading,
    loadError,
    reload,
  };
}
