import { forwardRef, useEffect, useId, useRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode, RefObject } from 'react';
import type { Chat, Ticket } from '../../core/types';
import { useSendMessageWizardRootContext } from './SendMessageWizardRoot';
import { useMessages } from './messages';
import type { WidgetMessageKey } from './messages';
import { cn } from '../internal/cn';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import { VisuallyHidden } from '../internal/VisuallyHidden';
import { sendMessageWizardSteps, useSendMessageWizard } from './useSendMessageWizard';
import type { SendMessageWizardStep, UseSendMessageWizardResult } from './useSendMessageWizard';

export interface SendMessageWizardContextValue {
  wizard: UseSendMessageWizardResult;
  unstyled: boolean;
  onOpenChat: ((chat: Chat) => void) | undefined;
  onOpenTicket: ((ticket: Ticket) => void) | undefined;
  /** Closes the wizard ("Done", "Close" after a failed send), through the Root's `onOpenChange`. */
  onClose: () => void;
  /** Opens or closes the dialog, through the Root's `onOpenChange` when the host controls it. */
  setOpen: (open: boolean) => void;
  /** The current step's body, where Next looks for the first invalid field to focus. */
  stepBodyRef: RefObject<HTMLDivElement | null>;
  /** Whether a step was already shown: later steps take focus when they appear, the first does not. */
  stepShownRef: RefObject<boolean>;
}

// Read through functions, never destructured: a module-level destructuring (or property read)
// of the call's result is kept by bundlers, and with it the whole widget.
const sendMessageWizardWidgetContext = createWidgetContext<SendMessageWizardContextValue>('SendMessageWizard', { root: 'Panel' });
const useWidgetContext: WidgetContext<SendMessageWizardContextValue>['useWidgetContext'] = (part) => sendMessageWizardWidgetContext.useWidgetContext(part);
const usePartClassName: WidgetContext<SendMessageWizardContextValue>['usePartClassName'] = (...args) => sendMessageWizardWidgetContext.usePartClassName(...args);

/**
 * The wizard a part belongs to, for parts and the host's own; a clear error when the part sits
 * outside `SendMessageWizard.Panel`.
 *
 * @example
 * const { wizard } = useSendMessageWizardContext();
 * return <p>Step {wizard.step}</p>;
 */
export const useSendMessageWizardContext: (part?: string) => SendMessageWizardContextValue = useWidgetContext;

/** Reachout's class for a part, merged with the host's, or only the host's when unstyled. */
export { usePartClassName };

interface UnstyledProp {
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

export const stepTitleKeys = {
  recipient: 'wizard.step.recipient',
  template: 'wizard.step.template',
  content: 'wizard.step.content',
  ticket: 'wizard.step.ticket',
  status: 'wizard.step.status',
} as const satisfies Record<SendMessageWizardStep, WidgetMessageKey>;

export interface SendMessageWizardPanelProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'>, UnstyledProp {
  /** The parts, or a function of the wizard's state for a fully custom layout. */
  children?: ReactNode | ((wizard: UseSendMessageWizardResult) => ReactNode);
}

/**
 * Runs `useSendMessageWizard` with the Root's options and gives its state to the parts inside.
 * Put it in `SendMessageWizard.Content` (mounted only while the dialog is open), or directly in
 * the Root to show the wizard inline. Unmounting keeps the draft, mounting again restores it.
 */
export const SendMessageWizardPanel = forwardRef<HTMLDivElement, SendMessageWizardPanelProps>(function SendMessageWizardPanel(
  { unstyled: unstyledProp, className, children, ...props },
  ref,
) {
  const root = useSendMessageWizardRootContext('SendMessageWizard.Panel');
  const unstyled = unstyledProp ?? root.unstyled;
  const { contactId, step, defaultStep, onStepChange, onSent, defaultPriority } = root.options;
  const wizard = useSendMessageWizard({ contactId, step, defaultStep, onStepChange, onSent, defaultPriority });
  const stepBodyRef = useRef<HTMLDivElement | null>(null);
  const stepShownRef = useRef(false);
  const value: SendMessageWizardContextValue = {
    wizard,
    unstyled,
    onOpenChat: root.onOpenChat,
    onOpenTicket: root.onOpenTicket,
    onClose: root.close,
    setOpen: root.setOpen,
    stepBodyRef,
    stepShownRef,
  };
  return (
    <sendMessageWizardWidgetContext.Provider value={value}>
      <div
        ref={ref}
        data-slot="send-message-wizard"
        data-step={wizard.step}
        data-state={wizard.status.state}
        className={cn(!unstyled && 'reachout-send-message-wizard', className)}
        {...props}
      >
        {typeof children === 'function' ? children(wizard) : children}
      </div>
    </sendMessageWizardWidgetContext.Provider>
  );
});

export interface SendMessageWizardStepperProps extends ComponentPropsWithoutRef<'ol'>, UnstyledProp {}

/**
 * The visible steps, an ordered list with the current one marked `aria-current="step"`; each item's
 * `data-state` is `complete`, `current`, `upcoming`, or `failed` (the status step after a failed send).
 */
