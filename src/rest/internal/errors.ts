import { isReachoutErrorCode, ReachoutError } from '../../core/errors';
import { errorCodeForHttpStatus } from '../../core/provider-rules/httpStatus';

const reasonPhrases: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `"502 Bad Gateway"`; HTTP/2 answers carry no reason phrase, so common ones are known here. */
export function describeStatus(response: Response): string {
  const phrase = response.statusText || reasonPhrases[response.status];
  return phrase ? `${response.status} ${phrase}` : String(response.status);
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^[0-9]+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function stringFieldErrors(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The `ReachoutError` for a non-2xx answer whose body has been read as `text`: a problem+json
 * body's `code`, `detail` (or `title`) and `fieldErrors`; the status when the body names no code;
 * `UNKNOWN` for a body that is not JSON at all (a proxy's HTML error page, say).
 */
export function errorFromResponse(response: Response, text: string): ReachoutError {
  const status = describeStatus(response);
  let body: unknown = undefined;
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch (cause) {
      return new ReachoutError('UNKNOWN', `The server answered ${status}`, { cause });
    }
  }
  const problem = isRecord(body) ? body : {};
  const code = isReachoutErrorCode(problem.code) ? problem.code : errorCodeForHttpStatus(response.status);
  const message = nonEmptyString(problem.detail) ?? nonEmptyString(problem.title) ?? `The server answered ${status}`;
  const bodyRetryAfter = problem.retryAfterMs;
  const retryAfterMs =
    typeof bodyRetryAfter === 'number' && Number.isFinite(bodyRetryAfter) && bodyRetryAfter >= 0
      ? bodyRetryAfter
      : parseRetryAfter(response.headers.get('Retry-After'));
  return new ReachoutError(code, message, { fieldErrors: stringFieldErrors(problem.fieldErrors), retryAfterMs });
}

/** `fetch` rejected without an abort: DNS, refused connection, CORS, offline. */
export function networkError(cause: unknown): ReachoutError {
  return new ReachoutError('NETWORK', 'Cannot reach the server. Check your connection and try again.', { cause });
}
