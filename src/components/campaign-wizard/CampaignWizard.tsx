import {
  CampaignWizardContent,
  CampaignWizardError,
  CampaignWizardFooter,
  CampaignWizardHeader,
  CampaignWizardRoot,
  CampaignWizardStep,
  CampaignWizardStepper,
  CampaignWizardTrigger,
  CampaignWizardUnsupported,
} from './CampaignWizardParts';
import type { CampaignWizardRootProps } from './CampaignWizardParts';

export interface CampaignWizardProps extends Omit<CampaignWizardRootProps, 'children'> {
  /** Where the dialog is portalled. @default document.body */
  container?: HTMLElement | null;
  /** Classes for the dialog. */
  className?: string;
}

/**
 * "Create campaign": a dialog that sends one approved template to many contacts. Audience (the
 * host's, e.g. a ContactList selection, or a search) → template and content (the same parts as
 * SendMessageWizard; each variable a fixed value or bound to a contact field) → schedule ("Send
 * now", or "Schedule" with "Date", "Time" and "Time zone"; the past refused) → review with the
 * preflight counts → "Send now" / "Schedule campaign". One campaign per click (one idempotency
 * key per draft); the draft stays across close and reopen until a campaign is made.
 *
 * @example
 * <CampaignWizard open={open} onOpenChange={setOpen} audience={selection} onCreated={(campaign) => showProgress(campaign.id)} />
 *
 * Recompose it from its parts (`CampaignWizard.Root`, `.Trigger`, `.Content`, `.Header`,
 * `.Unsupported`, `.Stepper`, `.Step`, `.Error`, `.Footer`) to add a trigger or place your own
 * pieces between them.
 */
function CampaignWizardAssembly({ container, className, ...rootProps }: CampaignWizardProps) {
  return (
    <CampaignWizardRoot {...rootProps}>
      <CampaignWizardContent container={container} className={className}>
        <CampaignWizardHeader />
        <CampaignWizardUnsupported />
        <CampaignWizardStepper />
        <CampaignWizardStep />
        <CampaignWizardError />
        <CampaignWizardFooter />
      </CampaignWizardContent>
    </CampaignWizardRoot>
  );
}

export const CampaignWizard = Object.assign(CampaignWizardAssembly, {
  Root: CampaignWizardRoot,
  Trigger: CampaignWizardTrigger,
  Content: CampaignWizardContent,
  Header: CampaignWizardHeader,
  Unsupported: CampaignWizardUnsupported,
  Stepper: CampaignWizardStepper,
  Step: CampaignWizardStep,
  Error: CampaignWizardError,
  Footer: CampaignWizardFooter,
});
