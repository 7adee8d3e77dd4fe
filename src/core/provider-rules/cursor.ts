import { ReachoutError } from '../errors';
import { decodeBase64Url, encodeBase64Url } from './base64';
import { unstorableTextReason } from './storableText';

/** Which list a cursor belongs to: a cursor of one list is refused by another. */
export type CursorList = 'contacts' | 'templates' | 'tickets' | 'timeline' | 'chats' | 'messages' | (string & {});

/** The sort key of the last item of a page (keyset paging). */
export type CursorPosition = readonly (string | number)[];

/**
 * What one part of a position holds: `string` (text a database can store), `number` (finite),
 * `timestamp` (a string exactly as `Date#toISOString` writes it).
 */
export type CursorPart = 'string' | 'number' | 'timestamp';

/** The position `decodeCursor` answers for a shape: numbers where the shape says `number`. */
export type DecodedCursor<Shape extends readonly CursorPart[]> = {
  [Index in keyof Shape]: Shape[Index] extends 'number' ? number : string;
};

/** Default and maximum page sizes, for every list of every provider (`docs/http-api.md`). */
export const pageLimits = { default: 50, max: 100 } as const;

/** The refusal of a cursor a list did not issue: garbled, from another list, or of the wrong shape. */
export function invalidCursorError(): ReachoutError {
  return new ReachoutError('VALIDATION', 'This page cursor is not valid for this list', {
    fieldErrors: { cursor: 'Unknown cursor: start again from the first page' },
  });
}

/**
 * An opaque string for a page position of `list` (URL-safe base64 of JSON; names in any script).
 *
 * @example
 * const nextCursor = encodeCursor('contacts', [last.name, last.id]);
 */
export function encodeCursor(list: CursorList, position: CursorPosition): string {
  return encodeBase64Url(JSON.stringify({ list, position }));
}

// Exactly what `toISOString` writes for years 0001–9999: PostgreSQL has no year 0, and looser
// forms (`"0"`, `"12"`, `"+275760-09-13T…"`) pass `Date.parse` but fail as `timestamptz`.
const cursorTimestampPattern = /^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/;

/** Whether `text` is a timestamp as a cursor holds it: a real date, strict ISO 8601 in UTC. */
export function isCursorTimestamp(text: string): boolean {
  if (!cursorTimestampPattern.test(text)) return false;
  const time = Date.parse(text);
  // Round-tripping refuses dates that do not exist (`2026-02-30`), which `Date.parse` rolls over.
  return !Number.isNaN(time) && new Date(time).toISOString() === text;
}

function fitsPart(part: unknown, kind: CursorPart): boolean {
  switch (kind) {
    case 'number':
      return typeof part === 'number' && Number.isFinite(part);
    case 'string':
      return typeof part === 'string' && unstorableTextReason(part) === undefined;
    case 'timestamp':
      return typeof part === 'string' && isCursorTimestamp(part);
    default:
      return kind satisfies never;
  }
}

/**
 * The position in `cursor`, checked against the shape of the list's key; `VALIDATION` with
 * `fieldErrors.cursor` (`invalidCursorError`) for a garbled cursor, another list's cursor, or a
 * key of the wrong shape.
 *
 * @example
 * const [name, id] = decodeCursor('contacts', params.cursor, ['string', 'string'] as const);
 */
export function decodeCursor<const Shape extends readonly CursorPart[]>(
  list: CursorList,
  cursor: string,
  shape: Shape,
): DecodedCursor<Shape> {
  const decoded = cursor === '' ? null : decodeBase64Url(cursor);
  if (decoded === null) throw invalidCursorError();
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    throw invalidCursorError();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidCursorError();
  const { list: cursorList, position } = parsed as { list?: unknown; position?: unknown };
  if (cursorList !== list || !Array.isArray(position) || position.length !== shape.length) throw invalidCursorError();
  if (!position.every((part: unknown, index) => fitsPart(part, shape[index] as CursorPart))) throw invalidCursorError();
  return position as DecodedCursor<Shape>;
}

/**
 * The page size to use: `pageLimits.default` when none is asked; `VALIDATION` with
 * `fieldErrors.limit` for anything but a whole number from 1 to `pageLimits.max`.
 */
export function resolveLimit(limit: number | undefined): number {
  if (limit === undefined) return pageLimits.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > pageLimits.max) {
    throw new ReachoutError('VALIDATION', `limit must be a whole number from 1 to ${pageLimits.max}`, {
      fieldErrors: { limit: `Use a whole number from 1 to ${pageLimits.max}` },
    });
  }
  return limit;
}
