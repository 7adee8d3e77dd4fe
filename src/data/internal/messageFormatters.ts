import { toReachoutError } from '../../core/errors';
import { formatMessage } from '../formatMessage';
import type { MessageValues } from '../formatMessage';
import type { DateInput, UseMessagesResult } from '../useMessages';
import { commonMessages } from '../strings/common';
import { getDateTimeFormat, getNumberFormat, getRelativeTimeFormat } from './intl';

/** A widget's English strings by key (one of the tables in `src/data/strings/`). */
export type MessageTable = Readonly<Record<string, string>>;

/** The keys of any of `Tables`. */
export type MessageTableKeys<Tables extends readonly MessageTable[]> = Tables[number] extends infer Table
  ? Table extends unknown
    ? keyof Table & string
    : never
  : never;

/** Keys every widget may use whatever its tables: shared actions and error codes. */
export type CommonMessageKey = keyof typeof commonMessages;

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
 * The text for `key`: the host's override, else the first of `tables` that has it, else the
 * common strings; the key itself when none has it (a key no table declares shows as itself).
 */
export function lookUpMessage(
  key: string,
  overrides: Readonly<Record<string, string | undefined>>,
  tables: readonly MessageTable[],
): string {
  const override = overrides[key];
  if (override !== undefined) return override;
  for (const table of tables) {
    const text = table[key];
    if (text !== undefined) return text;
  }
  return (commonMessages as MessageTable)[key] ?? key;
}

/** `t` over `tables` under the host's `overrides`, in `locale`. */
export function createTranslate(
  overrides: Readonly<Record<string, string | undefined>>,
  tables: readonly MessageTable[],
  locale: string,
): (key: string, values?: MessageValues) => string {
  return (key, values) => formatMessage(lookUpMessage(key, overrides, tables), values, locale);
}

/** What `useMessages()` answers, for `tables` under the host's `overrides`. */
export function createMessageFormatters(
  overrides: Readonly<Record<string, string | undefined>>,
  tables: readonly MessageTable[],
  locale: string,
): Omit<UseMessagesResult, 't'> & { t: (key: string, values?: MessageValues) => string } {
  const t = createTranslate(overrides, tables, locale);
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
}
