import { isValidPhoneNumber } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { contactSchema } from '../../src/core/schemas';
import { generateContacts } from '../../src/testing';
import * as z from 'zod/mini';

describe('generateContacts', () => {
  it('gives the same contacts for the same seed', () => {
    expect(generateContacts(500, 42)).toEqual(generateContacts(500, 42));
  });

  it('gives other contacts for another seed', () => {
    const first = generateContacts(50, 1).map((contact) => contact.phone);
    const second = generateContacts(50, 2).map((contact) => contact.phone);
    expect(first).not.toEqual(second);
  });

  it('generates 100,000 contacts with unique ids, phones and emails, quickly', () => {
    const startedAt = performance.now();
    const contacts = generateContacts(100_000, 1);
    const elapsed = performance.now() - startedAt;
    console.info(`generateContacts(100000, 1) took ${elapsed.toFixed(0)} ms`);
    expect(contacts).toHaveLength(100_000);
    expect(new Set(contacts.map((contact) => contact.id)).size).toBe(100_000);
    expect(new Set(contacts.map((contact) => contact.phone)).size).toBe(100_000);
    const emails = contacts.flatMap((contact) => (contact.email === null ? [] : [contact.email]));
    expect(new Set(emails).size).toBe(emails.length);
  }, 30_000);

  it('generates phones that libphonenumber accepts as valid E.164 numbers', () => {
    const invalid = generateContacts(20_000, 9)
      .map((contact) => contact.phone)
      .filter((phone) => !/^\+\d{8,15}$/.test(phone) || !isValidPhoneNumber(phone));
    expect(invalid).toEqual([]);
  }, 30_000);

  it('generates contacts of the Contact shape', () => {
    for (const contact of generateContacts(1000, 3)) expect(z.safeParse(contactSchema, contact).success).toBe(true);
  });

  it('mixes countries, scripts, missing emails and creation dates over two years', () => {
    const contacts = generateContacts(10_000, 7);
    const callingCodes = new Set(contacts.map((contact) => /^\+(1|7|20|33|44|49|52|55|81|91|234)/.exec(contact.phone)?.[1]));
    expect(callingCodes.size).toBe(11);
    expect(callingCodes.has(undefined)).toBe(false);
    const withoutEmail = contacts.filter((contact) => contact.email === null).length;
    expect(withoutEmail / contacts.length).toBeGreaterThan(0.15);
    expect(withoutEmail / contacts.length).toBeLessThan(0.25);
    expect(contacts.some((contact) => /\p{Script=Cyrillic}/u.test(contact.name))).toBe(true);
    expect(contacts.some((contact) => /\p{Script=Arabic}/u.test(contact.name))).toBe(true);
    expect(contacts.some((contact) => /\p{Script=Han}/u.test(contact.name))).toBe(true);
    expect(contacts.some((contact) => /\p{Script=Devanagari}/u.test(contact.name))).toBe(true);
    expect(contacts.some((contact) => /[áéíóúãõçüö]/.test(contact.name))).toBe(true);
    const times = contacts.map((contact) => Date.parse(contact.createdAt));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.UTC(2024, 0, 1));
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.UTC(2026, 0, 1));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(700 * 24 * 60 * 60 * 1000);
  });
});
