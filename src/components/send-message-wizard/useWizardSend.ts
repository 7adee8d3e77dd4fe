import { useEffect, useRef, useState } from 'react';
import type { Dispatch, RefObject, SetStateAction } from 'react';
import { toReachoutError } from '../../core/errors';
import type { SendNotificationInput, Ticket } from '../../core/types';
import { reachoutKeys, useReachout, useSendNotification, useTicket } from '../../data';
import { useLatestRef } from '../internal/useLatestRef';
import type { SendMessageWizardDraft, SendMessageWizardStep } from './sendMessageWizardTypes';
import { wizardStatusOf } from './wizardDraft';
import { createIdempotencyKey, deleteDraft, readDraft, writeDraft } from './wizardDraftStore';
import type { WizardSession } from './useWizardSession';

interface WizardSendInput {
  contactId: string;
  draft: SendMessageWizardDraft;
  ticketId: string | null;
  step: SendMessageWizardStep;
  setSession: Dispatch<SetStateAction<WizardSession>>;
  updateDraft: (update: (draft: SendMessageWizardDraft) => SendMessageWizardDraft) => void;
  onStepChangeRef: RefObject<((step: SendMessageWizardStep) => void) | undefined>;
  /** The send's input without its key, or `null` when a step is not valid yet. */
  buildInput: () => Omit<SendNotificationInput, 'idempotencyKey'> | null;
  /** Whether the wizard's data is still loading: Retry waits for it. */
  isLoading: boolean;
  onSent: ((ticket: Ticket) => void) | undefined;
}

/**
 * The wizard's send: one `sendNotification` per click however fast the clicks come, with an
 * idempotency key made once per draft and kept while the input is the same; a failure kept in
 * the draft (also for a wizard closed meanwhile); the rate-limit countdown; the status shown
 * from the send and the ticket's verification; `onSent` once per ticket.
 */
export function useWizardSend(input: WizardSendInput) {
  const { contactId, draft, ticketId, step, setSession, updateDraft, onStepChangeRef, buildInput, isLoading, onSent } = input;
  const { dataProvider, queryClient } = useReachout();
  const ticketQuery = useTicket(ticketId);
  const sendNotification = useSendNotification();
  const sendInFlight = useRef(false);
  const [sending, setSending] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  const onSendFailed = (error: unknown) => {
    const reachoutError = toReachoutError(error);
    const retryAt =
      reachoutError.code === 'RATE_LIMITED' && reachoutError.retryAfterMs !== undefined ? Date.now() + reachoutError.retryAfterMs : null;
    setNow(Date.now());
    const failed = (previous: SendMessageWizardDraft) => ({ ...previous, sendError: reachoutError, retryAt });
    // Kept for a reopened wizard even when this one was closed meanwhile.
    const saved = readDraft(dataProvider, contactId);
    if (saved !== undefined) writeDraft(dataProvider, contactId, failed(saved));
    setSession((previous) => (previous.contactId === contactId ? { ...previous, draft: failed(previous.draft) } : previous));
    if (reachoutError.code === 'ACTIVE_CHAT') void queryClient.invalidateQueries({ queryKey: reachoutKeys.activeChat(contactId) });
    if (reachoutError.code === 'OPTED_OUT') void queryClient.invalidateQueries({ queryKey: reachoutKeys.contacts.detail(contactId) });
  };

  const submit = () => {
    // A ref, not state: React does not re-render between clicks dispatched in one task.
    if (sendInFlight.current) return;
    if (draft.retryAt !== null && draft.retryAt > Date.now()) return;
    const withoutKey = buildInput();
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

    sendNotification.mutateAsync({ idempotencyKey, ...withoutKey }).then(
      (ticket) => {
        // Sent: the draft is no longer restored, even when the wizard was closed meanwhile.
        deleteDraft(dataProvider, contactId);
        setSession((previous) =>
          previous.contactId === contactId
            ? { ...previous, ticketId: ticket.id, draft: { ...previous.draft, idempotencyKey: null, keyFingerprint: null } }
            : previous,
        );
      },
      onSendFailed,
    ).finally(() => {
      sendInFlight.current = false;
      setSending(false);
    });
  };

  const retryInSeconds = useRetryCountdown(draft.retryAt, now, setNow);
  const ticket = ticketId === null ? null : (ticketQuery.data ?? null);
  const status = wizardStatusOf({ sending, sendError: draft.sendError, ticketId, ticket, retryInSeconds, isLoading });
  const state = status.state;
  const verificationFailed = ticket?.status === 'failed';

  const onSentRef = useLatestRef(onSent);
  const reportedTicketId = useRef<string | null>(null);
  useEffect(() => {
    if (state !== 'sent' || ticket === null || reportedTicketId.current === ticket.id) return;
    reportedTicketId.current = ticket.id;
    onSentRef.current?.(ticket);
  }, [state, ticket, onSentRef]);

  return { submit, status, sending, verificationFailed };
}

/** Seconds until a rate-limited send may be retried, ticking while there are any. */
function useRetryCountdown(retryAt: number | null, now: number, setNow: (now: number) => void): number {
  useEffect(() => {
    if (retryAt === null) return;
    const timer = setInterval(() => {
      setNow(Date.now());
      if (Date.now() >= retryAt) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [retryAt, setNow]);
  return retryAt === null ? 0 : Math.max(0, Math.ceil((retryAt - now) / 1000));
}
