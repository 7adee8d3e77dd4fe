import type { ReachoutError } from '../../core/errors';
import type { ContactField, ParsedTemplate, TemplateIssueCode, TemplateVariablePath } from '../../core/template';
import type { Chat, Contact, MessageTemplate, Sender, TemplateParameters, Ticket, TicketPriority } from '../../core/types';

/** The wizard's steps, in order. */
export const sendMessageWizardSteps = ['recipient', 'template', 'content', 'ticket', 'status'] as const;

/** One step of the wizard. */
export type SendMessageWizardStep = (typeof sendMessageWizardSteps)[number];

/** Everything the user chooses or types; kept when moving back and across close/reopen. */
export interface SendMessageWizardValues {
  /** The business number to send from; `null` until chosen (one selectable sender is preselected). */
  senderId: string | null;
  /** The recipient's number (E.164); `null` means the contact's own number. */
  to: string | null;
  /** The chosen template, as the provider listed it. */
  template: MessageTemplate | null;
  /** What the user typed per variable path (`body.1`, `header.order_id`, `buttons.0`). */
  variables: Partial<Record<TemplateVariablePath, string>>;
  /** Variables filled from a contact field instead ("dynamic content"). */
  bindings: Partial<Record<TemplateVariablePath, ContactField>>;
  /** The image, video, document or location of a media header. */
  headerMedia: TemplateParameters['header'] | null;
  /**
   * The link the provider's `uploadMedia` answered for this draft. A typed link must be https
   * (WhatsApp fetches media over https); the host's own upload link is taken as it comes.
   * @default null
   */
  uploadedMediaLink?: string | null;
  /** The ticket's priority. */
  priority: TicketPriority;
  /** The agent the ticket is assigned to, or `null` for nobody. */
  assigneeId: string | null;
  /** The ticket's description. */
  description: string;
}

/** What the draft store keeps per contact until the notification is sent. */
export interface SendMessageWizardDraft {
  /** What the user chose and typed. */
  values: SendMessageWizardValues;
  /** The step the user was on. */
  step: SendMessageWizardStep;
  /** Made at the first send and reused by every retry of the same payload. */
  idempotencyKey: string | null;
  /** The payload (without its key) the key was used for: a changed payload gets a new key. */
  keyFingerprint: string | null;
  /** The last send's rejection, kept so a reopened wizard still shows why and offers Retry. */
  sendError: ReachoutError | null;
  /** When a rate-limited send may be retried (epoch milliseconds). */
  retryAt: number | null;
  /** Steps whose Next was pressed while invalid: their errors are shown on every field. */
  attemptedSteps: SendMessageWizardStep[];
}

/** Where a field error belongs: a template variable path, a whole template part, or a form field. */
export type SendMessageWizardField =
  | TemplateVariablePath
  | 'header'
  | 'body'
  | 'footer'
  | 'senderId'
  | 'to'
  | 'template'
  | 'priority'
  | 'assigneeId'
  | 'description';

/** One field's problem: a template rule (`code` from `validateTemplateParameters`) or the provider's words. */
export interface SendMessageWizardFieldError {
  /** The broken template rule, or `'provider'` for a field error the provider sent back. */
  code: TemplateIssueCode | 'provider';
  /** English text (template rules) or the provider's message; widgets translate from `code`. */
  message: string;
  /** For `too_long`: the maximum. */
  limit?: number;
  /** For `too_long`: the actual length. */
  length?: number;
}

/** Why the contact cannot be sent a notification at all. */
export type SendMessageWizardBlock = { reason: 'active_chat'; chat: Chat } | { reason: 'opted_out' };

/** Where the send stands. */
export type SendMessageWizardStatusState = 'idle' | 'sending' | 'verifying' | 'sent' | 'failed';

