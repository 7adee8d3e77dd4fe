import { useContext, useMemo } from 'react';
import type { MessageValues } from '../formatMessage';
import type { UseMessagesResult } from '../useMessages';
import { ReachoutContext, useReachoutContext } from './context';
import { createMessageFormatters, createTranslate } from './messageFormatters';
import type { CommonMessageKey, MessageTable, MessageTableKeys } from './messageFormatters';

/** `useMessages()` for a widget: `t` takes only its tables' keys and the common ones. */
export interface WidgetMessagesResult<Key extends string> extends Omit<UseMessagesResult, 't'> {
  /** The message for `key` (host override, else the widget's English default), formatted with `values`. */
  t: (key: Key | CommonMessageKey, values?: MessageValues) => string;
}

/**
 * A widget's messages: the host's overrides over the widget's own English tables (and the common
 * ones), so a widget's code carries only its strings. Pass a module-level array: a new array
 * each render would rebuild the formatters each render.
 */
export function useWidgetMessages<const Tables extends readonly MessageTable[]>(
  tables: Tables,
): WidgetMessagesResult<MessageTableKeys<Tables>> {
  const { messages, locale } = useReachoutContext('useMessages');
  return useMemo(() => createMessageFormatters(messages, tables, locale), [messages, tables, locale]);
}

/** `t` and the locale for a presentational widget: see `useOptionalWidgetMessages`. */
export interface OptionalWidgetMessagesResult<Key extends string> {
  /** The provider's locale, or `'en'` without a provider. */
  locale: string;
  /** The message for `key` (host override, else the English default), formatted with `values`. */
  t: (key: Key | CommonMessageKey, values?: MessageValues) => string;
}

const noOverrides: Readonly<Record<string, string>> = {};

/**
 * Messages for presentational widgets (template preview, status badges) that need no data:
 * the nearest `<ReachoutProvider>`'s overrides and locale when there is one, the English
 * defaults otherwise, so a host can render them on a page without a data provider.
 */
export function useOptionalWidgetMessages<const Tables extends readonly MessageTable[]>(
  tables: Tables,
): OptionalWidgetMessagesResult<MessageTableKeys<Tables>> {
  const context = useContext(ReachoutContext);
  const messages = context?.messages ?? noOverrides;
  const locale = context?.locale ?? 'en';
  return useMemo(() => ({ locale, t: createTranslate(messages, tables, locale) }), [messages, tables, locale]);
}
