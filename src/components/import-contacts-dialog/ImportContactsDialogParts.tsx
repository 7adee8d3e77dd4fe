import { forwardRef } from 'react';
import type { ComponentPropsWithoutRef, ReactNode } from 'react';
import * as Dialog from '@radix-ui/react-dialog';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import { useControllableState } from '../internal/useControllableState';
import { useReturnFocus } from '../internal/useReturnFocus';
import { useMessages } from './messages';
import { useImportContacts } from './useImportContacts';
import type { UseImportContactsOptions, UseImportContactsResult } from './useImportContacts';

export interface ImportContactsDialogContextValue {
  /** The import's state and actions (`useImportContacts`). */
  state: UseImportContactsResult;
  unstyled: boolean;
  /** Opens or closes the dialog, through `onOpenChange` when the host controls it. */
  setOpen: (open: boolean) => void;
  /** Closes the dialog; after a report, also starts over for the next file. */
  close: () => void;
}

// Read through functions, never destructured: a module-level destructuring (or property read)
// of the call's result is kept by bundlers, and with it the whole widget.
const importContactsDialogWidgetContext = createWidgetContext<ImportContactsDialogContextValue>('ImportContactsDialog');
const useWidgetContext: WidgetContext<ImportContactsDialogContextValue>['useWidgetContext'] = (part) =>
  importContactsDialogWidgetContext.useWidgetContext(part);
const usePartClassName: WidgetContext<ImportContactsDialogContextValue>['usePartClassName'] = (...args) =>
  importContactsDialogWidgetContext.usePartClassName(...args);

/**
 * The enclosing `ImportContactsDialog.Root`'s import state and settings, for parts and the
 * host's own; `part` names the caller in the error thrown outside a Root.
 *
 * @example
 * const { state } = useImportContactsDialogContext();
 * return <p>{state.file?.name}</p>;
 */
export const useImportContactsDialogContext: (part?: string) => ImportContactsDialogContextValue = useWidgetContext;

/** The part's own class, or none when unstyled (explicitly, or through the Root). */
export { usePartClassName };

export interface ImportContactsDialogRootProps extends UseImportContactsOptions {
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
  /** Called when the dialog asks to open or close: a trigger, Escape, a click outside, Close. */
  onOpenChange?: (open: boolean) => void;
  /**
   * Leaves out Reachout's classes on every part inside (data attributes and behaviour stay).
   * @default false
   */
  unstyled?: boolean;
  /** The parts: a Trigger and a Content with the steps. */
  children?: ReactNode;
}

/**
 * Holds the import (`useImportContacts`) and the dialog's open state; renders no markup of its
 * own. Closing keeps a chosen file and its mapping; closing after the report starts over.
 */
export function ImportContactsDialogRoot({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  unstyled = false,
  children,
  ...importOptions
}: ImportContactsDialogRootProps) {
  const [open, setOpen] = useControllableState({ value: openProp, defaultValue: defaultOpen, onChange: onOpenChange });
  const state = useImportContacts(importOptions);
  const close = () => {
    setOpen(false);
    if (state.step === 'report') state.reset();
  };
  // The state is a new object on every render: memoizing the value would gain nothing.
  const value: ImportContactsDialogContextValue = { state, unstyled, setOpen, close };
  return (
    <importContactsDialogWidgetContext.Provider value={value}>
      <Dialog.Root open={open} onOpenChange={(next) => (next ? setOpen(true) : close())}>
        {children}
      </Dialog.Root>
    </importContactsDialogWidgetContext.Provider>
  );
}

interface UnstyledProp {
  /**
   * Leaves out Reachout's class; the data attributes stay.
   * @default the Root's `unstyled`, else false
   */
  unstyled?: boolean;
}

export interface ImportContactsDialogTriggerProps extends ComponentPropsWithoutRef<typeof Dialog.Trigger>, UnstyledProp {}

/**
 * A button that opens the dialog, labelled "Import contacts" unless given children. Use
 * `asChild` to make the host's own button the trigger.
 */
export const ImportContactsDialogTrigger = forwardRef<HTMLButtonElement, ImportContactsDialogTriggerProps>(
  function ImportContactsDialogTrigger({ unstyled, className, children, ...props }, ref) {
    const { t } = useMessages();
    const partClass = usePartClassName('ImportContactsDialog.Trigger', 'reachout-import-contacts-dialog__trigger', unstyled, className);
    return (
      <Dialog.Trigger ref={ref} data-slot="import-contacts-dialog-trigger" className={partClass} {...props}>
        {children ?? t('importContacts.title')}
      </Dialog.Trigger>
    );
  },
);

