import type { ReactNode } from 'react';
import {
  CreateContactDialogBody,
  CreateContactDialogClose,
  CreateContactDialogContent,
  CreateContactDialogDescription,
  CreateContactDialogFooter,
  CreateContactDialogHeader,
  CreateContactDialogTitle,
  CreateContactDialogTrigger,
} from './CreateContactDialogChrome';
import {
  CreateContactDialogCancel,
  CreateContactDialogEmailField,
  CreateContactDialogForm,
  CreateContactDialogFormError,
  CreateContactDialogNameField,
  CreateContactDialogPhoneField,
  CreateContactDialogPhotoField,
  CreateContactDialogSubmit,
} from './CreateContactDialogFields';
import { CreateContactDialogRoot } from './CreateContactDialogRoot';
import type { CreateContactDialogRootProps } from './CreateContactDialogRoot';

export interface CreateContactDialogProps extends Omit<CreateContactDialogRootProps, 'children'> {
  /**
   * Classes for the dialog panel, merged with Reachout's.
   * @default undefined
   */
  className?: string;
  /**
   * Where the dialog is rendered. Pass an element inside the host's themed root when the theme
   * class or `dir` sits below `<body>`.
   * @default document.body
   */
  container?: HTMLElement | null;
  /**
   * A button that opens the dialog (wrapped with `asChild`), for hosts that do not control `open`.
   * @default none
   */
  trigger?: ReactNode;
}

function CreateContactDialogAssembly({ className, container, trigger, ...rootProps }: CreateContactDialogProps) {
  return (
    <CreateContactDialogRoot {...rootProps}>
      {trigger !== undefined && <CreateContactDialogTrigger asChild>{trigger}</CreateContactDialogTrigger>}
      <CreateContactDialogContent className={className} container={container}>
        <CreateContactDialogHeader>
          <CreateContactDialogTitle />
          <CreateContactDialogDescription />
          <CreateContactDialogClose />
        </CreateContactDialogHeader>
        <CreateContactDialogForm>
          <CreateContactDialogBody>
            <CreateContactDialogNameField />
            <CreateContactDialogEmailField />
            <CreateContactDialogPhoneField />
            <CreateContactDialogPhotoField />
            <CreateContactDialogFormError />
          </CreateContactDialogBody>
          <CreateContactDialogFooter>
            <CreateContactDialogCancel />
            <CreateContactDialogSubmit />
          </CreateContactDialogFooter>
        </CreateContactDialogForm>
      </CreateContactDialogContent>
    </CreateContactDialogRoot>
  );
}

/**
 * The "Create contact" dialog: Name, Email, Phone with its Country, and an optional photo;
 * validated as the person types, created with one `createContact` call per click, and shown in
 * every mounted contact list once created. Provider errors land on their field (a duplicate
 * phone at Phone) or above the buttons with Retry; nothing typed is lost. Closing by accident
 * keeps the draft; Cancel discards it. Parts are available for recomposing
 * (`CreateContactDialog.Root`, `.Trigger`, `.Content`, `.Header`, `.Title`, `.Description`,
 * `.Close`, `.Form`, `.Body`, `.NameField`, `.EmailField`, `.PhoneField`, `.PhotoField`,
 * `.FormError`, `.Footer`, `.Cancel`, `.Submit`), and the form alone with `useCreateContactForm`.
 *
 * @example
 * <CreateContactDialog open={open} onOpenChange={setOpen} onCreated={(contact) => select(contact)} />
 */
export const CreateContactDialog = Object.assign(CreateContactDialogAssembly, {
  Root: CreateContactDialogRoot,
  Trigger: CreateContactDialogTrigger,
  Content: CreateContactDialogContent,
  Header: CreateContactDialogHeader,
  Title: CreateContactDialogTitle,
  Description: CreateContactDialogDescription,
  Close: CreateContactDialogClose,
  Form: CreateContactDialogForm,
  Body: CreateContactDialogBody,
  NameField: CreateContactDialogNameField,
  EmailField: CreateContactDialogEmailField,
  PhoneField: CreateContactDialogPhoneField,
  PhotoField: CreateContactDialogPhotoField,
  FormError: CreateContactDialogFormError,
  Footer: CreateContactDialogFooter,
  Cancel: CreateContactDialogCancel,
  Submit: CreateContactDialogSubmit,
});
