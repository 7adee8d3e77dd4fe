import type { Contact } from '../core/types';
import { type CountryPeople, countries, emailDomains, type PersonName } from './internal/people';
import { createRandom, type Random } from './internal/random';
import { foldText } from '../core/provider-rules';

// Fixed, not "now": the same seed must give the same contacts on any day.
const newestCreatedAt = Date.UTC(2026, 0, 1);
const twoYearsMs = 2 * 365 * 24 * 60 * 60 * 1000;

const totalWeight = countries.reduce((sum, people) => sum + people.weight, 0);

function pickCountryIndex(random: Random): number {
  let remaining = random.next() * totalWeight;
  for (let index = 0; index < countries.length; index += 1) {
    remaining -= (countries[index] as CountryPeople).weight;
    if (remaining < 0) return index;
  }
  return countries.length - 1;
}

/** Odd and not a multiple of 5, hence coprime with every power of ten. */
const subscriberMultiplier = 7_654_321;

function nativeOf(name: PersonName): string {
  return typeof name === 'string' ? name : name[0];
}

function latinOf(name: PersonName): string {
  return typeof name === 'string' ? name : name[1];
}

const emailParts = new Map<string, string>();

/** `José` → `jose`, `O'Connor` → `oconnor`; cached, as the same names come back thousands of times. */
function emailPart(name: string): string {
  let part = emailParts.get(name);
  if (part === undefined) {
    part = foldText(name).replace(/[^a-z]+/g, '');
    emailParts.set(name, part);
  }
  return part;
}

/**
 * `count` realistic contacts, the same ones for the same `seed`: names from eleven countries
 * (accents, Cyrillic, Arabic, Devanagari and Japanese among them), unique valid mobile numbers
 * in E.164, about one in five without an email, a city attribute on most, about 1% opted out,
 * and `createdAt` spread over the two years before 2026-01-01. Ids are `contact-<seed>-<n>`.
 * Fast enough for 100,000-row lists.
 *
 * @example
 * const provider = createMemoryProvider({ contacts: generateContacts(100_000, 42) });
 */
export function generateContacts(count: number, seed: number): Contact[] {
  const random = createRandom(seed);
  const phoneBuckets = new Map<number, { start: number; issued: number }>();
  const emailCounts = new Map<string, number>();
  const contacts: Contact[] = new Array<Contact>(count);

  for (let index = 0; index < count; index += 1) {
    const countryIndex = pickCountryIndex(random);
    const people = countries[countryIndex] as CountryPeople;
    const firstName = random.pick(people.firstNames);
    const lastName = random.pick(people.lastNames);
    const secondLastName =
      people.secondLastNameShare !== undefined && random.chance(people.secondLastNameShare)
        ? random.pick(people.lastNames)
        : null;
    const pick = random.chance(people.nativeShare) ? nativeOf : latinOf;
    let name =
      pick === nativeOf && people.familyNameFirst
        ? `${pick(lastName)} ${pick(firstName)}`
        : `${pick(firstName)} ${pick(lastName)}`;
    if (secondLastName !== null && secondLastName !== lastName) name += ` ${pick(secondLastName)}`;

    // No Set of issued numbers (hashing 100,000 strings was the slowest part): each prefix walks
    // its subscriber numbers in a scrambled order that cannot repeat, as the multiplier is coprime
    // with 10^n and so k -> (start + k * multiplier) mod 10^n is a bijection.
    const prefixIndex = random.integer(0, people.mobilePrefixes.length - 1);
    const space = 10 ** people.subscriberDigits;
    const bucketKey = countryIndex * 1000 + prefixIndex;
    let bucket = phoneBuckets.get(bucketKey);
    if (!bucket) {
      bucket = { start: Math.floor(createRandom(seed * 7919 + bucketKey).next() * space), issued: 0 };
      phoneBuckets.set(bucketKey, bucket);
    }
    const subscriber = (bucket.start + bucket.issued * subscriberMultiplier) % space;
    bucket.issued += 1;
    const phone = `+${people.callingCode}${people.mobilePrefixes[prefixIndex] ?? ''}${String(subscriber).padStart(people.subscriberDigits, '0')}`;

    let email: string | null = null;
    if (!random.chance(0.2)) {
      const dotted = random.chance(0.7);
      const domainIndex = random.integer(0, emailDomains.length - 1);
      const first = emailPart(latinOf(firstName));
      const last = emailPart(latinOf(lastName));
      const local = dotted ? `${first}.${last}` : `${first.charAt(0)}${last}`;
      const address = `${local}@${emailDomains[domainIndex] ?? ''}`;
      const taken = emailCounts.get(address) ?? 0;
      emailCounts.set(address, taken + 1);
      // Local parts never end in a digit, so "<local><n>@" cannot clash with another person's address.
      email = taken === 0 ? address : address.replace('@', `${taken + 1}@`);
    }

    const contact: Contact = {
      id: `contact-${seed}-${index + 1}`,
      name,
      email,
      phone,
      avatarUrl: null,
      createdAt: new Date(newestCreatedAt - Math.floor(random.next() * twoYearsMs)).toISOString(),
    };
    if (random.chance(0.7)) contact.attributes = { city: random.pick(people.cities) };
    if (random.chance(0.01)) contact.optedOut = true;
    contacts[index] = contact;
  }
  return contacts;
}
