import { chatStatusMessages, ticketMessages } from '../../data/strings/statuses';
import { sendMessageWizardMessages } from '../../data/strings/sendMessageWizard';
import { templatePreviewMessages } from '../../data/strings/templatePreview';
import { useWidgetMessages } from '../../data/internal/useWidgetMessages';

// SendMessageWizard's strings (see src/data/messages.ts): its files import `useMessages` from here, so
// the widget carries only these tables and `t` accepts only their keys (and common.*, error.*).
const tables = [sendMessageWizardMessages, ticketMessages, chatStatusMessages, templatePreviewMessages] as const;

/** `useMessages()` for SendMessageWizard: the host's overrides over the widget's English strings. */
export function useMessages() {
  return useWidgetMessages(tables);
}

/** The widget's `t`, for helpers that take it. */
export type Translate = ReturnType<typeof useMessages>['t'];
/** A key the widget's `t` accepts. */
export type WidgetMessageKey = Parameters<Translate>[0];
