import { useMemo } from 'react';
import { toReachoutError } from '../core/errors';
import { formatMessage } from './formatMessage';
import type { MessageValues } from './formatMessage';
import { useReachoutContext } from './internal/context';
import { getDateTimeFormat, getNumberFormat, getRelativeTimeFormat } from './internal/intl';
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

const defaultDateOptions: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;
const week = 7 * day;
const month = 30 * day;
const year = 365 * day;

/** The largest unit that still reads naturally for the distance, with its size. */
function relativeUnit(distanceMs: number): [Intl.RelativeTimeFormatUnit, number] {
  const distance = Math.abs(distanceMs);
  if (distance < 45 * second) return ['second', second];
  if (distance < 45 * minute) return ['minute', minute];
  if (distance < 22 * hour) return ['hour', hour];
  if (distance < week) return ['day', day];
  if (distance < 4 * week) return ['week', week];
  if (distance < 11 * month) return ['month', month];
  return ['year', year];
}

function toTime(date: DateInput): number {
  return date instanceof Date ? date.getTime() : typeof date === 'number' ? date : Date.parse(date);
}

/**
 * Translated messages and locale-aware formatting for widgets.
 *
 * @example
 * const { t, formatRelativeTime, errorMessage } = useMessages();
 * t('contactList.count', { count: total });        // "1,204 contacts"
 * formatRelativeTime(ticket.updatedAt);            // "3 minutes ago"
 * if (error) return <p role="alert">{errorMessage(error)}</p>;
 */
export function useMessages(): UseMessagesResult {
  const { messages, locale } = useReachoutContext('useMessages');
  return useMemo<UseMessagesResult>(() => {
    const t = (key: MessageKey, values?: MessageValues) => formatMessage(messages[key], values, locale);
    return {
      locale,
      t,
      formatDate: (date, options = defaultDateOptions) => {
        const time = toTime(date);
        return Number.isNaN(time) ? String(date) : getDateTimeFormat(locale, options).format(time);
      },
      formatRelativeTime: (date, now = Date.now()) => {
        const distance = toTime(date) - toTime(now);
        if (Number.isNaN(distance)) return String(date);
        const [unit, size] = relativeUnit(distance);
        // `+ 0` turns Math.round's -0 into 0, which would read "0 seconds ago" instead of "now".
        return getRelativeTimeFormat(locale).format(Math.round(distance / size) + 0, unit);
      },
      formatNumber: (value, options) => getNumberFormat(locale, options).format(value),
      errorMessage: (error) => {
        const reachoutError = toReachoutError(error);
        if (reachoutError.code === 'RATE_LIMITED' && reachoutError.retryAfterMs !== undefined) {
          return t('error.RATE_LIMITED.retryAfter', { seconds: Math.max(1, Math.ceil(reachoutError.retryAfterMs / 1000)) });
        }
        return t(`error.${reachoutError.code}`);
      },
    };
  }, [messages, locale]);
}
