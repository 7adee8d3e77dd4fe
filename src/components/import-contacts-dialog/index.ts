export { ImportContactsDialog } from './ImportContactsDialog';
export type { ImportContactsDialogProps } from './ImportContactsDialog';
export {
  ImportContactsDialogClose,
  ImportContactsDialogContent,
  ImportContactsDialogDescription,
  ImportContactsDialogHeader,
  ImportContactsDialogRoot,
  ImportContactsDialogTitle,
  ImportContactsDialogTrigger,
  useImportContactsDialogContext,
} from './ImportContactsDialogParts';
export type {
  ImportContactsDialogCloseProps,
  ImportContactsDialogContentProps,
  ImportContactsDialogContextValue,
  ImportContactsDialogDescriptionProps,
  ImportContactsDialogHeaderProps,
  ImportContactsDialogRootProps,
  ImportContactsDialogTitleProps,
  ImportContactsDialogTriggerProps,
} from './ImportContactsDialogParts';
export {
  ImportContactsDialogFileStep,
  ImportContactsDialogMappingStep,
  ImportContactsDialogProgressStep,
  ImportContactsDialogReportStep,
  ImportContactsDialogUnsupported,
} from './ImportContactsDialogSteps';
export type { ImportContactsDialogStepProps, ImportContactsDialogUnsupportedProps } from './ImportContactsDialogSteps';
export { useImportContacts } from './useImportContacts';
export type { ContactField as ImportContactField, ImportFile, ImportProgress, ImportStep, UseImportContactsOptions, UseImportContactsResult } from './useImportContacts';
