import { createHash } from 'node:crypto';

/**
 * Lower case without accents (`José` → `jose`), as the memory provider folds text, so a search
 * matches what people type on any keyboard. Letters of other scripts are kept as they are.
 */
export function foldText(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// A control character nobody types: a search cannot match across the name/email boundary.
const fieldSeparator = '\u0001';

/** What a contact search runs ILIKE over: the folded name and email. */
export function contactSearchText(name: string, email: string | null): string {
  return email === null ? foldText(name) : `${foldText(name)}${fieldSeparator}${foldText(email)}`;
}

/** A search query as it is compared with `contactSearchText`: folded, without control characters. */
export function foldSearchQuery(query: string): string {
  return foldText(query).replace(/\p{Cc}/gu, '');
}

/** `%`, `_` and `\` taken literally inside a LIKE pattern (PostgreSQL's default escape is `\`). */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** JSON with object keys sorted, so two equal inputs give the same string whatever their key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}

/** A short fingerprint of a request body, to tell a repeat from another request with the same key. */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('base64url');
}
