import type { ReactNode } from 'react';
import type { Contact } from '../../core/types';
import * as Dialog from '@radix-ui/react-dialog';
import { createWidgetContext } from '../internal/createWidgetContext';
import type { WidgetContext } from '../internal/createWidgetContext';
import { useControllableState } from '../internal/useControllableState';
import { useCreateContactFormState } from './useCreateContactForm';
import type { UseCreateContactFormOptions, UseCreateContactFormResult } from './useCreateContactForm';

export interface CreateContactDialogContextValue {
  form: UseCreateContactFormResult;
  unstyled: boolean;
  /** Closes the dialog (or opens it), through `onOpenChange` when the host controls it. */
  setOpen: (open: boolean) => void;
  /** The host's way to show an existing contact; the duplicate-phone error offers it. */
  onOpenContact: ((contact: Contact) => void) | undefined;
}

// Read through functions, never destructured: a module-level destructuring (or property read)
// of the call's result is kept by bundlers, and with it the whole widget.
const createContactDialogWidgetContext = createWidgetContext<CreateContactDialogContextValue>('CreateContactDialog');
const useWidgetContext: WidgetContext<CreateContactDialogContextValue>['useWidgetContext'] = (part) => createContactDialogWidgetContext.useWidgetContext(part);
const usePartClassName: WidgetContext<CreateContactDialogContextValue>['usePartClassName'] = (...args) => createContactDialogWidgetContext.usePartClassName(...args);

/**
 * The enclosing `CreateContactDialog.Root`'s form and settings, for parts and the host's own;
 * `part` names the caller in the error thrown outside a Root.
 *
 * @example
 * const { form } = useCreateContactDialogContext();
 * return <p>{form.isPending ? 'Saving…' : null}</p>;
 */
export const useCreateContactDialogContext: (part?: string) => CreateContactDialogContextValue = useWidgetContext;

/** The part's own class, or none when unstyled (explicitly, or through the Root). */
export { usePartClassName };

export interface CreateContactDialogRootProps extends UseCreateContactFormOptions {
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
  /**
   * Called when the dialog asks to open or close: a trigger, Escape, a click outside, Close,
   * Cancel, or a contact created.
   */
  onOpenChange?: (open: boolean) => void;
  /**
   * Leaves out Reachout's classes on every part inside (data attributes and behaviour stay),
   * for hosts that style with their own design system.
   * @default false
   */
  unstyled?: boolean;
  /**
   * Called with the contact that already has the typed number when the person chooses "Open
   * contact" beside the duplicate-phone error; the dialog closes. Without it there is no such button.
   */
  onOpenContact?: (contact: Contact) => void;
  /** The parts: a Trigger and a Content with the form. */
  children?: ReactNode;
}

/**
 * Holds the create-contact form and the dialog's open state; renders no markup of its own. The
 * form lives here rather than in the Content, so closing the dialog by accident (Escape, a
 * click outside, Close) keeps the draft; Cancel discards it, and so does creating the contact.
 */
export function CreateContactDialogRoot({
  open: openProp,
  defaultOpen = false,
  onOpenChange,
  unstyled = false,
  onCreated,
  onOpenContact,
  children,
  ...formOptions
}: CreateContactDialogRootProps) {
  const [open, setOpen] = useControllableState({ value: openProp, defaultValue: defaultOpen, onChange: onOpenChange });
  // The phone functions (libphonenumber's metadata) load when the dialog first opens, not with the page.
  const form = useCreateContactFormState(
    {
      ...formOptions,
      onCreated: (contact) => {
        setOpen(false);
        onCreated?.(contact);
      },
    },
    open,
  );
  // The form result is a new object on every render: memoizing the value would gain nothing.
  const value: CreateContactDialogContextValue = { form, unstyled, setOpen, onOpenContact };
  return (
    <createContactDialogWidgetContext.Provider value={value}>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        {children}
      </Dialog.Root>
    </createContactDialogWidgetContext.Provider>
  );
}
