import { useContext, useMemo } from 'react';
import { formatMessage } from '../../data/formatMessage';
import type { MessageValues } from '../../data/formatMessage';
import { ReachoutContext } from '../../data/internal/context';
import { defaultMessages } from '../../data/messages';
import type { MessageKey } from '../../data/messages';

export interface UseOptionalMessagesResult {
  /** The provider's locale, or `'en'` without a provider. */
  locale: string;
  /** The message for `key` (host override, else English default), formatted with `values`. */
  t: (key: MessageKey, values?: MessageValues) => string;
}

/**
 * Messages for presentational widgets (template preview, status badges) that need no data:
 * the nearest `<ReachoutProvider>`'s messages and locale when there is one, the English
 * defaults otherwise, so a host can render them on a page without a data provider.
 * Widgets that load data use `useMessages()`, which requires the provider.
 */
export function useOptionalMessages(): UseOptionalMessagesResult {
  const context = useContext(ReachoutContext);
  const messages = context?.messages ?? defaultMessages;
  const locale = context?.locale ?? 'en';
  return useMemo(
    () => ({ locale, t: (key, values) => formatMessage(messages[key], values, locale) }),
    [messages, locale],
  );
}
