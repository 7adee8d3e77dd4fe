import { createHash } from 'node:crypto';
import { foldText, stableStringify } from 'reachout/core';

// A control character nobody types (and `parseContactSearch` removes from queries): a search
// cannot match across the name/email boundary.
const fieldSeparator = '\u0001';

/** What a contact search runs ILIKE over: the folded name and email (`foldText`). */
export function contactSearchText(name: string, email: string | null): string {
  return email === null ? foldText(name) : `${foldText(name)}${fieldSeparator}${foldText(email)}`;
}

/** `%`, `_` and `\` taken literally inside a LIKE pattern (PostgreSQL's default escape is `\`). */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A short fingerprint of a request body, to tell a repeat from another request with the same key. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('base64url');
}
