import { forwardRef, useCallback } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import type { Chat, Ticket } from '../../core/types';
import { useMessages } from './messages';
import { composeEventHandlers } from '../internal/composeEventHandlers';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import { useControllableState } from '../internal/useControllableState';
import { useLatestRef } from '../internal/useLatestRef';
import { useReturnFocus } from '../internal/useReturnFocus';
import { warnDeprecated } from '../internal/warnDeprecated';
import type { UseSendMessageWizardOptions } from './useSendMessageWizard';

/** What `SendMessageWizard.Root` gives its parts: the dialog's state and the wizard's options. */
export interface SendMessageWizardRootContextValue {
  /** The options the wizard inside (`SendMessageWizard.Panel`) runs with. */
  options: UseSendMessageWizardOptions;
  open: boolean;
  /** Opens or closes the dialog, through `onOpenChange` when the host controls it. */
  setOpen: (open: boolean) => void;
  /** Closes the dialog for "Done", or "Close" after a failed send (and calls the deprecated `onClose`). */
  close: () => void;
  unstyled: boolean;
  onOpenChat: ((chat: Chat) => void) | undefined;
  onOpenTicket: ((ticket: Ticket) => void) | undefined;
}

// Read through functions, never destructured: a module-level destructuring (or property read)
// of the call's result is kept by bundlers, and with it the whole widget.
const sendMessageWizardRootContext = createWidgetContext<SendMessageWizardRootContextValue>('SendMessageWizard');
const useRootContext: WidgetContext<SendMessageWizardRootContextValue>['useWidgetContext'] = (part) => sendMessageWizardRootContext.useWidgetContext(part);
const useRootPartClassName: WidgetContext<SendMessageWizardRootContextValue>['usePartClassName'] = (...args) =>
  sendMessageWizardRootContext.usePartClassName(...args);

/**
 * The enclosing `SendMessageWizard.Root`'s dialog state and options, for parts and the host's
 * own; a clear error outside a Root.
 *
 * @example
 * const { setOpen } = useSendMessageWizardRootContext();
 * return <button onClick={() => setOpen(false)}>Later</button>;
 */
export const useSendMessageWizardRootContext: (part?: string) => SendMessageWizardRootContextValue = useRootContext;

export interface SendMessageWizardRootProps extends UseSendMessageWizardOptions {
  /**
   * Whether the dialog is open, when the host controls it (with `onOpenChange`).
   * @default undefined (the dialog keeps its own state, starting at `defaultOpen`)
   */
  open?: boolean;
  /**
   * Whether the dialog starts open, when the host does not control `open`.
   * @default false
   */
  defaultOpen?: boolean;
  /** Called when the dialog asks to open or close: the Trigger, Escape, Close, "Done", "Open chat". */
  onOpenChange?: (open: boolean) => void;
  /** Called with the active chat when the user chooses "Open chat" on a blocked contact; the dialog closes first. */
  onOpenChat?: (chat: Chat) => void;
  /** Called when the user chooses "Open ticket" after sending; without it there is no such button. */
  onOpenTicket?: (ticket: Ticket) => void;
  /**
   * Called by "Done" (and "Close" after a failed send), after the dialog is asked to close.
   * @deprecated Use `onOpenChange`, called with `false` by the same buttons. Kept for one minor version.
   */
  onClose?: () => void;
  /**
   * Leaves out Reachout's classes on every part inside; `data-slot` and `data-state` stay.
   * @default false
   */
  unstyled?: boolean;
  /** The parts: a Trigger and a Content holding a Panel (or a Panel alone, to show the wizard inline). */
  children?: ReactNode;
}

/**
 * Holds the send-message dialog's open state and the wizard's options; renders no markup of its
 * own. The wizard itself runs in `SendMessageWizard.Panel`, mounted only while it is shown:
 * closing keeps the draft (per contact), opening again restores it until it is sent.
 *
 * @example
 * <SendMessageWizard.Root contactId={contact.id} onSent={showTicket}>
 *   <SendMessageWizard.Trigger />
 *   <SendMessageWizard.Content>
 *     <SendMessageWizard.Panel>
 *       <SendMessageWizard.Stepper />
 *       …
 *     </SendMessageWizard.Panel>
 *   </SendMessageWizard.Content>
 * </SendMessageWizard.Root>
 */
