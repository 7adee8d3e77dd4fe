/** Every error code a provider may reject with. Widgets show each as a specific message. */
export const reachoutErrorCodes = [
  'VALIDATION',
  'CONFLICT',
  'NOT_FOUND',
  'ACTIVE_CHAT',
  'OPTED_OUT',
  'OUTSIDE_WINDOW',
  'INVALID_NUMBER',
  'RATE_LIMITED',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NETWORK',
  'UNKNOWN',
] as const;

export type ReachoutErrorCode = (typeof reachoutErrorCodes)[number];

export interface ReachoutErrorOptions {
  /** Field name → message, for `VALIDATION` (and `CONFLICT`, where it names the duplicated field). */
  fieldErrors?: Record<string, string>;
  /** How long to wait before retrying, for `RATE_LIMITED`. */
  retryAfterMs?: number;
  /** The original error, when this one wraps another. */
  cause?: unknown;
}

/**
 * The one error type a data provider rejects with.
 *
 * @example
 * throw new ReachoutError('CONFLICT', 'A contact with this phone already exists', {
 *   fieldErrors: { phone: 'A contact with this phone already exists' },
 * });
 */
export class ReachoutError extends Error {
  override readonly name = 'ReachoutError';
  readonly code: ReachoutErrorCode;
  readonly fieldErrors: Record<string, string> | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: ReachoutErrorCode, message: string, options: ReachoutErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterMs = options.retryAfterMs;
  }
}

export function isReachoutErrorCode(value: unknown): value is ReachoutErrorCode {
  return typeof value === 'string' && (reachoutErrorCodes as readonly string[]).includes(value);
}

/**
 * True for a `ReachoutError`, also one created by another copy of this package
 * (two bundles of the library on one page must still recognise each other's errors).
 */
export function isReachoutError(value: unknown): value is ReachoutError {
  if (value instanceof ReachoutError) return true;
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { name?: unknown }).name === 'ReachoutError' &&
    isReachoutErrorCode((value as { code?: unknown }).code)
  );
}

/** True when `error` is an abort (an `AbortSignal` fired): never shown to users. */
export function isAbortError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'AbortError'
  );
}

function messageOf(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  return 'Something went wrong';
}

/**
 * Wraps anything thrown into a `ReachoutError`: a `ReachoutError` is returned as is, a failed
 * `fetch` (a `TypeError`) becomes `NETWORK`, anything else `UNKNOWN` with the original as `cause`.
 */
export function toReachoutError(error: unknown): ReachoutError {
  if (isReachoutError(error)) return error;
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) {
    return new ReachoutError('NETWORK', error.message, { cause: error });
  }
  return new ReachoutError('UNKNOWN', messageOf(error), { cause: error });
}

/** An `AbortError` as `fetch` throws it, for providers that honour `signal`. */
export function createAbortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const error = new Error('The operation was aborted');
  error.name = 'AbortError';
  return error;
}
