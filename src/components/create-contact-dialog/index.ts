export { CreateContactDialog } from './CreateContactDialog';
export type { CreateContactDialogProps } from './CreateContactDialog';
export { CreateContactDialogRoot, useCreateContactDialogContext } from './CreateContactDialogRoot';
export type { CreateContactDialogContextValue, CreateContactDialogRootProps } from './CreateContactDialogRoot';
export {
  CreateContactDialogBody,
  CreateContactDialogClose,
  CreateContactDialogContent,
  CreateContactDialogDescription,
  CreateContactDialogFooter,
  CreateContactDialogHeader,
  CreateContactDialogTitle,
  CreateContactDialogTrigger,
} from './CreateContactDialogChrome';
export type {
  CreateContactDialogBodyProps,
  CreateContactDialogCloseProps,
  CreateContactDialogContentProps,
  CreateContactDialogDescriptionProps,
  CreateContactDialogFooterProps,
  CreateContactDialogHeaderProps,
  CreateContactDialogTitleProps,
  CreateContactDialogTriggerProps,
} from './CreateContactDialogChrome';
export {
  CreateContactDialogCancel,
  CreateContactDialogEmailField,
  CreateContactDialogForm,
  CreateContactDialogFormError,
  CreateContactDialogNameField,
  CreateContactDialogPhoneField,
  CreateContactDialogPhotoField,
  CreateContactDialogSubmit,
} from './CreateContactDialogFields';
export type {
  CreateContactDialogCancelProps,
  CreateContactDialogFieldProps,
  CreateContactDialogFormErrorProps,
  CreateContactDialogFormProps,
  CreateContactDialogSubmitProps,
} from './CreateContactDialogFields';
export { acceptedPhotoTypes, useCreateContactForm } from './useCreateContactForm';
export type {
  CreateContactField,
  CreateContactFormError,
  CreateContactInputProps,
  CreateContactPhotoInputProps,
  CreateContactSelectProps,
  CreateContactTextField,
  PhoneInfo,
  SelectedPhoto,
  UseCreateContactFormOptions,
  UseCreateContactFormResult,
} from './useCreateContactForm';
export type { CreateContactFormOutput, CreateContactFormValues } from './createContactFormSchema';
export type { CountryOption } from './countryOptions';
