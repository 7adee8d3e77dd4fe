import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/data/formatMessage';
import { defaultMessages } from '../../src/data/messages';

describe('formatMessage', () => {
  it('interpolates named values and leaves a missing one visible', () => {
    expect(formatMessage('No contacts match “{search}”', { search: 'ada' })).toBe('No contacts match “ada”');
    expect(formatMessage('Hello {name}, {missing}', { name: 'Ada' })).toBe('Hello Ada, {missing}');
  });

  it('formats numbers in the locale', () => {
    expect(formatMessage('{n, number} rows', { n: 1234567.5 }, 'en')).toBe('1,234,567.5 rows');
    expect(formatMessage('{n, number} rows', { n: 1234567.5 }, 'de')).toBe('1.234.567,5 rows');
    expect(formatMessage('{n, number, percent}', { n: 0.25 }, 'en')).toBe('25%');
    expect(formatMessage('{n}', { n: 1500 }, 'en')).toBe('1,500');
  });

  it('picks the plural branch by the locale\'s rules, with # as the number', () => {
    const message = '{count, plural, one {# contact} other {# contacts}}';
    expect(formatMessage(message, { count: 1 }, 'en')).toBe('1 contact');
    expect(formatMessage(message, { count: 2 }, 'en')).toBe('2 contacts');
    expect(formatMessage(message, { count: 0 }, 'en')).toBe('0 contacts');
    // French counts 0 as "one".
    expect(formatMessage('{count, plural, one {# contact} other {# contacts}}', { count: 0 }, 'fr')).toBe('0 contact');
  });

  it('prefers an exact =N match over the plural category', () => {
    const message = '{count, plural, =0 {No contacts} =1 {One contact} one {# contact} other {# contacts}}';
    expect(formatMessage(message, { count: 0 })).toBe('No contacts');
    expect(formatMessage(message, { count: 1 })).toBe('One contact');
    expect(formatMessage(message, { count: 3 })).toBe('3 contacts');
  });

  it('uses categories beyond one and other where a language has them', () => {
    const message = '{n, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}}';
    expect(formatMessage(message, { n: 1 }, 'pl')).toBe('1 kontakt');
    expect(formatMessage(message, { n: 3 }, 'pl')).toBe('3 kontakty');
    expect(formatMessage(message, { n: 5 }, 'pl')).toBe('5 kontaktów');
  });

  it('nests arguments and plurals inside branches, # belonging to the nearest plural', () => {
    const message = '{count, plural, one {{name} has # ticket} other {{name} has # tickets, {open, plural, one {# open} other {# open}}}}';
    expect(formatMessage(message, { count: 1, name: 'Ada', open: 0 })).toBe('Ada has 1 ticket');
    expect(formatMessage(message, { count: 4, name: 'Ada', open: 2 })).toBe('Ada has 4 tickets, 2 open');
  });

  it('supports offset, selectordinal and select', () => {
    expect(formatMessage('{n, plural, offset:1 =0 {nobody} =1 {you} one {you and # other} other {you and # others}}', { n: 3 })).toBe(
      'you and 2 others',
    );
    expect(formatMessage('{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}', { n: 22 })).toBe('22nd');
    expect(formatMessage('{kind, select, agent {Agent} other {Someone}} replied', { kind: 'agent' })).toBe('Agent replied');
    expect(formatMessage('{kind, select, agent {Agent} other {Someone}} replied', { kind: 'bot' })).toBe('Someone replied');
  });

  it('keeps # and apostrophes as text outside plurals', () => {
    expect(formatMessage('Ticket #{id} isn’t ready', { id: 'T-9' })).toBe('Ticket #T-9 isn’t ready');
    expect(formatMessage("Can't send")).toBe("Can't send");
  });

  it('returns a malformed message as written instead of throwing', () => {
    expect(formatMessage('{count, plural, one {# contact}', { count: 1 })).toBe('{count, plural, one {# contact}');
    expect(formatMessage('{count, plural, one {# contact}}', { count: 1 })).toBe('{count, plural, one {# contact}}');
    expect(formatMessage('oops }', {})).toBe('oops }');
    expect(formatMessage('{n, date}', { n: 1 })).toBe('{n, date}');
  });

  it('falls back to English plural rules for an invalid locale tag', () => {
    expect(formatMessage('{n, plural, one {# item} other {# items}}', { n: 2 }, 'not a locale!')).toBe('2 items');
  });

  it('parses every default message', () => {
    for (const [key, text] of Object.entries(defaultMessages)) {
      const formatted = formatMessage(text, { count: 2, seconds: 2, search: 'x' });
      expect(formatted, key).not.toMatch(/\{(count|seconds|search)\b/);
    }
  });
});
