import * as z from 'zod';
import { ReachoutError } from 'reachout/core';
import type { ReachoutErrorCode } from 'reachout/core';

/**
 * The Graph API error body (`{ error: { message, type, code, error_subcode, fbtrace_id,
 * error_data } }`), as Meta documents it under "Error codes" for the WhatsApp Cloud API.
 */
const graphErrorBodySchema = z.object({
  error: z.object({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.coerce.number().optional(),
    error_subcode: z.coerce.number().optional(),
    fbtrace_id: z.string().optional(),
    error_user_msg: z.string().optional(),
    error_data: z.union([z.object({ details: z.string().optional() }), z.string()]).optional(),
  }),
});

export type GraphError = z.infer<typeof graphErrorBodySchema>['error'];

/** Reads a Graph error from a response body; `null` when the body is not one. */
export function parseGraphError(body: unknown): GraphError | null {
  const parsed = graphErrorBodySchema.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}

const authenticationCodes = new Set([0, 190]);
// 3: the app lacks the capability; 10 and 200–299: permission not granted or revoked;
// 368: temporarily blocked for policy violations; 131005: access denied; 131031: account locked.
const permissionCodes = new Set([3, 10, 368, 131005, 131031]);
const invalidRecipientCodes = new Set([
  131026, // message undeliverable: not on WhatsApp, old app version, or terms not accepted
  131021, // recipient cannot be sender
  131030, // recipient not in the allowed list of a test number
]);
const reEngagementCodes = new Set([131047]);
const parameterCodes = new Set([
  100, // invalid parameter
  131008, // required parameter missing
  131009, // parameter value invalid
  132000, // template parameter count mismatch
  132001, // template does not exist (name or language)
  132005, // template hydrated text too long
  132007, // template format character policy violated
  132012, // template parameter format mismatch
]);

/**
 * How long to wait before retrying each rate limit. Meta sends no `Retry-After`, so these are
 * derived from the documented limits: 130429 is the per-second throughput of a number; 131056 is
 * the pair rate (about one message every 6 s to one customer); 4 and 80007 are app and account
 * call limits over a rolling hour; 131048 is the quality-based spam limit.
 */
const retryAfterMsByRateLimitCode = new Map<number, number>([
  [4, 60_000],
  [80007, 60_000],
  [130429, 1_000],
  [131048, 60_000],
  [131056, 6_000],
]);
const defaultRetryAfterMs = 5_000;

function isPermissionCode(code: number): boolean {
  return permissionCodes.has(code) || (code >= 200 && code <= 299);
}

function codeForGraphError(status: number, code: number | undefined): ReachoutErrorCode {
  if (code !== undefined) {
    if (authenticationCodes.has(code)) return 'UNAUTHORIZED';
    if (isPermissionCode(code)) return 'FORBIDDEN';
    if (retryAfterMsByRateLimitCode.has(code)) return 'RATE_LIMITED';
    if (invalidRecipientCodes.has(code)) return 'INVALID_NUMBER';
    if (reEngagementCodes.has(code)) return 'OUTSIDE_WINDOW';
    if (parameterCodes.has(code)) return 'VALIDATION';
  }
  return codeForStatus(status) ?? 'UNKNOWN';
}

/** For answers without a known Graph error code: what the HTTP status alone says. */
function codeForStatus(status: number): ReachoutErrorCode | null {
  if (status === 401) return 'UNAUTHORIZED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 429) return 'RATE_LIMITED';
  return null;
}

const summaryByCode: Record<ReachoutErrorCode, string> = {
  UNAUTHORIZED: 'The WhatsApp Cloud API rejected the access token',
  FORBIDDEN: 'The WhatsApp Cloud API access token lacks permission for this',
  RATE_LIMITED: 'WhatsApp is limiting how fast messages can be sent; try again shortly',
  INVALID_NUMBER: 'This number cannot receive WhatsApp messages',
  OUTSIDE_WINDOW: 'The customer has not replied in the last 24 hours, so only a template can be sent',
  VALIDATION: 'WhatsApp rejected the message',
  NETWORK: 'The WhatsApp Cloud API is unavailable',
  UNKNOWN: 'The WhatsApp Cloud API answered with an error',
  CONFLICT: 'The WhatsApp Cloud API reported a conflict',
  NOT_FOUND: 'The WhatsApp Cloud API did not find it',
  ACTIVE_CHAT: 'The customer has an active chat',
  OPTED_OUT: 'The customer opted out',
};

function detailsOf(error: GraphError): string | undefined {
  if (typeof error.error_data === 'string') return error.error_data || undefined;
  return error.error_data?.details ?? error.error_user_msg;
}

/** Meta's own words and identifiers, kept in the message so support can trace the request. */
function describeGraphError(error: GraphError): string {
  const parts = [error.message ?? 'No message'];
  const details = detailsOf(error);
  if (details !== undefined && details !== error.message) parts.push(details);
  const identifiers = [`Graph error ${error.code ?? 'without a code'}`];
  if (error.error_subcode !== undefined) identifiers.push(`subcode ${error.error_subcode}`);
  if (error.fbtrace_id !== undefined) identifiers.push(`fbtrace_id ${error.fbtrace_id}`);
  return `${parts.join(': ')} (${identifiers.join(', ')})`;
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds; `undefined` when absent or unreadable. */
function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface GraphErrorResponse {
  status: number;
  /** The parsed JSON body, or `undefined` when the body was not JSON. */
  body: unknown;
  headers: Headers;
}

/**
 * Maps a failed Graph API answer to the `ReachoutError` the widgets understand: auth → UNAUTHORIZED,
 * permission → FORBIDDEN, rate limits → RATE_LIMITED with `retryAfterMs`, unreachable recipient →
 * INVALID_NUMBER, re-engagement → OUTSIDE_WINDOW, parameter errors → VALIDATION, a 5xx without a
 * Graph error (a proxy or outage) → NETWORK, anything else → UNKNOWN with Meta's message and code.
 */
export function graphErrorToReachoutError(response: GraphErrorResponse, now: number = Date.now()): ReachoutError {
  const graphError = parseGraphError(response.body);
  if (graphError === null) {
    const code = codeForStatus(response.status) ?? (response.status >= 500 ? 'NETWORK' : 'UNKNOWN');
    return new ReachoutError(code, `${summaryByCode[code]} (HTTP ${response.status} without a Graph error body)`, {
      ...(code === 'RATE_LIMITED'
        ? { retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now) ?? defaultRetryAfterMs }
        : {}),
    });
  }
  const code = codeForGraphError(response.status, graphError.code);
  const message = `${summaryByCode[code]}. ${describeGraphError(graphError)}`;
  if (code === 'RATE_LIMITED') {
    const retryAfterMs =
      parseRetryAfter(response.headers.get('retry-after'), now) ??
      (graphError.code === undefined ? undefined : retryAfterMsByRateLimitCode.get(graphError.code)) ??
      defaultRetryAfterMs;
    return new ReachoutError(code, message, { retryAfterMs, cause: graphError });
  }
  return new ReachoutError(code, message, { cause: graphError });
}
