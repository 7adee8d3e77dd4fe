import { ReachoutError } from '../../core/errors';
import { decodeBase64Url, encodeBase64Url } from './base64';

/** Which list a cursor belongs to: a cursor from one list is refused by another. */
export type CursorList = 'contacts' | 'templates' | 'tickets' | 'timeline' | 'chats' | 'messages';

/** The position after the last item of a page: its sort key (keyset) and, as a last resort, the index. */
export type CursorPosition = readonly (string | number)[];

/** An opaque string for a page position. */
export function encodeCursor(list: CursorList, position: CursorPosition): string {
  return encodeBase64Url(JSON.stringify({ list, position }));
}

/** The position in `cursor`; `VALIDATION` when the cursor is garbled or belongs to another list. */
export function decodeCursor(list: CursorList, cursor: string): CursorPosition {
  const decoded = decodeBase64Url(cursor);
  let parsed: unknown = null;
  try {
    parsed = decoded === null ? null : JSON.parse(decoded);
  } catch {
    parsed = null;
  }
  if (
    typeof parsed === 'object' &&
    parsed !== null &&
    (parsed as { list?: unknown }).list === list &&
    Array.isArray((parsed as { position?: unknown }).position) &&
    (parsed as { position: unknown[] }).position.every(
      (part) => typeof part === 'string' || typeof part === 'number',
    )
  ) {
    return (parsed as { position: (string | number)[] }).position;
  }
  throw new ReachoutError('VALIDATION', 'This page cursor is not valid for this list', {
    fieldErrors: { cursor: 'Unknown cursor' },
  });
}

/** Default and maximum page sizes, as the REST contract has them. */
export const pageLimits = { default: 50, max: 100 } as const;

/** The page size to use; `VALIDATION` outside 1..100. */
export function resolveLimit(limit: number | undefined): number {
  if (limit === undefined) return pageLimits.default;
  if (!Number.isInteger(limit) || limit < 1 || limit > pageLimits.max) {
    throw new ReachoutError('VALIDATION', `limit must be an integer from 1 to ${pageLimits.max}`, {
      fieldErrors: { limit: `Use a whole number from 1 to ${pageLimits.max}` },
    });
  }
  return limit;
}
