import { describe, expect, it } from 'vitest';
import {
  agentMatchesSearch,
  contactMatchesSearch,
  contactSearchFields,
  foldText,
  parseContactSearch,
  templateMatchesSearch,
} from '../../../src/core/provider-rules/search';

describe('foldText', () => {
  it.each([
    ['ASCII in lower case', 'Ana LIMA', 'ana lima'],
    ['accents removed', 'José Ñúñez', 'jose nunez'],
    ['combining marks removed', 'Zoe\u0308 A\u030Angstro\u0308m', 'zoe angstrom'],
    ['precomposed and combining alike', 'Zo\u00EB', 'zoe'],
    ['other scripts kept', 'Ελένη Петрова 山田', 'ελενη петрова 山田'],
    ['emoji kept', 'Ana 👩🏽‍💻', 'ana 👩🏽\u200d💻'],
    ['ASCII punctuation kept', 'a.b+c@x_y%', 'a.b+c@x_y%'],
  ])('%s', (_what, text, folded) => {
    expect(foldText(text)).toBe(folded.normalize('NFD').replace(/\p{M}/gu, ''));
  });

  it('removes the accents of text with no ASCII letter at all', () => {
    expect(foldText('ÉÑ')).toBe('en');
    expect(foldText('Ω')).toBe('ω');
  });

  it('folds a tab or newline in ASCII text like any other', () => {
    expect(foldText('A\tB\nÉ')).toBe('a\tb\ne');
  });
});

describe('parseContactSearch', () => {
  it('is null for no search or a blank one', () => {
    expect(parseContactSearch(undefined)).toBeNull();
    expect(parseContactSearch('')).toBeNull();
    expect(parseContactSearch(' \t\n ')).toBeNull();
  });

  it('folds the text, drops control characters and reads phone digits', () => {
    expect(parseContactSearch('  José 98 ')).toEqual({ text: 'jose 98', digits: null });
    expect(parseContactSearch(' (011) 98-7 ')).toEqual({ text: '(011) 98-7', digits: '11987' });
    expect(parseContactSearch('Ana\u0001Lima\u007f')).toEqual({ text: 'analima', digits: null });
  });
});

describe('contactMatchesSearch', () => {
  const fields = contactSearchFields({ name: 'José Lima', email: 'Jose.L@Example.com', phone: '+5511987654321' });
  const matches = (query: string) => {
    const search = parseContactSearch(query);
    if (!search) throw new Error('a blank query');
    return contactMatchesSearch(fields, search);
  };

  it('computes folded name and email and the phone digits once', () => {
    expect(fields).toEqual({ name: 'jose lima', email: 'jose.l@example.com', phoneDigits: '5511987654321' });
    expect(contactSearchFields({ name: 'A', email: null, phone: '+1 (555)' }).email).toBe('');
  });

  it('matches the text inside the name or the email, not across the two', () => {
    expect(matches('JOSE LI')).toBe(true);
    expect(matches('l@example')).toBe(true);
    expect(matches('lima jose')).toBe(false);
    expect(matches('limajose')).toBe(false);
  });

  it('matches the digits inside the phone however they are typed', () => {
    expect(matches('(11) 98765-4321')).toBe(true);
    expect(matches('+44 7400')).toBe(false);
  });

  it('matches nothing by text when only control characters were typed', () => {
    expect(matches('\u0001')).toBe(false);
    expect(contactMatchesSearch(fields, { text: '', digits: '987' })).toBe(true);
  });
});

describe('templateMatchesSearch', () => {
  const template = { name: 'order_update_Ção' };

  it('reads underscores as spaces and folds case and accents', () => {
    expect(templateMatchesSearch(template, 'order update')).toBe(true);
    expect(templateMatchesSearch(template, ' ORDER_UPDATE  cao')).toBe(true);
    expect(templateMatchesSearch(template, 'order\t\tupdate')).toBe(true);
    expect(templateMatchesSearch(template, 'update order')).toBe(false);
    expect(templateMatchesSearch({ name: 'order__update' }, 'order update')).toBe(true);
  });

  it('matches every template for a blank search', () => {
    expect(templateMatchesSearch(template, undefined)).toBe(true);
    expect(templateMatchesSearch(template, '   ')).toBe(true);
  });
});

describe('agentMatchesSearch', () => {
  it('matches the folded name or email, and everyone for a blank search', () => {
    const ada = { name: 'Ádá Lovelace', email: 'ADA@example.com' };
    expect(agentMatchesSearch(ada, 'ada l')).toBe(true);
    expect(agentMatchesSearch(ada, 'ada@EX')).toBe(true);
    expect(agentMatchesSearch(ada, 'grace')).toBe(false);
    expect(agentMatchesSearch({ name: 'Alan', email: null }, 'null')).toBe(false);
    expect(agentMatchesSearch({ name: 'Alan', email: null }, undefined)).toBe(true);
    expect(agentMatchesSearch({ name: 'Alan', email: null }, ' ')).toBe(true);
  });

  it('matches an agent without an email by the name alone', () => {
    expect(agentMatchesSearch({ name: 'Alan', email: null }, 'here')).toBe(false);
    expect(agentMatchesSearch({ name: 'Alan', email: null }, 'ala')).toBe(true);
  });
});
