import type { ReachoutErrorCode } from '../errors';

/**
 * The HTTP status a REST backend answers each error code with (`docs/http-api.md`, "Errors";
 * `openapi.json`). `INVALID_NUMBER` is 422: the request is well formed but names a number WhatsApp
 * cannot reach, unlike `VALIDATION` (400), a request the server cannot accept as written.
 */
export const httpStatusByErrorCode = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ACTIVE_CHAT: 409,
  OPTED_OUT: 409,
  OUTSIDE_WINDOW: 409,
  INVALID_NUMBER: 422,
  RATE_LIMITED: 429,
  UNKNOWN: 500,
  NETWORK: 502,
} as const satisfies Record<ReachoutErrorCode, number>;

/** The HTTP status for an error code (`httpStatusByErrorCode`). */
export function httpStatusForErrorCode(code: ReachoutErrorCode): number {
  return httpStatusByErrorCode[code];
}

/**
 * The error code for an HTTP status when the answer names none (a proxy, a middleware): the
 * inverse of `httpStatusByErrorCode` (409 is `CONFLICT`; 413 Content Too Large and 415
 * Unsupported Media Type are `VALIDATION` too), `UNKNOWN` for any other status.
 */
export function errorCodeForHttpStatus(status: number): ReachoutErrorCode {
  switch (status) {
    case 400:
    case 413:
    case 415:
      return 'VALIDATION';
    case 401:
      return 'UNAUTHORIZED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 409:
      return 'CONFLICT';
    case 422:
      return 'INVALID_NUMBER';
    case 429:
      return 'RATE_LIMITED';
    case 502:
      return 'NETWORK';
    default:
      return 'UNKNOWN';
  }
}
