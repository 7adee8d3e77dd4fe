import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { isAbortError, ReachoutError } from 'reachout/core';
import type { ReachoutBackend } from '../backend';
import { bearerAuth } from './auth';
import { serveMedia } from './media';
import { apiBasePath, createOpenApiDocument } from './openapi';
import { codeForStatus, problemOf, problemResponse, responseForError, validationError } from './problem';
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
}

const mebibyte = 1024 * 1024;

/** `/contacts/{id}` → `/contacts/:id`. */
function honoPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

function tooLarge(maxBytes: number, what: string): Response {
  return problemResponse(
    problemOf(new ReachoutError('VALIDATION', `The ${what} is larger than the limit of ${maxBytes} bytes`), 413),
  );
}

/**
 * The reference server's HTTP layer (`docs/http-api.md`) over any `ReachoutBackend`: token-guarded
 * `/api/v1` routes, public `/openapi.json`, `/healthz` and `/media/{id}`, problem+json failures.
 *
 * @example
 * const app = createApp({ backend: createMemoryBackend(), token: process.env.REACHOUT_TOKEN });
 * serve({ fetch: app.fetch, port: 4455 });
 */
export function createApp(options: AppOptions): OpenAPIHono {
  const maxJsonBytes = options.maxJsonBytes ?? mebibyte;
  const maxUploadBytes = options.maxUploadBytes ?? 16 * mebibyte;
  const settings: RouteSettings = { backend: options.backend, maxUploadBytes };

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
      return problemResponse(problemOf(new ReachoutError(codeForStatus(error.status), detail), error.status));
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

  const openApiText = JSON.stringify(createOpenApiDocument());
  app.get('/openapi.json', (c) => c.body(openApiText, 200, { 'Content-Type': 'application/json' }));
  app.get('/healthz', (c) => c.json({ status: 'ok' as const }, 200));
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

