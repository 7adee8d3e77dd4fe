import { importContactsDialogMessages } from '../../data/strings/importContactsDialog';
import { useWidgetMessages } from '../../data/internal/useWidgetMessages';

// ImportContactsDialog's strings (see src/data/messages.ts): its files import `useMessages` from here, so
// the widget carries only these tables and `t` accepts only their keys (and common.*, error.*).
const tables = [importContactsDialogMessages] as const;

/** `useMessages()` for ImportContactsDialog: the host's overrides over the widget's English strings. */
export function useMessages() {
  return useWidgetMessages(tables);
}
