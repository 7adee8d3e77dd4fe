import { sendMessageWizardMessages } from '../../data/strings/sendMessageWizard';
import { chatStatusMessages, ticketMessages } from '../../data/strings/statuses';
import { templatePreviewMessages } from '../../data/strings/templatePreview';
import type { MessageTableKeys } from '../../data/internal/messageFormatters';
import { useWidgetMessages } from '../../data/internal/useWidgetMessages';

// the shared template steps's strings (see src/data/messages.ts): its files import `useMessages` from here, so
// the widget carries only these tables and `t` accepts only their keys (and common.*, error.*).
const tables = [sendMessageWizardMessages, ticketMessages, chatStatusMessages, templatePreviewMessages] as const;

/** `useMessages()` for the shared template steps: the host's overrides over the widget's English strings. */
export function useMessages() {
  return useWidgetMessages(tables);
}

/** A key of the widget's own tables (its `t` also accepts common.* and error.*). */
export type WidgetMessageKey = MessageTableKeys<typeof tables>;

/** The steps' `t`, for helpers that take it. */
export type Translate = ReturnType<typeof useMessages>['t'];
