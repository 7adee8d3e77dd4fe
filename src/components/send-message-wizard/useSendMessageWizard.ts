import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { countCharacters } from '../../core/characters';
import { toReachoutError } from '../../core/errors';
import { ticketLimits } from '../../core/schemas';
import type { ReachoutErrorCode } from '../../core/errors';
import { buildTemplateMessage, parseTemplate, renderTemplate, resolveTemplateParameters } from '../../core/template';
import type { ContactField, TemplateVariablePath } from '../../core/template';
import type { MessageTemplate, Sender, SendNotificationInput } from '../../core/types';
import { reachoutKeys, useActiveChat, useContact, useReachout, useSenders, useSendNotification, useTicket } from '../../data';
import { createIdempotencyKey, deleteDraft, readDraft, writeDraft } from './wizardDraftStore';
import { useLatestRef } from '../internal/useLatestRef';
import { templateContentIssues } from '../template-steps';
import { sendMessageWizardSteps } from './sendMessageWizardTypes';
import type {
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
import { editStepOf, emptyDraft, stepOfField } from './wizardDraft';

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

/** Senders that can send now; disconnected, flagged and restricted ones are shown but not choosable. */
export function isSenderSelectable(sender: Sender): boolean {
  return sender.status === undefined || sender.status === 'connected';
}

const retryableCodes: ReadonlySet<ReachoutErrorCode> = new Set(['NETWORK', 'UNKNOWN', 'RATE_LIMITED', 'UNAUTHORIZED']);



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
  const { contactId, onStepChange, onSent } = options;
  const { dataProvider, queryClient } = useReachout();
  const defaultStep = options.defaultStep ?? 'recipient';
  const defaultPriority = options.defaultPriority ?? 'medium';

  const [session, setSession] = useState(() => ({
    contactId,
    draft: readDraft(dataProvider, contactId) ?? emptyDraft(defaultStep, defaultPriority),
    ticketId: null as string | null,
  }));
  // Another contact: its own draft, as if the wizard had been reopened for it.
  let current = session;
  if (session.contactId !== contactId) {
    current = { contactId, draft: readDraft(dataProvider, contactId) ?? emptyDraft(defaultStep, defaultPriority), ticketId: null };
    setSession(current);
  }
  const { draft, ticketId } = current;

  const contactQuery = useContact(contactId);
  const activeChatQuery = useActiveChat(contactId);
  const sendersQuery = useSenders();
  const ticketQuery = useTicket(ticketId);
  const sendNotification = useSendNotification();
  const contact = contactQuery.data;
  const senders = useMemo(() => sendersQuery.data ?? [], [sendersQuery.data]);

  // A created ticket means the draft was sent: it is not restored any more. A draft nobody has
  // touched yet is not stored, so merely opening the wizard for many contacts stores nothing.
  const untouchedDraft = useRef(draft);
  useEffect(() => {
    if (ticketId !== null) deleteDraft(dataProvider, contactId);
    else if (draft !== untouchedDraft.current) writeDraft(dataProvider, contactId, draft);
  }, [dataProvider, contactId, draft, ticketId]);

  const updateDraft = useCallback(
    (update: (draft: SendMessageWizardDraft) => SendMessageWizardDraft) =>
      setSession((previous) => ({ ...previous, draft: update(previous.draft) })),
    [],
  );

  const step = options.step ?? draft.step;
  const stepIndex = sendMessageWizardSteps.indexOf(step);
  const onStepChangeRef = useLatestRef(onStepChange);
  const setStep = useCallback(
    (next: SendMessageWizardStep) => {
      updateDraft((previous) => ({ ...previous, step: next }));
      onStepChangeRef.current?.(next);
    },
    [updateDraft, onStepChangeRef],
  );

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

  const errors = useMemo(() => {
    const found: Partial<Record<SendMessageWizardField, SendMessageWizardFieldError>> = {};
    if (values.senderId === null || sender === undefined || !isSenderSelectable(sender)) {
      found.senderId = { code: 'required', message: 'Choose the number to send from.' };
    }
    if (values.to === null) found.to = { code: 'required', message: 'The contact has no number.' };
    Object.assign(found, templateContentIssues({ template, parameters, values: { headerMedia: values.headerMedia, uploadedMediaLink: values.uploadedMediaLink } }));
    const descriptionLength = countCharacters(draft.values.description);
    if (descriptionLength > ticketLimits.descriptionMaxLength) {
      found.description = { code: 'too_long', message: 'The description is too long.', limit: ticketLimits.descriptionMaxLength, length: descriptionLength };
    }
    // The provider's own field errors stay beside the field until the next send.
    const sendError = draft.sendError;
    if (sendError?.code === 'VALIDATION') {
      for (const [field, message] of Object.entries(sendError.fieldErrors ?? {})) {
        const key = (field.startsWith('ticket.') ? field.slice('ticket.'.length) : field) as SendMessageWizardField;
        found[key] ??= { code: 'provider', message };
      }
    }
    return found;
  }, [values.senderId, values.to, values.headerMedia, values.uploadedMediaLink, sender, template, parameters, draft.values.description, draft.sendError]);

  const blocked: SendMessageWizardBlock | null = contact?.optedOut
    ? { reason: 'opted_out' }
    : activeChatQuery.data
      ? { reason: 'active_chat', chat: activeChatQuery.data }
      : null;

  const isLoading = contactQuery.isPending || activeChatQuery.isPending || sendersQuery.isPending;
  const loadError = contactQuery.error ?? activeChatQuery.error ?? sendersQuery.error;

  const stepValid = (candidate: SendMessageWizardStep): boolean => {
    const has = (...fields: SendMessageWizardField[]) => fields.some((field) => errors[field] !== undefined);
    switch (candidate) {
      case 'recipient':
        return !isLoading && loadError === null && blocked === null && !has('senderId', 'to');
      case 'template':
        return errors.template === undefined;
      case 'content':
        return Object.keys(errors).every((field) => stepOfField(field) !== 'content');
      case 'ticket':
        return !has('description', 'priority', 'assigneeId');
      case 'status':
        return false;
      default:
        return candidate satisfies never;
    }
  };
  const canNext = stepValid(step);

  // ---- Sending ------------------------------------------------------------------------------

  const sendInFlight = useRef(false);
  const [sending, setSending] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  const buildInput = (): Omit<SendNotificationInput, 'idempotencyKey'> | null => {
    if (template === null || values.senderId === null || values.to === null) return null;
    return {
      contactId,
      senderId: values.senderId,
      to: values.to,
      template: { id: template.id, name: template.name, language: template.language },
      parameters,
      message: buildTemplateMessage({ to: values.to, template, parameters }),
      ticket: { priority: draft.values.priority, assigneeId: draft.values.assigneeId, description: draft.values.description },
    };
  };

  const submit = () => {
    // A ref, not state: React does not re-render between clicks dispatched in one task.
    if (sendInFlight.current) return;
    if (draft.retryAt !== null && draft.retryAt > Date.now()) return;
    const everyStepValid = (['recipient', 'template', 'content', 'ticket'] as const).every(stepValid);
    const withoutKey = everyStepValid ? buildInput() : null;
    if (withoutKey === null) {
      updateDraft((previous) => ({ ...previous, attemptedSteps: [...new Set([...previous.attemptedSteps, step])] }));
      return;
    }
    const fingerprint = JSON.stringify(withoutKey);
    const idempotencyKey =
      draft.idempotencyKey !== null && draft.keyFingerprint === fingerprint ? draft.idempotencyKey : createIdempotencyKey();
    sendInFlight.current = true;
    setSending(true);
    updateDraft((previous) => ({ ...previous, idempotencyKey, keyFingerprint: fingerprint, sendError: null, retryAt: null, step: 'status' }));
    if (step !== 'status') onStepChangeRef.current?.('status');

    const input: SendNotificationInput = { idempotencyKey, ...withoutKey };
    sendNotification.mutateAsync(input).then(
      (ticket) => {
        // Sent: the draft is no longer restored, even when the wizard was closed meanwhile.
        deleteDraft(dataProvider, contactId);
        setSession((previous) =>
          previous.contactId === contactId
            ? { ...previous, ticketId: ticket.id, draft: { ...previous.draft, idempotencyKey: null, keyFingerprint: null } }
            : previous,
        );
      },
      (error: unknown) => {
        const reachoutError = toReachoutError(error);
        const retryAt =
          reachoutError.code === 'RATE_LIMITED' && reachoutError.retryAfterMs !== undefined
            ? Date.now() + reachoutError.retryAfterMs
            : null;
        setNow(Date.now());
        const failed = (previous: SendMessageWizardDraft) => ({ ...previous, sendError: reachoutError, retryAt });
        // Kept for a reopened wizard even when this one was closed meanwhile.
        const saved = readDraft(dataProvider, contactId);
        if (saved !== undefined) writeDraft(dataProvider, contactId, failed(saved));
        setSession((previous) => (previous.contactId === contactId ? { ...previous, draft: failed(previous.draft) } : previous));
        if (reachoutError.code === 'ACTIVE_CHAT') void queryClient.invalidateQueries({ queryKey: reachoutKeys.activeChat(contactId) });
        if (reachoutError.code === 'OPTED_OUT') void queryClient.invalidateQueries({ queryKey: reachoutKeys.contacts.detail(contactId) });
      },
    ).finally(() => {
      sendInFlight.current = false;
      setSending(false);
    });
  };

  // ---- Rate-limit countdown -----------------------------------------------------------------

  const retryAt = draft.retryAt;
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= retryAt) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [retryAt]);
  const retryInSeconds = retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));

  // ---- Status -------------------------------------------------------------------------------

  const ticket = ticketId === null ? null : (ticketQuery.data ?? null);
  const verificationFailed = ticket?.status === 'failed';
  const state: SendMessageWizardStatusState = sending
    ? 'sending'
    : draft.sendError !== null || verificationFailed
      ? 'failed'
      : ticketId === null
        ? 'idle'
        : ticket === null || ticket.status === 'verifying'
          ? 'verifying'
          : 'sent';
  const status: SendMessageWizardStatus = {
    state,
    ticket,
    error: draft.sendError,
    failureReason: verificationFailed ? (ticket.notification.failureReason ?? null) : null,
    canRetry: draft.sendError !== null && retryableCodes.has(draft.sendError.code) && retryInSeconds === 0 && !sending && !isLoading,
    retryable: draft.sendError !== null && retryableCodes.has(draft.sendError.code),
    retryInSeconds,
    editStep: editStepOf(draft.sendError),
  };

  const onSentRef = useLatestRef(onSent);
  const reportedTicketId = useRef<string | null>(null);
  useEffect(() => {
    if (state !== 'sent' || ticket === null || reportedTicketId.current === ticket.id) return;
    reportedTicketId.current = ticket.id;
    onSentRef.current?.(ticket);
  }, [state, ticket, onSentRef]);

  // ---- Navigation ---------------------------------------------------------------------------

  const next = (): boolean => {
    if (step === 'ticket') {
      if (!canNext) {
        updateDraft((previous) => ({ ...previous, attemptedSteps: [...new Set([...previous.attemptedSteps, step])] }));
        return false;
      }
      submit();
      return true;
    }
    const following = sendMessageWizardSteps[stepIndex + 1];
    if (!canNext || following === undefined) {
      updateDraft((previous) => ({ ...previous, attemptedSteps: [...new Set([...previous.attemptedSteps, step])] }));
      return false;
    }
    setStep(following);
    return true;
  };

  const back = () => {
    const previous = sendMessageWizardSteps[stepIndex - 1];
    if (previous === undefined || sending || state === 'verifying' || state === 'sent') return;
    setStep(previous);
  };

  const goTo = (target: SendMessageWizardStep) => {
    if (target === step || sending || state === 'verifying' || state === 'sent') return;
    const targetIndex = sendMessageWizardSteps.indexOf(target);
    if (target === 'status') return;
    // Forward only across steps that are complete.
    const reachable = sendMessageWizardSteps.slice(0, targetIndex).every((candidate) => candidate === 'status' || stepValid(candidate));
    if (targetIndex < stepIndex || reachable) setStep(target);
  };

  const edit = () => {
    const target = verificationFailed ? 'content' : status.editStep;
    setSession((previous) => ({ ...previous, ticketId: null, draft: { ...previous.draft, step: target } }));
    onStepChangeRef.current?.(target);
  };

  const setValues = useCallback(
    (changes: Partial<SendMessageWizardValues>) =>
      updateDraft((previous) => ({ ...previous, values: { ...previous.values, ...changes } })),
    [updateDraft],
  );

  const setTemplate = useCallback(
    (chosen: MessageTemplate) =>
      updateDraft((previous) => {
        if (previous.values.template?.id === chosen.id) return { ...previous, values: { ...previous.values, template: chosen } };
        return { ...previous, values: { ...previous.values, template: chosen, variables: {}, bindings: {}, headerMedia: null } };
      }),
    [updateDraft],
  );

  const setVariable = useCallback(
    (path: TemplateVariablePath, value: string) =>
      updateDraft((previous) => ({ ...previous, values: { ...previous.values, variables: { ...previous.values.variables, [path]: value } } })),
    [updateDraft],
  );

  const setBinding = useCallback(
    (path: TemplateVariablePath, field: ContactField | null) =>
      updateDraft((previous) => {
        const bindings = { ...previous.values.bindings };
        if (field === null) delete bindings[path];
        else bindings[path] = field;
        return { ...previous, values: { ...previous.values, bindings } };
      }),
    [updateDraft],
  );

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
    setValues,
    setTemplate,
    setVariable,
    setBinding,
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
