import { ReachoutError } from 'reachout/core';
import { unstorableTextReason } from './storableText';

/** Which list a cursor belongs to: a cursor of one list is refused by another. */
export type CursorList = 'contacts' | 'templates' | 'tickets' | 'timeline' | 'chats' | 'messages';

/** The sort key of the last item of a page (keyset paging). */
export type CursorPosition = readonly (string | number)[];

/** Default and maximum page sizes (docs/http-api.md). */
export const pageLimits = { default: 50, max: 100 } as const;

const invalidCursor = () =>
  new ReachoutError('VALIDATION', 'This page cursor is not valid for this list', {
    fieldErrors: { cursor: 'Unknown cursor: start again from the first page' },
  });

/** An opaque string for a page position. */
export function encodeCursor(list: CursorList, position: CursorPosition): string {
  return Buffer.from(JSON.stringify({ list, position }), 'utf8').toString('base64url');
}

/** What one part of a position holds; a `timestamp` is a string as `Date#toISOString` writes it. */
export type CursorPart = 'string' | 'number' | 'timestamp';

// Exactly what `toISOString` writes for years 0001–9999: PostgreSQL has no year 0, and looser
// forms (`"0"`, `"12"`, `"+275760-09-13T…"`) pass `Date.parse` but fail as `timestamptz`.
const cursorTimestampPattern = /^(?!0000)[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$/;

/** Whether `text` is a timestamp this server wrote into a cursor (a real date, strict ISO 8601). */
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
 * The position in `cursor`, checked against the shape the list's key has; `VALIDATION` with
 * `fieldErrors.cursor` for a garbled cursor, another list's cursor, or a key of the wrong shape
 * (text the database cannot store, a timestamp that is not strict ISO 8601).
 */
export function decodeCursor<Shape extends readonly CursorPart[]>(
  list: CursorList,
  cursor: string,
  shape: Shape,
): { [Index in keyof Shape]: Shape[Index] extends 'number' ? number : string } {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalidCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidCursor();
  const { list: cursorList, position } = parsed as { list?: unknown; position?: unknown };
  if (cursorList !== list || !Array.isArray(position) || position.length !== shape.length) throw invalidCursor();
  const fits = position.every((part: unknown, index) => fitsPart(part, shape[index] as CursorPart));
  if (!fits) throw invalidCursor();
  return position as { [Index in keyof Shape]: Shape[Index] extends 'number' ? number : string };
}

/** The page size to use; `VALIDATION` with `fieldErrors.limit` outside 1..100. */
export function resolveLimit(limit: number | undefined): number {
  if (limit === undefined) return pageLimits.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > pageLimits.max) {
    throw new ReachoutError('VALIDATION', `limit must be a whole number from 1 to ${pageLimits.max}`, {
      fieldErrors: { limit: `Use a whole number from 1 to ${pageLimits.max}` },
    });
  }
  return limit;
}