export interface SendMessageWizardStatus {
  /** `idle` before the first send, then `sending`, `verifying`, and `sent` or `failed`. */
  state: SendMessageWizardStatusState;
  /** The ticket, once created; updated live while verifying. */
  ticket: Ticket | null;
  /** Why the send was rejected (`failed` before a ticket exists). */
  error: ReachoutError | null;
  /** The provider's reason when verification failed (e.g. the number is not on WhatsApp). */
  failureReason: string | null;
  /** Retrying can help (a network error, a rate limit...) and a retry is allowed now (also: the recipient has loaded). */
  canRetry: boolean;
  /** The failure is one a retry can fix (network, rate limit, expired session, unknown), allowed now or not. */
  retryable: boolean;
  /** Seconds left before a rate-limited send may be retried; 0 when it may. */
  retryInSeconds: number;
  /** The step "Edit" goes back to, to fix what failed. */
  editStep: SendMessageWizardStep;
}

export interface UseSendMessageWizardOptions {
  /** The contact to send to. */
  contactId: string;
  /** The current step, when the host owns it. */
  step?: SendMessageWizardStep;
  /**
   * The step to start on when the host does not own it and there is no saved draft.
   * @default 'recipient'
   */
  defaultStep?: SendMessageWizardStep;
  /** Called with every step change the wizard asks for, controlled or not. */
  onStepChange?: (step: SendMessageWizardStep) => void;
  /** Called once when the notification has been verified and sent. */
  onSent?: (ticket: Ticket) => void;
  /**
   * Default priority of a new draft.
   * @default 'medium'
   */
  defaultPriority?: TicketPriority;
}

export interface UseSendMessageWizardResult {
  /** The step shown. */
  step: SendMessageWizardStep;
  /** Index of `step` in `sendMessageWizardSteps`. */
  stepIndex: number;
  /** Moves to a step directly (e.g. a stepper); only to steps already reachable. */
  goTo: (step: SendMessageWizardStep) => void;
  /** Values as chosen, with the preselected sender and the contact's number filled in. */
  values: SendMessageWizardValues & { senderId: string | null; to: string | null };
  /** Changes some values; the draft is saved. */
  setValues: (values: Partial<SendMessageWizardValues>) => void;
  /** Picks a template; a different one clears the previous one's variables. */
  setTemplate: (template: MessageTemplate) => void;
  /** Types a variable's value. */
  setVariable: (path: TemplateVariablePath, value: string) => void;
  /** Binds a variable to a contact field, or unbinds it with `null`. */
  setBinding: (path: TemplateVariablePath, field: ContactField | null) => void;
  /** Every current problem per field (template rules, limits, the provider's field errors). */
  errors: Partial<Record<SendMessageWizardField, SendMessageWizardFieldError>>;
  /** True once Next was pressed on the current step while it was invalid: show every error. */
  showAllErrors: boolean;
  /** The current step is complete. */
  canNext: boolean;
  /** Next step; on the ticket step, submits. Returns false (and shows the errors) when blocked. */
  next: () => boolean;
  /** Previous step, keeping every value. */
  back: () => void;
  /** Sends once per draft payload; repeated calls while one is in flight do nothing. */
  submit: () => void;
  /** Sends again with the same idempotency key (after a failure that a retry can fix). */
  retry: () => void;
  /** Back to `status.editStep` to fix what failed. */
  edit: () => void;
  /** Where the send stands: sending, verifying, sent or failed, with the ticket and the error. */
  status: SendMessageWizardStatus;
  /** Why nothing can be sent to this contact, or `null`. */
  blocked: SendMessageWizardBlock | null;
  /** The recipient, once loaded. */
  contact: Contact | undefined;
  /** Every business number, selectable or not (see `isSenderSelectable`). */
  senders: Sender[];
  /** The chosen template, parsed (variables, header kind), or `null`. */
  parsedTemplate: ParsedTemplate | null;
  /** Parameters as they will be sent, for a live preview. */
  parameters: TemplateParameters;
  /** The rendered body's length, in characters as WhatsApp counts them. */
  bodyLength: number;
  /** Contact, chat and senders are loading. */
  isLoading: boolean;
  /** Loading the contact, its active chat or the senders failed. */
  loadError: ReachoutError | null;
  /** Fetches what failed to load again. */
  reload: () => void;
}