export const SendMessageWizardStepper = forwardRef<HTMLOListElement, SendMessageWizardStepperProps>(function SendMessageWizardStepper(
  { unstyled, className, ...props },
  ref,
) {
  const { wizard } = useSendMessageWizardContext('SendMessageWizard.Stepper');
  const { t } = useMessages();
  const partClass = usePartClassName('SendMessageWizard.Stepper', 'reachout-send-message-wizard__stepper', unstyled, className);
  const itemClass = usePartClassName('SendMessageWizard.Stepper', 'reachout-send-message-wizard__stepper-item', unstyled, undefined);
  return (
    <ol ref={ref} aria-label={t('wizard.steps.label')} data-slot="send-message-wizard-stepper" className={partClass} {...props}>
      {sendMessageWizardSteps.map((step, index) => {
        // A failed send marks its step failed, not done: the last marker must not read as success.
        const state =
          index < wizard.stepIndex
            ? 'complete'
            : index === wizard.stepIndex
              ? step === 'status' && wizard.status.state === 'failed'
                ? 'failed'
                : 'current'
              : 'upcoming';
        return (
          <li
            key={step}
            data-slot="send-message-wizard-stepper-item"
            data-state={state}
            aria-current={state === 'current' || state === 'failed' ? 'step' : undefined}
            className={itemClass}
          >
            <span aria-hidden="true" data-slot="send-message-wizard-stepper-number">
              {index + 1}
            </span>
            <span>{t(stepTitleKeys[step])}</span>
          </li>
        );
      })}
    </ol>
  );
});

export interface SendMessageWizardStepProps extends ComponentPropsWithoutRef<'div'>, UnstyledProp {}

export interface SendMessageWizardStepBodyProps extends SendMessageWizardStepProps {
  /** The step this body belongs to: it names the region and its title. */
  step: SendMessageWizardStep;
}

/**
 * The current step's body: a titled region. When the step changes, focus moves to its title so
 * keyboard and screen-reader users start reading the new step from the top.
 */
export const SendMessageWizardStepBody = forwardRef<HTMLDivElement, SendMessageWizardStepBodyProps>(
  function SendMessageWizardStepBody({ unstyled, className, step, children, ...props }, ref) {
    const { stepBodyRef, stepShownRef } = useSendMessageWizardContext('SendMessageWizard.StepBody');
    const { t } = useMessages();
    const partClass = usePartClassName('SendMessageWizard.StepBody', 'reachout-send-message-wizard__step', unstyled, className);
    const titleRef = useRef<HTMLHeadingElement>(null);
    useEffect(() => {
      // Not on the first step shown: the dialog's own autofocus handles opening.
      if (stepShownRef.current) titleRef.current?.focus();
      stepShownRef.current = true;
    }, [step, stepShownRef]);
    const titleId = useId();
    return (
      <section
        ref={(element: HTMLDivElement | null) => {
          stepBodyRef.current = element;
          if (typeof ref === 'function') ref(element);
          else if (ref) ref.current = element;
        }}
        aria-labelledby={titleId}
        data-slot="send-message-wizard-step"
        data-step={step}
        className={partClass}
        {...props}
      >
        <h3 id={titleId} ref={titleRef} tabIndex={-1} data-slot="send-message-wizard-step-title">
          {t(stepTitleKeys[step])}
        </h3>
        {children}
      </section>
    );
  },
);

export interface SendMessageWizardFooterProps extends ComponentPropsWithoutRef<'div'>, UnstyledProp {}

/** "Back" and "Next" ("Create ticket and send" on the ticket step). Next on an incomplete step shows its errors and focuses the first. */
export const SendMessageWizardFooter = forwardRef<HTMLDivElement, SendMessageWizardFooterProps>(function SendMessageWizardFooter(
  { unstyled, className, ...props },
  ref,
) {
  const { wizard, stepBodyRef } = useSendMessageWizardContext('SendMessageWizard.Footer');
  const { t } = useMessages();
  const partClass = usePartClassName('SendMessageWizard.Footer', 'reachout-send-message-wizard__footer', unstyled, className);
  const buttonClass = usePartClassName('SendMessageWizard.Footer', 'reachout-send-message-wizard__button', unstyled, undefined);
  if (wizard.step === 'status') return null;
  const isTicketStep = wizard.step === 'ticket';
  return (
    <div ref={ref} data-slot="send-message-wizard-footer" className={partClass} {...props}>
      {wizard.stepIndex > 0 && (
        <button type="button" className={buttonClass} data-variant="secondary" onClick={wizard.back}>
          {t('wizard.back')}
        </button>
      )}
      <button
        type="button"
        className={buttonClass}
        data-variant="primary"
        aria-disabled={!wizard.canNext || undefined}
        data-disabled={!wizard.canNext ? '' : undefined}
        onClick={() => {
          if (wizard.next()) return;
          // After React shows the errors, put the user on the first field to fix.
          requestAnimationFrame(() => {
            stepBodyRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
          });
        }}
      >
        {t(isTicketStep ? 'wizard.submit' : 'wizard.next')}
      </button>
    </div>
  );
});

/** The status announced to screen readers; present from the start so changes are read out. */
export function SendMessageWizardAnnouncer() {
  const { wizard } = useSendMessageWizardContext('SendMessageWizard.Announcer');
  const { t, errorMessage } = useMessages();
  const { status } = wizard;
  let text = '';
  switch (status.state) {
    case 'idle':
      break;
    case 'sending':
      text = t('wizard.status.sending');
      break;
    case 'verifying':
      text = t('wizard.status.verifying');
      break;
    case 'sent':
      text = t('wizard.status.sent', { status: status.ticket ? t(`ticket.status.${status.ticket.status}`) : '' });
      break;
    case 'failed':
      text = `${t('wizard.status.failed')} ${
        status.error !== null
          ? errorMessage(status.error)
          : t('wizard.status.failureReason', { reason: status.failureReason ?? t('error.UNKNOWN') })
      }`;
      break;
    default:
      status.state satisfies never;
  }
  return (
    <VisuallyHidden role="status" aria-live="polite" data-slot="send-message-wizard-announcer">
      {text}
    </VisuallyHidden>
  );
}
