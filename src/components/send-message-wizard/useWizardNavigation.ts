import type { Dispatch, RefObject, SetStateAction } from 'react';
import { sendMessageWizardSteps } from './sendMessageWizardTypes';
import type { SendMessageWizardDraft, SendMessageWizardStep } from './sendMessageWizardTypes';
import type { WizardSession } from './useWizardSession';

interface WizardNavigationInput {
  step: SendMessageWizardStep;
  canNext: boolean;
  stepValid: (step: SendMessageWizardStep) => boolean;
  /** Sending, verifying or sent: the steps are behind the wizard then. */
  isBusy: boolean;
  /** Where Edit goes after a failed send. */
  editStep: SendMessageWizardStep;
  submit: () => void;
  setStep: (step: SendMessageWizardStep) => void;
  updateDraft: (update: (draft: SendMessageWizardDraft) => SendMessageWizardDraft) => void;
  setSession: Dispatch<SetStateAction<WizardSession>>;
  onStepChangeRef: RefObject<((step: SendMessageWizardStep) => void) | undefined>;
}

/**
 * The wizard's moves (a hook so that React's compiler treats its inputs as read-only): Next (showing a step's errors when it is not complete, sending from the
 * ticket step), Back, a jump to a step (forward only across complete steps), and Edit after a
 * failed send.
 */
export function useWizardNavigation({ step, canNext, stepValid, isBusy, editStep, submit, setStep, updateDraft, setSession, onStepChangeRef }: WizardNavigationInput) {
  const stepIndex = sendMessageWizardSteps.indexOf(step);
  const markAttempted = () => updateDraft((previous) => ({ ...previous, attemptedSteps: [...new Set([...previous.attemptedSteps, step])] }));

  const next = (): boolean => {
    if (step === 'ticket') {
      if (!canNext) {
        markAttempted();
        return false;
      }
      submit();
      return true;
    }
    const following = sendMessageWizardSteps[stepIndex + 1];
    if (!canNext || following === undefined) {
      markAttempted();
      return false;
    }
    setStep(following);
    return true;
  };

  const back = () => {
    const previous = sendMessageWizardSteps[stepIndex - 1];
    if (previous === undefined || isBusy) return;
    setStep(previous);
  };

  const goTo = (target: SendMessageWizardStep) => {
    if (target === step || isBusy) return;
    const targetIndex = sendMessageWizardSteps.indexOf(target);
    if (target === 'status') return;
    // Forward only across steps that are complete.
    const reachable = sendMessageWizardSteps.slice(0, targetIndex).every((candidate) => candidate === 'status' || stepValid(candidate));
    if (targetIndex < stepIndex || reachable) setStep(target);
  };

  const edit = () => {
    setSession((previous) => ({ ...previous, ticketId: null, draft: { ...previous.draft, step: editStep } }));
    onStepChangeRef.current?.(editStep);
  };

  return { next, back, goTo, edit };
}
