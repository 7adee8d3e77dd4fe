export { ImportContactsDialog } from './ImportContactsDialog';
export type { ImportContactsDialogProps } from './ImportContactsDialog';
export { useImportContacts } from './useImportContacts';
export type { ContactField as ImportContactField, ImportFile, ImportProgress, ImportStep, UseImportContactsOptions, UseImportContactsResult } from './useImportContacts';
