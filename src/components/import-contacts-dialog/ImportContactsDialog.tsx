import type { ReactNode } from 'react';
import {
  ImportContactsDialogClose,
  ImportContactsDialogContent,
  ImportContactsDialogDescription,
  ImportContactsDialogHeader,
  ImportContactsDialogRoot,
  ImportContactsDialogTitle,
  ImportContactsDialogTrigger,
} from './ImportContactsDialogParts';
import type { ImportContactsDialogRootProps } from './ImportContactsDialogParts';
import {
  ImportContactsDialogFileStep,
  ImportContactsDialogMappingStep,
  ImportContactsDialogProgressStep,
  ImportContactsDialogReportStep,
  ImportContactsDialogUnsupported,
} from './ImportContactsDialogSteps';

export interface ImportContactsDialogProps extends Omit<ImportContactsDialogRootProps, 'children'> {
  /** A button that opens the dialog (wrapped with `asChild`). @default none */
  trigger?: ReactNode;
  /** Where the dialog is rendered. @default document.body */
  container?: HTMLElement | null;
  /** Classes for the dialog panel. @default undefined */
  className?: string;
}

function ImportContactsDialogAssembly({ trigger, container, className, ...rootProps }: ImportContactsDialogProps) {
  return (
    <ImportContactsDialogRoot {...rootProps}>
      {/* The host's own button keeps its classes. */}
      {trigger !== undefined && (
        <ImportContactsDialogTrigger asChild unstyled>
          {trigger}
        </ImportContactsDialogTrigger>
      )}
      <ImportContactsDialogContent container={container} className={className}>
        <ImportContactsDialogHeader />
        <ImportContactsDialogUnsupported />
        <ImportContactsDialogFileStep />
        <ImportContactsDialogMappingStep />
        <ImportContactsDialogProgressStep />
        <ImportContactsDialogReportStep />
      </ImportContactsDialogContent>
    </ImportContactsDialogRoot>
  );
}

/**
 * The "Import contacts" dialog: a CSV file (picker or drag and drop; UTF-8 or UTF-16, `,` `;` or
 * tab separated), the columns for "Name", "Email" and "Phone" (guessed from the headers; other
 * columns become attributes), "Country" for numbers without a `+` code, "Skip" or "Update" for
 * contacts that exist, a check of every row ("9,812 ready, 143 need attention"), then "Import"
 * in batches of at most 1,000 through the provider's `importContacts`, with progress, Cancel and
 * Retry, and a report with "Download report". Explains itself when the provider has no
 * `importContacts`. Parts are available for recomposing (`ImportContactsDialog.Root`, `.Trigger`,
 * `.Content`, `.Header`, `.Title`, `.Description`, `.Close`, `.Unsupported`, `.FileStep`,
 * `.MappingStep`, `.ProgressStep`, `.ReportStep`), and the state alone with `useImportContacts`.
 *
 * @example
 * <ImportContactsDialog open={open} onOpenChange={setOpen} onImported={(result) => toast(`${result.created} imported`)} />
 */
export const ImportContactsDialog = Object.assign(ImportContactsDialogAssembly, {
  Root: ImportContactsDialogRoot,
  Trigger: ImportContactsDialogTrigger,
  Content: ImportContactsDialogContent,
  Header: ImportContactsDialogHeader,
  Title: ImportContactsDialogTitle,
  Description: ImportContactsDialogDescription,
  Close: ImportContactsDialogClose,
  Unsupported: ImportContactsDialogUnsupported,
  FileStep: ImportContactsDialogFileStep,
  MappingStep: ImportContactsDialogMappingStep,
  ProgressStep: ImportContactsDialogProgressStep,
  ReportStep: ImportContactsDialogReportStep,
});
