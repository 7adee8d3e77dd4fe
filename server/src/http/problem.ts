import * as z from 'zod/mini';
import { httpStatusForErrorCode, isReachoutError, reachoutErrorCodes, ReachoutError } from 'reachout/core';
import type { ReachoutErrorCode } from 'reachout/core';

/** An RFC 9457 problem as every failing route answers it (`docs/http-api.md`, "Errors"). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ReachoutErrorCode;
  fieldErrors?: Record<string, string>;
  retryAfterMs?: number;
}

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int()),
  detail: z.string(),
  code: z.enum(reachoutErrorCodes),
  fieldErrors: z.optional(z.record(z.string(), z.string())),
  retryAfterMs: z.optional(z.number()),
});

export const problemContentType = 'application/problem+json';

const problemTypeBase = 'https://reachout.dev/problems/';

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/** `ACTIVE_CHAT` → `https://reachout.dev/problems/active-chat`. */
function problemType(code: ReachoutErrorCode): string {
  return problemTypeBase + code.toLowerCase().replaceAll('_', '-');
}

/**
 * A `ReachoutError` the HTTP layer raises itself when the status is not the code's usual one
 * (`413` and `415` are `VALIDATION` too).
 */
export class HttpProblemError extends Error {
  override readonly name = 'HttpProblemError';
  readonly status: number;
  readonly error: ReachoutError;

  constructor(status: number, error: ReachoutError) {
    super(error.message);
    this.status = status;
    this.error = error;
  }
}

export function problemOf(error: ReachoutError, status: number = httpStatusForErrorCode(error.code)): Problem {
  const problem: Problem = {
    type: problemType(error.code),
    title: titles[status] ?? 'Error',
    status,
    detail: error.message,
    code: error.code,
  };
  if (error.fieldErrors && Object.keys(error.fieldErrors).length > 0) problem.fieldErrors = error.fieldErrors;
  if (error.retryAfterMs !== undefined) problem.retryAfterMs = error.retryAfterMs;
  return problem;
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const allHeaders: Record<string, string> = { 'Content-Type': problemContentType, ...headers };
  if (problem.retryAfterMs !== undefined) {
    allHeaders['Retry-After'] = String(Math.max(0, Math.ceil(problem.retryAfterMs / 1000)));
  }
  return new Response(JSON.stringify(problem), { status: problem.status, headers: allHeaders });
}

/**
 * The answer for anything a handler throws: a `ReachoutError` (or `HttpProblemError`) as its
 * problem, anything else as a `500 UNKNOWN` that says nothing about the internals (the error
 * itself goes to the log).
 */
export function responseForError(error: unknown): Response {
  if (error instanceof HttpProblemError) return problemResponse(problemOf(error.error, error.status));
  if (isReachoutError(error)) {
    if (error.code === 'UNKNOWN') console.error('reachout: a request failed', error);
    return problemResponse(problemOf(error));
  }
  console.error('reachout: a request failed unexpectedly', error);
  return problemResponse(
    problemOf(new ReachoutError('UNKNOWN', 'The server could not complete this request; try again later')),
  );
}

export function validationError(message: string, fieldErrors?: Record<string, string>): ReachoutError {
  return new ReachoutError('VALIDATION', message, fieldErrors ? { fieldErrors } : {});
}
