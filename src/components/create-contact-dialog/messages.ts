import { createContactDialogMessages } from '../../data/strings/createContactDialog';
import { useWidgetMessages } from '../../data/internal/useWidgetMessages';

// CreateContactDialog's strings (see src/data/messages.ts): its files import `useMessages` from here, so
// the widget carries only these tables and `t` accepts only their keys (and common.*, error.*).
const tables = [createContactDialogMessages] as const;

/** `useMessages()` for CreateContactDialog: the host's overrides over the widget's English strings. */
export function useMessages() {
  return useWidgetMessages(tables);
}

/** The widget's `t`, typed to its keys. */
export type Translate = ReturnType<typeof useMessages>['t'];
