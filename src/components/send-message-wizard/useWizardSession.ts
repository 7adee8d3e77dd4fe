import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContactField, TemplateVariablePath } from '../../core/template';
import type { MessageTemplate } from '../../core/types';
import { useReachout } from '../../data';
import { useLatestRef } from '../internal/useLatestRef';
import type { SendMessageWizardDraft, SendMessageWizardStep, SendMessageWizardValues, UseSendMessageWizardOptions } from './sendMessageWizardTypes';
import { emptyDraft } from './wizardDraft';
import { deleteDraft, readDraft, writeDraft } from './wizardDraftStore';

export interface WizardSession {
  contactId: string;
  draft: SendMessageWizardDraft;
  /** The ticket the send created; the draft is then no longer restored. */
  ticketId: string | null;
}

/**
 * The wizard's draft session: the draft for `contactId` (restored from the provider's draft
 * store, saved back once touched, dropped once sent), the step (the host's when it owns it),
 * and the setters of the values.
 */
export function useWizardSession(options: UseSendMessageWizardOptions) {
  const { contactId, onStepChange } = options;
  const { dataProvider } = useReachout();
  const defaultStep = options.defaultStep ?? 'recipient';
  const defaultPriority = options.defaultPriority ?? 'medium';

  const [session, setSession] = useState<WizardSession>(() => ({
    contactId,
    draft: readDraft(dataProvider, contactId) ?? emptyDraft(defaultStep, defaultPriority),
    ticketId: null,
  }));
  // Another contact: its own draft, as if the wizard had been reopened for it.
  let current = session;
  if (session.contactId !== contactId) {
    current = { contactId, draft: readDraft(dataProvider, contactId) ?? emptyDraft(defaultStep, defaultPriority), ticketId: null };
    setSession(current);
  }
  const { draft, ticketId } = current;

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
  const onStepChangeRef = useLatestRef(onStepChange);
  const setStep = useCallback(
    (next: SendMessageWizardStep) => {
      updateDraft((previous) => ({ ...previous, step: next }));
      onStepChangeRef.current?.(next);
    },
    [updateDraft, onStepChangeRef],
  );

  return { dataProvider, draft, ticketId, setSession, updateDraft, step, setStep, onStepChangeRef, ...useValueSetters(updateDraft) };
}

function useValueSetters(updateDraft: (update: (draft: SendMessageWizardDraft) => SendMessageWizardDraft) => void) {
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

  return { setValues, setTemplate, setVariable, setBinding };
}
