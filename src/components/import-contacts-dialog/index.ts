export { ImportContactsDialog } from './ImportContactsDialog';
export type { ImportContactsDialogProps } from './ImportContactsDialog';
export { useImportContacts } from './useImportContacts';
export type { ContactField as ImportContactField, ImportProgress, ImportStep, UseImportContactsResult } from './useImportContacts';
