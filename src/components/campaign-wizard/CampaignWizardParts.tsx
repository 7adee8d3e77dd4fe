import * as Dialog from '@radix-ui/react-dialog';
import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import { useReachout } from '../../data/useReachout';
import { useMessages } from './messages';
import { cn } from '../internal/cn';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import { useControllableState } from '../internal/useControllableState';
import { Steps } from './CampaignWizardSteps';
import { campaignWizardSteps, useCampaignWizard } from './useCampaignWizard';
import type { UseCampaignWizardOptions, UseCampaignWizardResult } from './useCampaignWizard';

export interface CampaignWizardContextValue {
  /** Everything `useCampaignWizard` returns. */
  wizard: UseCampaignWizardResult;
  /** Whether the data provider offers campaigns (`createCampaign`). */
  isSupported: boolean;
  /** Whether the parts leave out Reachout's classes. */
  unstyled: boolean;
}

// Read through functions, never destructured at module level: bundlers would keep the widget.
const campaignWizardWidgetContext = createWidgetContext<CampaignWizardContextValue>('CampaignWizard');
const usePartClassName: WidgetContext<CampaignWizardContextValue>['usePartClassName'] = (...args) =>
  campaignWizardWidgetContext.usePartClassName(...args);

/**
 * The enclosing `CampaignWizard.Root`'s wizard, for the parts and a host's own; `part` names the
 * caller in the error thrown outside a Root.
 *
 * @example
 * function StepName() {
 *   const { wizard } = useCampaignWizardContext();
 *   return <span>{wizard.step}</span>;
 * }
 */
export function useCampaignWizardContext(part?: string): CampaignWizardContextValue {
  return campaignWizardWidgetContext.useWidgetContext(part);
}

interface UnstyledProp {
  /**
   * Leaves out Reachout's classes; data attributes and behaviour stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

export interface CampaignWizardRootProps extends Omit<UseCampaignWizardOptions, 'onCreated'> {
  /**
   * Whether the dialog is open, when the host controls it (with `onOpenChange`).
   * @default undefined (the dialog keeps its own state, starting at `defaultOpen`)
   */
  open?: boolean;
  /** @default false */
  defaultOpen?: boolean;
  /** Called when the dialog asks to open or close: a trigger, Escape, Close, or a campaign created. */
  onOpenChange?: (open: boolean) => void;
  /** Called with the campaign once created (the dialog closes). */
  onCreated?: UseCampaignWizardOptions['onCreated'];
  /**
   * Leaves out Reachout's classes on every part inside.
   * @default false
   */
  unstyled?: boolean;
  /** The parts: a Trigger and a Content. */
  children?: ReactNode;
}

/**
 * Holds the wizard (its draft survives closing the dialog) and the dialog's open state; renders
 * no markup of its own.
 */
export function CampaignWizardRoot({ open: openProp, defaultOpen = false, onOpenChange, onCreated, unstyled = false, children, ...options }: CampaignWizardRootProps) {
  const { dataProvider } = useReachout();
  const [open, setOpen] = useControllableState({ value: openProp, defaultValue: defaultOpen, onChange: onOpenChange });
  const wizard = useCampaignWizard({
    ...options,
    onCreated: (campaign) => {
      setOpen(false);
      onCreated?.(campaign);
    },
  });
  const value: CampaignWizardContextValue = { wizard, isSupported: dataProvider.createCampaign !== undefined, unstyled };
  return (
    <campaignWizardWidgetContext.Provider value={value}>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        {children}
      </Dialog.Root>
    </campaignWizardWidgetContext.Provider>
  );
}

export interface CampaignWizardTriggerProps extends ComponentPropsWithoutRef<typeof Dialog.Trigger>, UnstyledProp {}

/** The button that opens the dialog; "Create campaign" unless given children. */
export const CampaignWizardTrigger = forwardRef<HTMLButtonElement, CampaignWizardTriggerProps>(function CampaignWizardTrigger(
  { unstyled, className, children, ...props },
  ref,
) {
  const partClass = usePartClassName('CampaignWizard.Trigger', 'reachout-template-steps__button', unstyled, className);
  const { t } = useMessages();
  return (
    <Dialog.Trigger ref={ref} data-slot="campaign-wizard-trigger" data-variant="primary" className={partClass} {...props}>
      {children ?? t('campaignWizard.title')}
    </Dialog.Trigger>
  );
});

