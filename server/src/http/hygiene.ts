import { ReachoutError, unstorableTextReason } from 'reachout/core';
import { validationError } from './problem';

// The one place every string the API accepts passes before a schema, a backend or the database
// sees it: NUL and lone surrogates used to fail deep in SQL as 500s, and deep JSON overflowed the
// stack of whatever walked it recursively (the idempotency fingerprint).

/** JSON nested deeper than this (objects and arrays) is refused before anything walks it. */
export const maxJsonDepth = 32;

/** Longer than any id the server makes or stores: a path id over it names nothing. */
export const maxPathIdLength = 200;

/** `key` as it can be shown in a field path: NUL and lone surrogates escaped as in JSON. */
function printableKey(key: string): string {
  return unstorableTextReason(key) === undefined ? key : JSON.stringify(key).slice(1, -1);
}

function refuse(what: string, fieldErrors: Record<string, string>): never {
  const fields = Object.keys(fieldErrors).join(', ');
  throw validationError(`Text in the ${what} holds a character that cannot be stored (${fields})`, fieldErrors);
}

/**
 * Throws `400 VALIDATION` naming every field (`fieldErrors` by name) whose name or text holds NUL
 * or a lone surrogate. For text read outside JSON bodies: path parameters, query values, headers,
 * multipart fields and filenames.
 *
 * @example
 * requireStorableText({ filename: file.name }, 'upload');
 */
export function requireStorableText(fields: Record<string, string | null | undefined>, what: string): void {
  const fieldErrors: Record<string, string> = {};
  for (const [field, value] of Object.entries(fields)) {
    // A name is text the client chose too (a query parameter's, a form field's).
    const reason = unstorableTextReason(field) ?? (typeof value === 'string' ? unstorableTextReason(value) : undefined);
    if (reason) fieldErrors[printableKey(field)] = reason;
  }
  if (Object.keys(fieldErrors).length > 0) refuse(what, fieldErrors);
}

function tooDeep(): ReachoutError {
  return validationError(`The JSON body is nested more than ${maxJsonDepth} levels deep`, {
    body: `Nest objects and arrays at most ${maxJsonDepth} levels deep`,
  });
}

/**
 * Refuses JSON text nested deeper than `maxJsonDepth` before it is parsed: one pass over the
 * text, where parsing 1 MiB of `[` takes half a second.
 */
export function requireJsonDepthWithin(text: string): void {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index += 1; // a backslash: the next character is escaped
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > maxJsonDepth) throw tooDeep();
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
}

/**
 * Checks a parsed JSON body without recursion: at most `maxJsonDepth` levels, and every string
 * and object key storable. Throws `400 VALIDATION` with `fieldErrors` by dotted path
 * (`ticket.description`, `parameters.body.1`; a bad key names itself escaped), or
 * `fieldErrors.body` for the depth.
 */
export function requireStorableJson(body: unknown): void {
  const fieldErrors: Record<string, string> = {};
  const pending: { value: unknown; path: string; depth: number }[] = [{ value: body, path: '', depth: 1 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, path, depth } = next;
    if (typeof value === 'string') {
      const reason = unstorableTextReason(value);
      if (reason) fieldErrors[path || 'body'] ??= reason;
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxJsonDepth) throw tooDeep();
    const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
    for (const [key, item] of entries) {
      const keyText = String(key);
      const itemPath = path ? `${path}.${printableKey(keyText)}` : printableKey(keyText);
      const keyReason = typeof key === 'string' ? unstorableTextReason(key) : undefined;
      if (keyReason) fieldErrors[itemPath] ??= keyReason;
      pending.push({ value: item, path: itemPath, depth: depth + 1 });
    }
  }
  if (Object.keys(fieldErrors).length > 0) refuse('body', fieldErrors);
}

/**
 * Path parameters: storable text (`400` naming the parameter), and no longer than any id can be
 * (`404`: nothing has that id, and the database need not be asked).
 */
export function requireStorablePathParameters(params: Record<string, string>): void {
  requireStorableText(params, 'path');
  for (const [name, value] of Object.entries(params)) {
    if (value.length > maxPathIdLength) {
      throw new ReachoutError(
        'NOT_FOUND',
        `Nothing has an ${name} of ${value.length} characters: ids are at most ${maxPathIdLength}`,
      );
    }
  }
}
