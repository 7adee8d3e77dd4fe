import * as z from 'zod/mini';
import type { Context } from 'hono';
import { ReachoutError } from 'reachout/core';
import { requireJsonDepthWithin } from './hygiene';
import { HttpProblemError, validationError } from './problem';

/** Field path (dotted, body-relative: `phone`, `ticket.priority`) → its first message. */
export function fieldErrorsOfIssues(issues: readonly z.core.$ZodIssue[], root?: string): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || root || 'body';
    fieldErrors[field] ??= issue.message;
  }
  return fieldErrors;
}

function describeFieldErrors(fieldErrors: Record<string, string>): string {
  return Object.entries(fieldErrors)
    .map(([field, message]) => `${field}: ${message}`)
    .join('; ');
}

/** `schema`'s output for `value`, or a `400 VALIDATION` naming every wrong field. */
export function parseOrThrow<Schema extends z.ZodMiniType>(
  schema: Schema,
  value: unknown,
  what: string,
): z.output<Schema> {
  const parsed = z.safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const fieldErrors = fieldErrorsOfIssues(parsed.error.issues);
  throw validationError(`The ${what} is not valid: ${describeFieldErrors(fieldErrors)}`, fieldErrors);
}

/** The query string as one value per name; an empty value (`?cursor=`) counts as absent. */
export function queryOf(c: Context): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(c.req.query())) {
    if (value !== '') query[name] = value;
  }
  return query;
}

function isJsonContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/**
 * The request's JSON body: `415` for another content type, `400` for malformed JSON or JSON
 * nested deeper than `maxJsonDepth`. The size limit is the `bodyLimit` middleware's job.
 */
export async function readJsonBody(c: Context): Promise<unknown> {
  const contentType = c.req.header('Content-Type');
  if (!isJsonContentType(contentType)) {
    throw new HttpProblemError(
      415,
      new ReachoutError(
        'VALIDATION',
        `Send the body as JSON with Content-Type: application/json (got ${contentType ? `"${contentType}"` : 'no Content-Type'})`,
      ),
    );
  }
  const text = await c.req.text();
  requireJsonDepthWithin(text);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof SyntaxError ? error.message : 'it could not be parsed';
    throw validationError(`The request body is not valid JSON: ${reason}`, { body: 'Not valid JSON' });
  }
}

const limitMessage = 'Use a whole number from 1 to 100';

/** Longer than any cursor the server writes (a contact's is about 1 KB at the longest name). */
export const maxCursorLength = 4096;

// Decimal digits only: `Number()` would also take `0x10`, `1e1`, `" 5"` and `5.0`.
const limitPattern = /^(?:[1-9][0-9]?|100)$/;

/**
 * `limit` as the query string holds it. Documented as the integer it is (a query value is always
 * text; `integer` says it is written in decimal), checked as text so nothing else passes.
 */
const limitSchema = z
  .pipe(
    z.string().check(z.refine((value) => limitPattern.test(value), limitMessage)),
    z.transform((value) => Number(value)),
  )
  .register(z.globalRegistry, { type: 'integer', minimum: 1, maximum: 100 } as z.core.GlobalMeta);

/** A page query: `limit` 1–100 (the provider's default when absent), an opaque `cursor`. */
export const pageQueryShape = {
  cursor: z.optional(z.string().check(z.maxLength(maxCursorLength, 'Unknown cursor: start again from the first page'))),
  limit: z.optional(limitSchema),
};

export const searchQueryShape = {
  search: z.optional(z.string().check(z.maxLength(200, 'Use at most 200 characters'))),
};