export interface CampaignWizardContentProps extends ComponentPropsWithoutRef<typeof Dialog.Content>, UnstyledProp {
  /** Where the dialog is portalled. @default document.body */
  container?: HTMLElement | null;
  /** Classes for the overlay behind the dialog. */
  overlayClassName?: string;
}

/** The dialog (portalled, with its overlay); `data-step` names the current step. */
export const CampaignWizardContent = forwardRef<HTMLDivElement, CampaignWizardContentProps>(function CampaignWizardContent(
  { container, overlayClassName, unstyled, className, ...props },
  ref,
) {
  const { wizard } = useCampaignWizardContext('CampaignWizard.Content');
  const panelClass = usePartClassName('CampaignWizard.Content', 'reachout-campaign-wizard', unstyled, className);
  const overlayClass = usePartClassName('CampaignWizard.Content', 'reachout-campaign-wizard__overlay', unstyled, overlayClassName);
  return (
    <Dialog.Portal container={container}>
      <Dialog.Overlay data-slot="campaign-wizard-overlay" className={overlayClass} />
      <Dialog.Content ref={ref} data-slot="campaign-wizard" data-step={wizard.step} className={panelClass} {...props} />
    </Dialog.Portal>
  );
});

export interface CampaignWizardHeaderProps extends ComponentPropsWithoutRef<'div'>, UnstyledProp {}

/** The title "Create campaign", its description and the Close button (or the host's children). */
export const CampaignWizardHeader = forwardRef<HTMLDivElement, CampaignWizardHeaderProps>(function CampaignWizardHeader(
  { unstyled, className, children, ...props },
  ref,
) {
  const { unstyled: rootUnstyled } = useCampaignWizardContext('CampaignWizard.Header');
  const partClass = usePartClassName('CampaignWizard.Header', 'reachout-campaign-wizard__header', unstyled, className);
  const { t } = useMessages();
  const part = (name: string) => cn(!(unstyled ?? rootUnstyled) && `reachout-campaign-wizard__${name}`);
  return (
    <div ref={ref} data-slot="campaign-wizard-header" className={partClass} {...props}>
      {children ?? (
        <>
          <div>
            <Dialog.Title className={part('title')}>{t('campaignWizard.title')}</Dialog.Title>
            <Dialog.Description className={part('description')}>{t('campaignWizard.description')}</Dialog.Description>
          </div>
          <Dialog.Close className={part('close')} aria-label={t('common.close')}>
            <span aria-hidden="true">×</span>
          </Dialog.Close>
        </>
      )}
    </div>
  );
});

export interface CampaignWizardUnsupportedProps extends ComponentPropsWithoutRef<'p'>, UnstyledProp {}

/** Says the data provider offers no campaigns; renders nothing when it does. */
export const CampaignWizardUnsupported = forwardRef<HTMLParagraphElement, CampaignWizardUnsupportedProps>(function CampaignWizardUnsupported(
  { unstyled, className, children, ...props },
  ref,
) {
  const { isSupported } = useCampaignWizardContext('CampaignWizard.Unsupported');
  const partClass = usePartClassName('CampaignWizard.Unsupported', 'reachout-campaign-wizard__note', unstyled, className);
  const { t } = useMessages();
  if (isSupported) return null;
  return (
    <p ref={ref} role="status" data-slot="campaign-wizard-unsupported" className={partClass} {...props}>
      {children ?? t('campaignWizard.unsupported')}
    </p>
  );
});

export interface CampaignWizardStepperProps extends ComponentPropsWithoutRef<'ol'>, UnstyledProp {}

/** The steps, the current one `aria-current="step"`, the done ones `data-done`. */
export const CampaignWizardStepper = forwardRef<HTMLOListElement, CampaignWizardStepperProps>(function CampaignWizardStepper(
  { unstyled, className, ...props },
  ref,
) {
  const { wizard, isSupported } = useCampaignWizardContext('CampaignWizard.Stepper');
  const partClass = usePartClassName('CampaignWizard.Stepper', 'reachout-campaign-wizard__stepper', unstyled, className);
  const { t } = useMessages();
  if (!isSupported) return null;
  return (
    <ol ref={ref} data-slot="campaign-wizard-stepper" className={partClass} {...props}>
      {campaignWizardSteps.map((step, index) => (
        <li key={step} aria-current={step === wizard.step ? 'step' : undefined} data-done={index < wizard.stepIndex ? '' : undefined}>
          {t(`campaignWizard.step.${step}`)}
        </li>
      ))}
    </ol>
  );
});

