// Crockford's base 32: no I, L, O or U, so a reference read aloud or typed is not misread.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short reference for people ("#7KQ2MD") derived from a ticket's id, the same wherever the
 * ticket appears. Backends use long ids (UUIDs); a truncated one looks like every other. The
 * full id stays available in a `title`.
 */
export function ticketReference(id: string): string {
  // FNV-1a, 32 bits: six base-32 characters hold 30 of them, about a billion references.
  let hash = 0x811c9dc5;
  for (let index = 0; index < id.length; index += 1) {
    hash ^= id.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let reference = '';
  for (let position = 0; position < 6; position += 1) {
    reference += alphabet[hash % 32];
    hash = Math.floor(hash / 32);
  }
  return `#${reference}`;
}