export function SendMessageWizardRoot({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  onOpenChat,
  onOpenTicket,
  onClose,
  unstyled = false,
  children,
  ...options
}: SendMessageWizardRootProps) {
  if (onClose !== undefined) warnDeprecated('SendMessageWizard.Root onClose', 'onOpenChange');
  const [open, setOpen] = useControllableState({ value: openProp, defaultValue: defaultOpen, onChange: onOpenChange });
  const onCloseRef = useLatestRef(onClose);
  const close = useCallback(() => {
    setOpen(false);
    onCloseRef.current?.();
  }, [setOpen, onCloseRef]);
  const value: SendMessageWizardRootContextValue = {
    options,
    open,
    setOpen,
    close,
    unstyled,
    onOpenChat:
      onOpenChat &&
      ((chat) => {
        // The chat opens where the wizard was: leaving the dialog over it would hide it.
        setOpen(false);
        onOpenChat(chat);
      }),
    onOpenTicket,
  };
  return (
    <sendMessageWizardRootContext.Provider value={value}>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        {children}
      </Dialog.Root>
    </sendMessageWizardRootContext.Provider>
  );
}

interface UnstyledProp {
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

export interface SendMessageWizardTriggerProps extends ComponentPropsWithoutRef<typeof Dialog.Trigger>, UnstyledProp {}

/**
 * A button that opens the wizard, labelled "Send message" unless given children; focus comes
 * back to it when the wizard closes. Use `asChild` to make the host's own button the trigger.
 */
export const SendMessageWizardTrigger = forwardRef<HTMLButtonElement, SendMessageWizardTriggerProps>(function SendMessageWizardTrigger(
  { unstyled, className, children, ...props },
  ref,
) {
  const { t } = useMessages();
  const partClass = useRootPartClassName('SendMessageWizard.Trigger', 'reachout-send-message-wizard__button', unstyled, className);
  return (
    <Dialog.Trigger ref={ref} data-slot="send-message-wizard-trigger" data-variant="primary" className={partClass} {...props}>
      {children ?? t('wizard.title')}
    </Dialog.Trigger>
  );
});

export interface SendMessageWizardContentProps extends ComponentPropsWithoutRef<typeof Dialog.Content>, UnstyledProp {
  /**
   * Where the dialog is rendered. Pass an element inside the host's themed root when the theme
   * class or `dir` sits below `<body>`, so the dialog inherits them.
   * @default document.body
   */
  container?: HTMLElement | null;
  /**
   * Classes for the backdrop behind the dialog.
   * @default undefined
   */
  overlayClassName?: string;
}

/**
 * The modal panel and its backdrop, portalled to `container`. When it opens, focus goes to the
 * current step's title (read first, one Tab from its fields); when it closes, back to whatever
 * opened it, also when the host owns `open` and there is no Trigger.
 */
export const SendMessageWizardContent = forwardRef<HTMLDivElement, SendMessageWizardContentProps>(function SendMessageWizardContent(
  { container, overlayClassName, unstyled, className, onOpenAutoFocus, onCloseAutoFocus, ...props },
  ref,
) {
  const { rememberOpener, returnFocus } = useReturnFocus();
  const panelClass = useRootPartClassName('SendMessageWizard.Content', 'reachout-send-message-wizard-dialog', unstyled, className);
  const overlayClass = useRootPartClassName('SendMessageWizard.Content', 'reachout-send-message-wizard-dialog__overlay', unstyled, overlayClassName);
  return (
    <Dialog.Portal container={container}>
      <Dialog.Overlay data-slot="send-message-wizard-overlay" className={overlayClass} />
      <Dialog.Content
        ref={ref}
        data-slot="send-message-wizard-dialog"
        className={panelClass}
        onOpenAutoFocus={(event) => {
          // Radix runs this while focus is still on the opener: remember it whatever the host does.
          rememberOpener();
          composeEventHandlers(onOpenAutoFocus, (autoFocus: Event) => {
            // Radix would focus the Close button; start on the step's title instead.
            const title = (autoFocus.currentTarget as HTMLElement | null)?.querySelector<HTMLElement>('[data-slot="send-message-wizard-step-title"]');
            if (!title) return;
            autoFocus.preventDefault();
            title.focus();
          })(event);
        }}
        onCloseAutoFocus={composeEventHandlers(onCloseAutoFocus, returnFocus)}
        {...props}
      />
    </Dialog.Portal>
  );
});

export interface SendMessageWizardTitleProps extends ComponentPropsWithoutRef<typeof Dialog.Title>, UnstyledProp {}

/** The dialog's accessible name, "Send message" unless given children. Every Content needs one. */
export const SendMessageWizardTitle = forwardRef<HTMLHeadingElement, SendMessageWizardTitleProps>(function SendMessageWizardTitle(
  { unstyled, className, children, ...props },
  ref,
) {
  const { t } = useMessages();
  const partClass = useRootPartClassName('SendMessageWizard.Title', 'reachout-send-message-wizard-dialog__title', unstyled, className);
  return (
    <Dialog.Title ref={ref} data-slot="send-message-wizard-title" className={partClass} {...props}>
      {children ?? t('wizard.title')}
    </Dialog.Title>
  );
});
