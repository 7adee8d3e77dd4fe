import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { useMessages } from './messages';
import { useReturnFocus } from '../internal/useReturnFocus';
import { useCreateContactDialogContext, usePartClassName } from './CreateContactDialogRoot';

interface UnstyledProp {
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

export interface CreateContactDialogTriggerProps extends ComponentPropsWithoutRef<typeof Dialog.Trigger>, UnstyledProp {}

/**
 * A button that opens the dialog, labelled "Create contact" unless given children. Use `asChild`
 * to make the host's own button the trigger.
 */
export const CreateContactDialogTrigger = forwardRef<HTMLButtonElement, CreateContactDialogTriggerProps>(
  function CreateContactDialogTrigger({ unstyled, className, children, ...props }, ref) {
    const { t } = useMessages();
    const partClass = usePartClassName('CreateContactDialog.Trigger', 'reachout-create-contact-dialog__button', unstyled, className);
    return (
      <Dialog.Trigger ref={ref} data-slot="create-contact-dialog-trigger" data-variant="primary" className={partClass} {...props}>
        {children ?? t('createContact.title')}
      </Dialog.Trigger>
    );
  },
);

export interface CreateContactDialogContentProps extends ComponentPropsWithoutRef<typeof Dialog.Content>, UnstyledProp {
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
 * first field with an error, else Name; when it closes, back to the element that opened it.
 */
export const CreateContactDialogContent = forwardRef<HTMLDivElement, CreateContactDialogContentProps>(
  function CreateContactDialogContent({ container, overlayClassName, unstyled, className, onOpenAutoFocus, onCloseAutoFocus, ...props }, ref) {
    const { form } = useCreateContactDialogContext('CreateContactDialog.Content');
    const { rememberOpener, returnFocus } = useReturnFocus();
    const panelClass = usePartClassName('CreateContactDialog.Content', 'reachout-create-contact-dialog', unstyled, className);
    const overlayClass = usePartClassName('CreateContactDialog.Content', 'reachout-create-contact-dialog__overlay', unstyled, overlayClassName);
    return (
      <Dialog.Portal container={container}>
        <Dialog.Overlay data-slot="create-contact-dialog-overlay" className={overlayClass} />
        <Dialog.Content
          ref={ref}
          data-slot="create-contact-dialog"
          className={panelClass}
          onOpenAutoFocus={(event) => {
            rememberOpener();
            onOpenAutoFocus?.(event);
            if (event.defaultPrevented) return;
            // Radix would focus the first tabbable element, the Close button in the header.
            event.preventDefault();
            form.focusFirstField();
          }}
          onCloseAutoFocus={(event) => {
            onCloseAutoFocus?.(event);
            if (!event.defaultPrevented) returnFocus(event);
          }}
          {...props}
        />
      </Dialog.Portal>
    );
  },
);

export interface CreateContactDialogHeaderProps extends ComponentPropsWithoutRef<'div'>, UnstyledProp {}

/** The title row: Title, Description and the Close button. */
export const CreateContactDialogHeader = forwardRef<HTMLDivElement, CreateContactDialogHeaderProps>(
  function CreateContactDialogHeader({ unstyled, className, ...props }, ref) {
    const partClass = usePartClassName('CreateContactDialog.Header', 'reachout-create-contact-dialog__header', unstyled, className);
    return <div ref={ref} data-slot="create-contact-dialog-header" className={partClass} {...props} />;
  },
);

export interface CreateContactDialogTitleProps extends ComponentPropsWithoutRef<typeof Dialog.Title>, UnstyledProp {}

/** The dialog's accessible name, "Create contact" unless given children. */
export const CreateContactDialogTitle = forwardRef<HTMLHeadingElement, CreateContactDialogTitleProps>(
  function CreateContactDialogTitle({ unstyled, className, children, ...props }, ref) {
    const { t } = useMessages();
    const partClass = usePartClassName('CreateContactDialog.Title', 'reachout-create-contact-dialog__title', unstyled, className);
    return (
      <Dialog.Title ref={ref} data-slot="create-contact-dialog-title" className={partClass} {...props}>
        {children ?? t('createContact.title')}
      </Dialog.Title>
    );
  },
);

export interface CreateContactDialogDescriptionProps extends ComponentPropsWithoutRef<typeof Dialog.Description>, UnstyledProp {}

/** The dialog's accessible description, one line under the title. */
export const CreateContactDialogDescription = forwardRef<HTMLParagraphElement, CreateContactDialogDescriptionProps>(
  function CreateContactDialogDescription({ unstyled, className, children, ...props }, ref) {
    const { t } = useMessages();
    const partClass = usePartClassName('CreateContactDialog.Description', 'reachout-create-contact-dialog__description', unstyled, className);
    return (
      <Dialog.Description ref={ref} data-slot="create-contact-dialog-description" className={partClass} {...props}>
        {children ?? t('createContact.description')}
      </Dialog.Description>
    );
  },
);

export interface CreateContactDialogCloseProps extends ComponentPropsWithoutRef<typeof Dialog.Close>, UnstyledProp {}

/** The ✕ button named "Close". It keeps the draft, like Escape: only Cancel discards it. */
export const CreateContactDialogClose = forwardRef<HTMLButtonElement, CreateContactDialogCloseProps>(
  function CreateContactDialogClose({ unstyled, className, children, ...props }, ref) {
    const { t } = useMessages();
    const partClass = usePartClassName('CreateContactDialog.Close', 'reachout-create-contact-dialog__close', unstyled, className);
    return (
      <Dialog.Close ref={ref} data-slot="create-contact-dialog-close" aria-label={t('common.close')} className={partClass} {...props}>
        {children ?? (
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="M3.5 3.5l9 9m0-9l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" fill="none" />
          </svg>
        )}
      </Dialog.Close>
    );
  },
);

export interface CreateContactDialogBodyProps extends ComponentPropsWithoutRef<'div'>, UnstyledProp {}

/** The fields, scrolling on their own so the header and the buttons stay in view. */
export const CreateContactDialogBody = forwardRef<HTMLDivElement, CreateContactDialogBodyProps>(
  function CreateContactDialogBody({ unstyled, className, ...props }, ref) {
    const partClass = usePartClassName('CreateContactDialog.Body', 'reachout-create-contact-dialog__body', unstyled, className);
    return <div ref={ref} data-slot="create-contact-dialog-body" className={partClass} {...props} />;
  },
);

export interface CreateContactDialogFooterProps extends ComponentPropsWithoutRef<'div'>, UnstyledProp {}

/** The button row: Cancel and Create. */
export const CreateContactDialogFooter = forwardRef<HTMLDivElement, CreateContactDialogFooterProps>(
  function CreateContactDialogFooter({ unstyled, className, ...props }, ref) {
    const partClass = usePartClassName('CreateContactDialog.Footer', 'reachout-create-contact-dialog__footer', unstyled, className);
    return <div ref={ref} data-slot="create-contact-dialog-footer" className={partClass} {...props} />;
  },
);
