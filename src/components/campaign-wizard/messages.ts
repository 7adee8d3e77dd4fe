import { campaignWizardMessages } from '../../data/strings/campaignWizard';
import { contactListMessages } from '../../data/strings/contactList';
import { sendMessageWizardMessages } from '../../data/strings/sendMessageWizard';
import type { MessageTableKeys } from '../../data/internal/messageFormatters';
import { useWidgetMessages } from '../../data/internal/useWidgetMessages';

// CampaignWizard's strings (see src/data/messages.ts): its files import `useMessages` from here, so
// the widget carries only these tables and `t` accepts only their keys (and common.*, error.*).
const tables = [campaignWizardMessages, sendMessageWizardMessages, contactListMessages] as const;

/** `useMessages()` for CampaignWizard: the host's overrides over the widget's English strings. */
export function useMessages() {
  return useWidgetMessages(tables);
}

/** A key of the widget's own tables (its `t` also accepts common.* and error.*). */
export type WidgetMessageKey = MessageTableKeys<typeof tables>;
