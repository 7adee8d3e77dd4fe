import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { matchedRoutes } from 'hono/route';
import { errorCodeForHttpStatus, isAbortError, ReachoutError } from 'reachout/core';
import type { ReachoutBackend } from '../backend';
import { bearerAuth } from './auth';
import { serveMedia } from './media';
import { apiBasePath, createOpenApiDocument } from './openapi';
import { problemOf, problemResponse, responseForError, validationError } from './problem';
import { fieldErrorsOfIssues } from './request';
import { apiRoutes, runRoute } from './routes';
import type { RouteSettings } from './routes';

export { createOpenApiDocument, serializeOpenApiDocument } from './openapi';

export interface AppOptions {
  backend: ReachoutBackend;
  /** The bearer token every `/api/v1` route requires. */
  token: string;
  /** Mounted at `/webhooks/whatsapp` when given (public: it checks its own signature). */
  webhooks?: Hono;
  /** @default 1 MiB */
  maxJsonBytes?: number;
  /** @default 16 MiB */
  maxUploadBytes?: number;
  /**
   * Requests being answered at once (all but `/healthz` and `/openapi.json`) past which a new
   * one is refused at once with `503` and `Retry-After: 1`, rather than queued behind the others.
   * @default 128
   */
  maxRequestsInProgress?: number;
  /**
   * The server's public base URL, e.g. `https://support.example.com`, for the media URLs it
   * hands out: never taken from the request's `Host` header, which the client chooses.
   * @default `http://127.0.0.1:4455` (the server's default listen address)
   */
  publicUrl?: string | (() => string);
  /**
   * Why the server cannot take work now (`GET /readyz` answers `503` with it), or `null` when it
   * can. Without it, `/readyz` answers like `/healthz`.
   */
  unreadiness?: () => Promise<string | null>;
}

const mebibyte = 1024 * 1024;
const defaultMaxRequestsInProgress = 128;
const defaultPublicUrl = 'http://127.0.0.1:4455';
/** Routes that answer from memory: never shed, so probes see a busy server as alive. */
const unshedPaths = new Set(['/healthz', '/readyz', '/openapi.json']);

/** `/contacts/{id}` → `/contacts/:id`. */
function honoPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

function tooLarge(maxBytes: number, what: string): Response {
  return problemResponse(
    problemOf(new ReachoutError('VALIDATION', `The ${what} is larger than the limit of ${maxBytes} bytes`), 413),
  );
}

/** The route pattern each request this app answered matched, for the access log (`routePatternOf`). */
const routePatterns = new WeakMap<Request, string>();

/**
 * The route pattern (`/api/v1/contacts/:id`) that answered a request the app handled, or `null`
 * when no route matched (a 404) or the app never saw it. Log lines carry it instead of the path,
 * whose ids would make every line different.
 */
export function routePatternOf(request: Request): string | null {
  return routePatterns.get(request) ?? null;
}

/**
 * The reference server's HTTP layer (`docs/http-api.md`) over any `ReachoutBackend`: token-guarded
 * `/api/v1` routes, public `/openapi.json`, `/healthz` (alive), `/readyz` (able to take work) and
 * `/media/{id}`, problem+json failures.
 *
 * @example
 * const app = createApp({ backend: createMemoryBackend(), token: process.env.REACHOUT_TOKEN });
 * serve({ fetch: app.fetch, port: 4455 });
 */
export function createApp(options: AppOptions): OpenAPIHono {
  const maxJsonBytes = options.maxJsonBytes ?? mebibyte;
  const maxUploadBytes = options.maxUploadBytes ?? 16 * mebibyte;
  const maxRequestsInProgress = options.maxRequestsInProgress ?? defaultMaxRequestsInProgress;
  const publicUrl = options.publicUrl ?? defaultPublicUrl;
  const settings: RouteSettings = {
    backend: options.backend,
    maxUploadBytes,
    publicUrl: typeof publicUrl === 'string' ? () => publicUrl : publicUrl,
  };

  const app = new OpenAPIHono({
    // Only reached by routes registered with `app.openapi` (a host extending the app): the
    // built-in routes validate with core's zod/mini schemas themselves.
    defaultHook: (result) => {
      if (result.success) return;
      const fieldErrors = fieldErrorsOfIssues(result.error.issues, result.target);
      throw validationError(
        `The ${result.target} is not valid: ${Object.entries(fieldErrors)
          .map(([field, message]) => `${field}: ${message}`)
          .join('; ')}`,
        fieldErrors,
      );
    },
  });

  app.onError((error) => {
    if (error instanceof HTTPException) {
      if (error.status >= 500) return responseForError(error);
      const detail = error.message || 'The request could not be processed';
      return problemResponse(problemOf(new ReachoutError(errorCodeForHttpStatus(error.status), detail), error.status));
    }
    // The client went away: nobody reads this answer, and it is not a failure worth logging.
    if (isAbortError(error)) return new Response(null, { status: 499 });
    return responseForError(error);
  });
  app.notFound((c) =>
    problemResponse(
      problemOf(new ReachoutError('NOT_FOUND', `There is no route ${c.req.method} ${new URL(c.req.url).pathname}`)),
    ),
  );

  app.use('*', async (c, next) => {
    // The last route matched is the handler's; middleware patterns (`*`, `/api/v1/*`) mean none matched.
    const handlerPath = matchedRoutes(c).at(-1)?.path;
    if (handlerPath !== undefined && !handlerPath.endsWith('*')) routePatterns.set(c.req.raw, handlerPath);
    return next();
  });

  let requestsInProgress = 0;
  app.use('*', async (c, next) => {
    if (unshedPaths.has(c.req.path)) return next();
    if (requestsInProgress >= maxRequestsInProgress) {
      return problemResponse(
        problemOf(
          new ReachoutError('RATE_LIMITED', `The server is busy (${maxRequestsInProgress} requests in progress); try again in a second`, {
            retryAfterMs: 1000,
          }),
          503,
        ),
      );
    }
    requestsInProgress += 1;
    try {
      await next();
    } finally {
      requestsInProgress -= 1;
    }
  });

  const openApiText = JSON.stringify(createOpenApiDocument());
  app.get('/openapi.json', (c) => c.body(openApiText, 200, { 'Content-Type': 'application/json' }));
  app.get('/healthz', (c) => c.json({ status: 'ok' as const }, 200));
  app.get('/readyz', async (c) => {
    const reason = (await options.unreadiness?.()) ?? null;
    if (reason === null) return c.json({ status: 'ready' as const }, 200);
    return problemResponse(problemOf(new ReachoutError('UNKNOWN', `Not ready: ${reason}`), 503), { 'Retry-After': '1' });
  });
  app.get('/media/:id', (c) => serveMedia(c, options.backend));

  app.use(`${apiBasePath}/*`, bearerAuth(options.token));
  for (const route of apiRoutes) {
    const maxBytes = route.multipart ? maxUploadBytes : maxJsonBytes;
    const what = route.multipart ? 'upload' : 'JSON body';
    app.on(
      route.method.toUpperCase(),
      apiBasePath + honoPath(route.path),
      bodyLimit({ maxSize: maxBytes, onError: () => tooLarge(maxBytes, what) }),
      (c) => runRoute(route, c, settings),
    );
  }

  if (options.webhooks) app.route('/webhooks/whatsapp', options.webhooks);
  return app;
}

