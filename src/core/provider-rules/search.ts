import { phoneSearchDigits } from '../phone';
import type { Agent, Contact, MessageTemplate } from '../types';

/**
 * Lower case without accents (`José` → `jose`, `Ǆ` → `ǆ`), so a search matches what people type
 * on any keyboard. Letters of other scripts are kept as they are. Every provider folds both the
 * stored text and the query with it; the reference server stores the folded text and matches it
 * with `ILIKE`, which gives the same answers (`test/server/db/searchFolding.test.ts`).
 *
 * @example
 * foldText('Zoë Ångström'); // 'zoe angstrom'
 */
export function foldText(text: string): string {
  // Stryker disable next-line ConditionalExpression: the ASCII fast path is speed only; without it NFD gives the same answer.
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A contact search as every provider reads it: folded text and, when it has any, phone digits. */
export interface ContactSearch {
  /** The folded query without control characters; `''` matches no name or email. */
  text: string;
  /** The digits to look for in phone numbers (`phoneSearchDigits`), or `null` for none. */
  digits: string | null;
}

/**
 * How a `listContacts` search is matched, or `null` when there is nothing to search for (blank):
 * then every contact is listed.
 *
 * @example
 * parseContactSearch(' José (11) 98 '); // { text: 'jose (11) 98', digits: '1198' }
 */
export function parseContactSearch(search: string | undefined): ContactSearch | null {
  const query = search?.trim() ?? '';
  if (query === '') return null;
  return { text: foldText(query).replace(/\p{Cc}/gu, ''), digits: phoneSearchDigits(query) };
}

/** A contact's text as a search compares it: folded name and email, and the phone's digits. */
export interface ContactSearchFields {
  name: string;
  email: string;
  phoneDigits: string;
}

/** The fields `contactMatchesSearch` compares, computed once per contact. */
export function contactSearchFields(contact: Pick<Contact, 'name' | 'email' | 'phone'>): ContactSearchFields {
  return {
    name: foldText(contact.name),
    email: contact.email === null ? '' : foldText(contact.email),
    phoneDigits: contact.phone.replace(/\D/g, ''),
  };
}

/**
 * Whether a contact matches a search: the folded text inside its folded name or email (not across
 * the two), or the search's digits inside its phone number.
 */
export function contactMatchesSearch(fields: ContactSearchFields, search: ContactSearch): boolean {
  return (
    (search.text !== '' && (fields.name.includes(search.text) || fields.email.includes(search.text))) ||
    (search.digits !== null && fields.phoneDigits.includes(search.digits))
  );
}

/**
 * Whether a template's name matches a `listTemplates` search: folded, with `_` read as a space, so
 * people can type "order update" for `order_update`. A blank search matches every template.
 */
export function templateMatchesSearch(template: Pick<MessageTemplate, 'name'>, search: string | undefined): boolean {
  const query = foldText(search?.trim() ?? '').replace(/[\s_]+/g, ' ');
  return query === '' || foldText(template.name).replace(/_+/g, ' ').includes(query);
}

/** Whether an agent matches a `listAgents` search: folded, in the name or the email. A blank search matches all. */
export function agentMatchesSearch(agent: Pick<Agent, 'name' | 'email'>, search: string | undefined): boolean {
  const query = foldText(search?.trim() ?? '');
  return query === '' || foldText(agent.name).includes(query) || foldText(agent.email ?? '').includes(query);
}