export interface CampaignWizardStepProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'>, UnstyledProp {}

/** The current step: its heading ("Step 1 of 5: Audience") and fields. */
export const CampaignWizardStep = forwardRef<HTMLDivElement, CampaignWizardStepProps>(function CampaignWizardStep(
  { unstyled, className, ...props },
  ref,
) {
  const { wizard, isSupported, unstyled: rootUnstyled } = useCampaignWizardContext('CampaignWizard.Step');
  const partClass = usePartClassName('CampaignWizard.Step', 'reachout-campaign-wizard__body', unstyled, className);
  const { t } = useMessages();
  const styled = !(unstyled ?? rootUnstyled);
  if (!isSupported) return null;
  return (
    <>
      <h3 className={cn(styled && 'reachout-campaign-wizard__step-title')} data-slot="campaign-wizard-step-title">
        {t('campaignWizard.stepOf', {
          index: wizard.stepIndex + 1,
          count: campaignWizardSteps.length,
          title: t(`campaignWizard.step.${wizard.step}`),
        })}
      </h3>
      <div ref={ref} data-slot="campaign-wizard-body" className={partClass} {...props}>
        <Steps wizard={wizard} styled={styled} />
      </div>
    </>
  );
});

export interface CampaignWizardErrorProps extends ComponentPropsWithoutRef<'p'>, UnstyledProp {}

/** Why creating the campaign failed, in words; nothing otherwise. */
export const CampaignWizardError = forwardRef<HTMLParagraphElement, CampaignWizardErrorProps>(function CampaignWizardError(
  { unstyled, className, ...props },
  ref,
) {
  const { wizard } = useCampaignWizardContext('CampaignWizard.Error');
  const partClass = usePartClassName('CampaignWizard.Error', 'reachout-campaign-wizard__error', unstyled, className);
  const { errorMessage } = useMessages();
  if (!wizard.submitError) return null;
  return (
    <p ref={ref} role="alert" data-slot="campaign-wizard-submit-error" className={partClass} {...props}>
      {errorMessage(wizard.submitError)}
    </p>
  );
});

export interface CampaignWizardFooterProps extends Omit<ComponentPropsWithoutRef<'div'>, 'children'>, UnstyledProp {}

/** "Back", then "Next", or on the review "Send now" / "Schedule campaign" (one campaign per click). */
export const CampaignWizardFooter = forwardRef<HTMLDivElement, CampaignWizardFooterProps>(function CampaignWizardFooter(
  { unstyled, className, ...props },
  ref,
) {
  const { wizard, isSupported, unstyled: rootUnstyled } = useCampaignWizardContext('CampaignWizard.Footer');
  const partClass = usePartClassName('CampaignWizard.Footer', 'reachout-campaign-wizard__footer', unstyled, className);
  const { t } = useMessages();
  const buttonClass = cn(!(unstyled ?? rootUnstyled) && 'reachout-template-steps__button');
  if (!isSupported) return null;
  return (
    <div ref={ref} data-slot="campaign-wizard-footer" className={partClass} {...props}>
      {wizard.stepIndex > 0 && (
        <button type="button" className={buttonClass} onClick={wizard.back}>
          {t('wizard.back')}
        </button>
      )}
      {wizard.step === 'review' ? (
        <button
          type="button"
          data-variant="primary"
          className={buttonClass}
          aria-disabled={wizard.isSubmitting || wizard.preflight === undefined ? true : undefined}
          onClick={() => {
            if (wizard.preflight !== undefined) wizard.submit();
          }}
        >
          {t(wizard.scheduledAt === null ? 'campaignWizard.submit.now' : 'campaignWizard.submit.later')}
        </button>
      ) : (
        <button type="button" data-variant="primary" className={buttonClass} onClick={wizard.next}>
          {t('wizard.next')}
        </button>
      )}
    </div>
  );
});
