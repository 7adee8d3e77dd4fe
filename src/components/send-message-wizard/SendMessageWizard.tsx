import * as Dialog from '@radix-ui/react-dialog';
import type { Chat, Ticket } from '../../core/types';
import { useContact } from '../../data';
import { useMessages } from './messages';
import { cn } from '../internal/cn';
import { SendMessageWizardContentStep } from './SendMessageWizardContentStep';
import { SendMessageWizardRecipientStep } from './SendMessageWizardRecipientStep';
import {
  SendMessageWizardAnnouncer,
  SendMessageWizardFooter,
  SendMessageWizardPanel,
  SendMessageWizardStepBody,
  SendMessageWizardStepper,
} from './SendMessageWizardPanel';
import { SendMessageWizardContent, SendMessageWizardRoot, SendMessageWizardTitle, SendMessageWizardTrigger } from './SendMessageWizardRoot';
import { SendMessageWizardStatusStep } from './SendMessageWizardStatusStep';
import { SendMessageWizardTemplateStep } from './SendMessageWizardTemplateStep';
import { SendMessageWizardTicketStep } from './SendMessageWizardTicketStep';
import type { SendMessageWizardStep } from './useSendMessageWizard';
import type { TicketPriority } from '../../core/types';

export interface SendMessageWizardProps {
  /** The contact to send to. */
  contactId: string;
  /** Whether the dialog is open, when the host owns it. */
  open?: boolean;
  /**
   * Whether the dialog starts open, when the host does not own `open`.
   * @default false
   */
  defaultOpen?: boolean;
  /** Called when the dialog asks to open or close (Escape, the Close button, "Done"). */
  onOpenChange?: (open: boolean) => void;
  /** Called once with the ticket when the notification has been verified and sent. */
  onSent?: (ticket: Ticket) => void;
  /** Called with the active chat from "Open chat" when a chat blocks the send; the dialog closes. */
  onOpenChat?: (chat: Chat) => void;
  /** Called from "Open ticket" after sending; without it there is no such button. */
  onOpenTicket?: (ticket: Ticket) => void;
  /** The current step, when the host owns it. */
  step?: SendMessageWizardStep;
  /**
   * The first step when there is no saved draft.
   * @default 'recipient'
   */
  defaultStep?: SendMessageWizardStep;
  /** Called with every step change the wizard asks for. */
  onStepChange?: (step: SendMessageWizardStep) => void;
  /**
   * A new draft's ticket priority.
   * @default 'medium'
   */
  defaultPriority?: TicketPriority;
  /**
   * Where the dialog is rendered. Pass an element inside the host's themed root when the theme
   * class or `dir` sits below `<body>`.
   * @default document.body
   */
  container?: HTMLElement | null;
  /**
   * Classes for the dialog panel.
   * @default undefined
   */
  className?: string;
  /**
   * Leaves out Reachout's classes; behaviour and data attributes stay.
   * @default false
   */
  unstyled?: boolean;
}

function Step({ step }: { step: SendMessageWizardStep }) {
  switch (step) {
    case 'recipient':
      return <SendMessageWizardRecipientStep />;
    case 'template':
      return <SendMessageWizardTemplateStep />;
    case 'content':
      return <SendMessageWizardContentStep />;
    case 'ticket':
      return <SendMessageWizardTicketStep />;
    case 'status':
      return <SendMessageWizardStatusStep />;
    default:
      return step satisfies never;
  }
}

function Description({ contactId }: { contactId: string }) {
  const { t } = useMessages();
  const contact = useContact(contactId);
  return <Dialog.Description data-slot="send-message-wizard-description">{t('wizard.description', { name: contact.data === undefined ? '…' : `\u2068${contact.data.name}\u2069` })}</Dialog.Description>;
}

/**
 * The "Send message" dialog: Recipient → Template → Content → Ticket → Status with a visible
 * stepper, built on `useSendMessageWizard`. Closing keeps the draft; opening it again for the
 * same contact restores it until the notification is sent; focus then returns to whatever opened
 * it, also when the host owns `open`. Recompose it from the parts for another layout:
 * `SendMessageWizard.Root` (the dialog's state: `open` / `defaultOpen` / `onOpenChange`),
 * `.Trigger`, `.Content` (the modal panel), `.Title` (its name), `.Panel` (the wizard itself, also usable inline),
 * and inside it `.Stepper`, `.StepBody`, `.RecipientStep`, `.TemplateStep`, `.ContentStep`,
 * `.TicketStep`, `.StatusStep`, `.Footer`, `.Announcer`.
 *
 * @example
 * <SendMessageWizard contactId={contact.id} open={open} onOpenChange={setOpen}
 *                    onSent={(ticket) => showTicket(ticket)} onOpenChat={(chat) => openChat(chat)} />
 */
function SendMessageWizardDialog({ container, className, unstyled = false, ...rootProps }: SendMessageWizardProps) {
  const { t } = useMessages();
  const part = (name: string) => !unstyled && `reachout-send-message-wizard-dialog__${name}`;
  const { contactId } = rootProps;
  return (
    <SendMessageWizardRoot {...rootProps} unstyled={unstyled}>
      <SendMessageWizardContent container={container} className={className}>
        <div data-slot="send-message-wizard-header" className={cn(part('header'))}>
          <div>
            <SendMessageWizardTitle />
            <Description contactId={contactId} />
          </div>
          <Dialog.Close data-slot="send-message-wizard-close" className={cn(part('close'))} aria-label={t('common.close')}>
            <span aria-hidden="true">×</span>
          </Dialog.Close>
        </div>
        <SendMessageWizardPanel>
          {(wizard) => (
            <>
              <SendMessageWizardStepper />
              <SendMessageWizardAnnouncer />
              <Step key={wizard.step} step={wizard.step} />
              <SendMessageWizardFooter />
            </>
          )}
        </SendMessageWizardPanel>
      </SendMessageWizardContent>
    </SendMessageWizardRoot>
  );
}

export const SendMessageWizard = Object.assign(SendMessageWizardDialog, {
  Root: SendMessageWizardRoot,
  Trigger: SendMessageWizardTrigger,
  Content: SendMessageWizardContent,
  Title: SendMessageWizardTitle,
  Panel: SendMessageWizardPanel,
  Stepper: SendMessageWizardStepper,
  StepBody: SendMessageWizardStepBody,
  RecipientStep: SendMessageWizardRecipientStep,
  TemplateStep: SendMessageWizardTemplateStep,
  ContentStep: SendMessageWizardContentStep,
  TicketStep: SendMessageWizardTicketStep,
  StatusStep: SendMessageWizardStatusStep,
  Footer: SendMessageWizardFooter,
  Announcer: SendMessageWizardAnnouncer,
});
