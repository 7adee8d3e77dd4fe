import { listCountries } from '../../core';
import type { CountryCode } from '../../core';

/** A country of the Country selector. */
export interface CountryOption {
  /** ISO 3166-1 region code, e.g. `BR`. */
  country: CountryCode;
  /** The international calling code without `+`, e.g. `55`. */
  callingCode: string;
  /** The country's name in the locale, e.g. `Brazil` (`Brasil` in `pt`). */
  name: string;
}

const optionsByLocale = new Map<string, CountryOption[]>();

function regionNames(locale: string): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    return null;
  }
}

/** The name of `country` in `locale`, or the code itself when the runtime has no name for it. */
export function countryName(country: CountryCode, locale: string): string {
  return regionNames(locale)?.of(country) ?? country;
}

/**
 * Every country libphonenumber knows, named in `locale` and sorted the locale's way. Cached per
 * locale: 240-odd `Intl` lookups and a sort are too much to redo on each render.
 */
export function countryOptions(locale: string): CountryOption[] {
  const cached = optionsByLocale.get(locale);
  if (cached) return cached;
  const names = regionNames(locale);
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(locale);
  } catch {
    collator = new Intl.Collator('en');
  }
  const options = listCountries()
    .map(({ country, callingCode }) => ({ country, callingCode, name: names?.of(country) ?? country }))
    .sort((first, second) => collator.compare(first.name, second.name));
  optionsByLocale.set(locale, options);
  return options;
}

/** The calling code (without `+`) of `country`, from the same options the selector lists. */
export function callingCodeOf(country: string, locale: string): string | undefined {
  return countryOptions(locale).find((option) => option.country === country)?.callingCode;
}
