import { randomUUID } from 'node:crypto';

/** `REACHOUT_LOG`: one JSON object per line (the default, for log collectors), a short line a person reads (`npm run demo`), or nothing. */
export const logFormats = ['json', 'pretty', 'off'] as const;
export type LogFormat = (typeof logFormats)[number];

/** One answered HTTP request. */
export interface RequestLogEntry {
  method: string;
  /** The route pattern that answered (`/api/v1/contacts/:id`), not the path with its ids; `null` when no route matched. */
  route: string | null;
  /** The path asked for: only the `pretty` format shows it (a person reading along wants the ids). */
  path: string;
  status: number;
  ms: number;
  /** The request's `X-Request-Id`, or the one the server made up for it; echoed in the response. */
  requestId: string;
}

/** One try of a queued job. */
export interface JobLogEntry {
  queue: string;
  id: string;
  /** `completed`, or `failed`: this try threw (the queue tries it again while it has retries left). */
  outcome: 'completed' | 'failed';
  ms: number;
  /** What the failed try threw. */
  error?: string;
}

export interface Logger {
  request(entry: RequestLogEntry): void;
  job(entry: JobLogEntry): void;
}

const roundMs = (ms: number) => Math.round(ms * 10) / 10;

/**
 * The server's access and job log, written line by line with `write` (stdout by default).
 *
 * @example
 * const logger = createLogger('json');
 * logger.request({ method: 'GET', route: '/healthz', path: '/healthz', status: 200, ms: 0.4, requestId: 'b1c…' });
 * // {"time":"2026-…","kind":"request","method":"GET","route":"/healthz","status":200,"ms":0.4,"requestId":"b1c…"}
 */
export function createLogger(format: LogFormat, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  if (format === 'off') return { request() {}, job() {} };
  if (format === 'pretty') {
    return {
      request: (entry) => write(`${entry.method} ${entry.path} ${entry.status} ${entry.ms.toFixed(1)}ms`),
      job: (entry) =>
        write(`job ${entry.queue} ${entry.id} ${entry.outcome} ${entry.ms.toFixed(1)}ms${entry.error === undefined ? '' : `: ${entry.error}`}`),
    };
  }
  return {
    request: ({ method, route, status, ms, requestId }) =>
      write(JSON.stringify({ time: new Date().toISOString(), kind: 'request', method, route, status, ms: roundMs(ms), requestId })),
    job: ({ queue, id, outcome, ms, error }) =>
      write(
        JSON.stringify({
          time: new Date().toISOString(),
          kind: 'job',
          queue,
          id,
          outcome,
          ms: roundMs(ms),
          ...(error === undefined ? {} : { error }),
        }),
      ),
  };
}

/** Visible ASCII without spaces, at most 128 characters: what a proxy or a client puts in `X-Request-Id`. */
const requestIdPattern = /^[\x21-\x7e]{1,128}$/;

/** The incoming `X-Request-Id` when it is a sensible one (a log line must not carry anything a client likes), else a new UUID. */
export function requestIdFor(incoming: string | null): string {
  return incoming !== null && requestIdPattern.test(incoming) ? incoming : randomUUID();
}

/** Runs one try of a job and logs its outcome and duration; what it throws is thrown on (the queue retries it). */
export async function runLoggedJob<Result>(
  logJob: ((entry: JobLogEntry) => void) | undefined,
  job: { queue: string; id: string },
  work: () => Promise<Result>,
): Promise<Result> {
  const startedAt = performance.now();
  try {
    const result = await work();
    logJob?.({ ...job, outcome: 'completed', ms: performance.now() - startedAt });
    return result;
  } catch (error) {
    logJob?.({ ...job, outcome: 'failed', ms: performance.now() - startedAt, error: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