export interface ImportContactsDialogContentProps extends ComponentPropsWithoutRef<typeof Dialog.Content>, UnstyledProp {
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
 * The modal panel and its backdrop, portalled to `container`; `data-step` names the current
 * step, and it is `aria-busy` while importing. When it closes, focus goes back to the element
 * that opened it.
 */
export const ImportContactsDialogContent = forwardRef<HTMLDivElement, ImportContactsDialogContentProps>(
  function ImportContactsDialogContent({ container, overlayClassName, unstyled, className, onOpenAutoFocus, onCloseAutoFocus, ...props }, ref) {
    const { state } = useImportContactsDialogContext('ImportContactsDialog.Content');
    const { rememberOpener, returnFocus } = useReturnFocus();
    const panelClass = usePartClassName('ImportContactsDialog.Content', 'reachout-import-contacts-dialog', unstyled, className);
    const overlayClass = usePartClassName('ImportContactsDialog.Content', 'reachout-import-contacts-dialog__overlay', unstyled, overlayClassName);
    return (
      <Dialog.Portal container={container}>
        <Dialog.Overlay data-slot="import-contacts-dialog-overlay" className={overlayClass} />
        <Dialog.Content
          ref={ref}
          data-slot="import-contacts-dialog"
          className={panelClass}
          data-step={state.step}
          aria-busy={state.step === 'importing' ? true : undefined}
          onOpenAutoFocus={(event) => {
            rememberOpener();
            onOpenAutoFocus?.(event);
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

export interface ImportContactsDialogHeaderProps extends ComponentPropsWithoutRef<'div'>, UnstyledProp {}

/** The title row: Title, Description and the Close button (those three unless given children). */
export const ImportContactsDialogHeader = forwardRef<HTMLDivElement, ImportContactsDialogHeaderProps>(
  function ImportContactsDialogHeader({ unstyled, className, children, ...props }, ref) {
    const partClass = usePartClassName('ImportContactsDialog.Header', 'reachout-import-contacts-dialog__header', unstyled, className);
    return (
      <div ref={ref} data-slot="import-contacts-dialog-header" className={partClass} {...props}>
        {children ?? (
          <>
            <ImportContactsDialogTitle />
            <ImportContactsDialogDescription />
            <ImportContactsDialogClose />
          </>
        )}
      </div>
    );
  },
);

export interface ImportContactsDialogTitleProps extends ComponentPropsWithoutRef<typeof Dialog.Title>, UnstyledProp {}

/** The dialog's accessible name, "Import contacts" unless given children. */
export const ImportContactsDialogTitle = forwardRef<HTMLHeadingElement, ImportContactsDialogTitleProps>(
  function ImportContactsDialogTitle({ unstyled, className, children, ...props }, ref) {
    const { t } = useMessages();
    const partClass = usePartClassName('ImportContactsDialog.Title', 'reachout-import-contacts-dialog__title', unstyled, className);
    return (
      <Dialog.Title ref={ref} data-slot="import-contacts-dialog-title" className={partClass} {...props}>
        {children ?? t('importContacts.title')}
      </Dialog.Title>
    );
  },
);

export interface ImportContactsDialogDescriptionProps extends ComponentPropsWithoutRef<typeof Dialog.Description>, UnstyledProp {}

/** The dialog's accessible description, one line under the title. */
export const ImportContactsDialogDescription = forwardRef<HTMLParagraphElement, ImportContactsDialogDescriptionProps>(
  function ImportContactsDialogDescription({ unstyled, className, children, ...props }, ref) {
    const { t } = useMessages();
    const partClass = usePartClassName('ImportContactsDialog.Description', 'reachout-import-contacts-dialog__description', unstyled, className);
    return (
      <Dialog.Description ref={ref} data-slot="import-contacts-dialog-description" className={partClass} {...props}>
        {children ?? t('importContacts.description')}
      </Dialog.Description>
    );
  },
);

export interface ImportContactsDialogCloseProps extends ComponentPropsWithoutRef<typeof Dialog.Close>, UnstyledProp {}

/** The × button named "Close". A chosen file and its mapping stay for the next opening. */
export const ImportContactsDialogClose = forwardRef<HTMLButtonElement, ImportContactsDialogCloseProps>(
  function ImportContactsDialogClose({ unstyled, className, children, ...props }, ref) {
    const { t } = useMessages();
    const partClass = usePartClassName('ImportContactsDialog.Close', 'reachout-import-contacts-dialog__close', unstyled, className);
    return (
      <Dialog.Close ref={ref} data-slot="import-contacts-dialog-close" aria-label={t('common.close')} className={partClass} {...props}>
        {children ?? '×'}
      </Dialog.Close>
    );
  },
);
