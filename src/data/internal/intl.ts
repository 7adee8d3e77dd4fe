// Intl formatters are costly to build and a virtualized list formats thousands of values:
// one instance per locale and options.
const formatters = new Map<string, unknown>();

function cached<T>(kind: string, locale: string, options: object, create: (locale: string) => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    try {
      formatter = create(locale);
    } catch {
      // An invalid locale tag from a host must not break rendering.
      formatter = create('en');
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

export function getNumberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached('number', locale, options, (tag) => new Intl.NumberFormat(tag, options));
}

export function getPluralRules(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  return cached('plural', locale, { type }, (tag) => new Intl.PluralRules(tag, { type }));
}

export function getDateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('date', locale, options, (tag) => new Intl.DateTimeFormat(tag, options));
}

export function getRelativeTimeFormat(locale: string): Intl.RelativeTimeFormat {
  return cached('relative', locale, {}, (tag) => new Intl.RelativeTimeFormat(tag, { numeric: 'auto' }));
}
