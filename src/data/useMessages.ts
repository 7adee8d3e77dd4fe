import type { MessageValues } from './formatMessage';
import { useWidgetMessages } from './internal/useWidgetMessages';
import { defaultMessages } from './messages';
import type { MessageKey } from './messages';

/** A date as the domain carries it: an ISO string, a `Date` or epoch milliseconds. */
export type DateInput = Date | string | number;

export interface UseMessagesResult {
  /** The provider's locale. */
  locale: string;
  /** The message for `key` (host override, else English default), formatted with `values`. */
  t: (key: MessageKey, values?: MessageValues) => string;
  /**
   * A date in the locale; medium date and short time unless `options` say otherwise.
   * An unparseable date is returned as given.
   */
  formatDate: (date: DateInput, options?: Intl.DateTimeFormatOptions) => string;
  /** "5 minutes ago", "yesterday", "in 2 hours": the unit chosen from the distance to `now`. */
  formatRelativeTime: (date: DateInput, now?: DateInput) => string;
  /** A number in the locale. */
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  /**
   * The plain-words message for an error's code (`error.CONFLICT`...); a rate limit with
   * `retryAfterMs` says how many seconds to wait. Anything not a `ReachoutError` reads as `UNKNOWN`.
   */
  errorMessage: (error: unknown) => string;
}

const allMessages = [defaultMessages] as const;

/**
 * Translated messages (every widget's, host overrides over the English defaults) and
 * locale-aware formatting. Reachout's own widgets each read only their own strings, so that a
 * host ships only the strings of the widgets it imports; this hook carries all of them.
 *
 * @example
 * const { t, formatRelativeTime, errorMessage } = useMessages();
 * t('contactList.count', { count: total });        // "1,204 contacts"
 * formatRelativeTime(ticket.updatedAt);            // "3 minutes ago"
 * if (error) return <p role="alert">{errorMessage(error)}</p>;
 */
export function useMessages(): UseMessagesResult {
  return useWidgetMessages(allMessages);
}
