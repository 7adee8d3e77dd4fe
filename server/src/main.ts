import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createAdaptorServer } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { DEFAULT_EVENT_RETENTION_DAYS, loadConfig, redactDatabaseUrl, type ServerConfig } from './config';
import type { Database, DatabaseBackend, OpenDatabaseOptions } from './db';
import { acquireDataDirLock, type DataDirLock } from './lock';
import { createLogger, requestIdFor } from './log';

export interface StartServerOptions {
  /** Where startup lines and the request and job log (`config.logFormat`) go. @default console.log */
  log?: (line: string) => void;
}

export interface RunningServer {
  /** The bound address, e.g. `http://127.0.0.1:4455` (the real port when `PORT=0`). */
  url: string;
  /** The bearer token `/api/v1` requires: `REACHOUT_API_TOKEN`, or the one generated at start. */
  token: string;
  /**
   * Stops accepting connections and taking jobs, lets requests in progress and running jobs finish
   * within `config.shutdownSeconds` (event streams are cut: their clients resume with
   * `Last-Event-ID`; WhatsApp calls still running are aborted, their jobs run again later), closes
   * the backend and the database, releases the lock.
   */
  close(): Promise<void>;
}

/** Paths the API app owns; the demo page never shadows them. */
const apiPathPrefixes = ['/api/', '/webhooks/', '/media/'];
const apiPaths = ['/openapi.json', '/healthz', '/readyz'];
const apiBase = '/api/v1';

/**
 * Starts the reference server. In order: lock the PGlite data directory (PostgreSQL needs none),
 * open the database (running migrations), seed the demo data unless `seedContacts` is 0 (a no-op
 * when the database already has contacts), build the backend and the app, and only then listen,
 * so the server answers only once it is ready.
 *
 * @throws Error with a message for the operator: data directory locked, database unreachable,
 * port in use, demo page missing.
 * @example
 * const server = await startServer(loadConfig({ PORT: '0', REACHOUT_SEED: '0' }));
 * await fetch(`${server.url}/healthz`);
 * await server.close();
 */
export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const cleanups: Array<() => Promise<void> | void> = [];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log(`Error while shutting down: ${messageOf(error)}`);
      }
    }
  };

  try {
    const lock: DataDirLock | undefined =
      config.database.kind === 'pglite' ? acquireDataDirLock(config.database.dataDir) : undefined;
    if (lock) cleanups.push(() => lock.release());
    // Loaded after the lock: a second server on the same directory fails at once, without
    // first spending seconds loading the database driver and the app.
    const [
      { createDatabaseBackend, databaseUnreadiness, openDatabase, seedDemoData },
      { createApp, routePatternOf },
      { createCloudApiGateway, createWhatsAppWebhooks },
      { registerCloudApiSenderAtStart },
    ] = await Promise.all([import('./db'), import('./http/app'), import('./whatsapp'), import('./db/cloudApiSender')]);
    // The database uses this lock rather than taking its own; it is released after the database closes.
    const database = await openConfiguredDatabase(config, openDatabase, lock ? { lock } : {});
    cleanups.push(() => database.close());
    log(
      config.database.kind === 'pglite'
        ? `Database: PGlite in ${config.database.dataDir}`
        : `Database: PostgreSQL at ${redactDatabaseUrl(config.database.url)}`,
    );

    if (config.seedContacts > 0) {
      log(`Demo data: seeded with ${config.seedContacts} generated contacts if the database is empty (REACHOUT_SEED=0 starts empty)`);
      await seedDemoData(database, { contacts: config.seedContacts });
    }

    const gateway = config.whatsapp
      ? createCloudApiGateway({
          accessToken: config.whatsapp.accessToken,
          phoneNumberId: config.whatsapp.phoneNumberId,
          businessAccountId: config.whatsapp.businessAccountId,
          graphUrl: config.whatsapp.graphUrl,
          templateCacheMs: config.whatsapp.templateCacheMs,
        })
      : undefined;
    // Cloud API mode: the business number, as Meta describes it, is the sender.
    if (gateway) await registerCloudApiSenderAtStart(database, gateway, { log });
    const logger = createLogger(config.logFormat, log);
    const shutdownMs = config.shutdownSeconds * 1000;
    const backend: DatabaseBackend = createDatabaseBackend(database, {
      ...(gateway ? { gateway } : {}),
      simulatorDelayMs: config.simulatorDelayMs,
      eventRetentionMs: (config.eventRetentionDays ?? DEFAULT_EVENT_RETENTION_DAYS) * 24 * 60 * 60 * 1000,
      logJob: logger.job,
      shutdownTimeoutMs: shutdownMs,
    });
    cleanups.push(() => backend.close());

    const token = config.apiToken ?? randomBytes(24).toString('base64url');
    // The listen address is known only once listening; media URLs are built after that.
    let publicUrl = config.publicUrl ?? '';
    // Set first on close: `/readyz` then sends load balancers elsewhere while requests drain.
    let shuttingDown = false;
    const app = createApp({
      backend,
      token,
      unreadiness: async () => (shuttingDown ? 'The server is shutting down' : databaseUnreadiness(database)),
      maxRequestsInProgress: config.maxRequestsInProgress,
      publicUrl: () => publicUrl,
      ...(config.whatsapp
        ? {
            webhooks: createWhatsAppWebhooks({
              backend,
              appSecret: config.whatsapp.appSecret,
              verifyToken: config.whatsapp.verifyToken,
            }),
          }
        : {}),
    });
    const demoPage = config.staticDir ? createDemoPage(config.staticDir, token) : undefined;

    const server = createAdaptorServer({
      fetch: async (request, env) => {
        const startedAt = performance.now();
        const { pathname } = new URL(request.url);
        const requestId = requestIdFor(request.headers.get('X-Request-Id'));
        const demoResponse =
          demoPage && isDemoPageRequest(request.method, pathname) ? await answerOr404(demoPage, request, env) : undefined;
        const response = withRequestId(demoResponse ?? (await app.fetch(request, env)), requestId);
        logger.request({
          method: request.method,
          route: demoResponse ? '/' : routePatternOf(request),
          path: pathname,
          status: response.status,
          ms: performance.now() - startedAt,
          requestId,
        });
        return response;
      },
    }) as http.Server; // an HTTP/1 server: no http2/https options are given
    const drain = trackRequestsInProgress(server);
    const address = await listen(server, config.port, config.host);
    const url = `http://${urlHost(config.host)}:${address.port}`;
    publicUrl ||= url;

    if (config.whatsapp) {
      log(`WhatsApp: Cloud API (phone number id ${config.whatsapp.phoneNumberId}); webhook at ${url}/webhooks/whatsapp`);
    } else {
      log(`WhatsApp: simulator (a send is verified after ${config.simulatorDelayMs} ms)`);
    }
    if (config.staticDir) {
      log(
        `Demo page: ${config.staticDir} at ${url}/ (demo use only: the page carries the API token, so anyone who can open it can use the API)`,
      );
    }
    if (!config.apiToken) log(`API token (generated for this run; set REACHOUT_API_TOKEN to choose one): ${token}`);
    log(`Reachout server listening on ${url} (API at ${url}${apiBase})`);

    let closing: Promise<void> | undefined;
    return {
      url,
      token,
      close() {
        shuttingDown = true;
        closing ??= (async () => {
          // Jobs stop while requests drain: both within the one bound.
          await Promise.all([drain(shutdownMs), backend.stopJobs()]);
          await cleanUp();
        })();
        return closing;
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function openConfiguredDatabase(
  config: ServerConfig,
  openDatabase: (target: ServerConfig['database'], options: OpenDatabaseOptions) => Promise<Database>,
  options: OpenDatabaseOptions,
): Promise<Database> {
  try {
    return await openDatabase(config.database, {
      ...options,
      queue: {
        ...(config.jobExpireSeconds === undefined ? {} : { jobExpireSeconds: config.jobExpireSeconds }),
        ...(config.jobSuperviseSeconds === undefined ? {} : { superviseIntervalSeconds: config.jobSuperviseSeconds }),
      },
    });
  } catch (error) {
    if (config.database.kind === 'postgres') {
      throw new Error(
        `${messageOf(error)} (DATABASE_URL ${redactDatabaseUrl(config.database.url)}). ` +
          'Check that PostgreSQL runs there and accepts this user, or unset DATABASE_URL to use PGlite.',
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * Follows every request from its headers to the end of its answer, and returns the shutdown
 * drain: stop accepting connections, cut event streams (their clients resume with
 * `Last-Event-ID`), answer every request that arrived, each with `Connection: close`, then close
 * the connections left idle, and after `timeoutMs` whatever is still open.
 *
 * Node's own `server.close()` would close idle keep-alive connections at once, including those
 * whose next request is already sent but not yet read (the event loop was busy): their clients
 * see a reset for a request that was in flight. Here they are read first.
 */
function trackRequestsInProgress(server: http.Server): (timeoutMs: number) => Promise<void> {
  const inProgress = new Set<http.ServerResponse>();
  let draining = false;
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (draining && isEventStream(request)) {
      response.destroy();
      return;
    }
    if (draining) response.shouldKeepAlive = false;
    inProgress.add(response);
    response.once('close', () => inProgress.delete(response));
  });

  return async (timeoutMs) => {
    draining = true;
    // `net.Server#close` stops accepting without `http.Server#close`'s closing of idle connections.
    const stoppedListening = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
    for (const response of inProgress) {
      if (isEventStream(response.req)) response.destroy();
      else response.shouldKeepAlive = false;
    }
    const deadline = Date.now() + timeoutMs;
    let idleChecks = 0;
    // Two checks in a row with nothing in progress, a timer apart: the event loop has read what
    // the idle connections' clients had already sent, so closing them now cuts no request.
    while (idleChecks < 2 && Date.now() < deadline) {
      await delay(20);
      idleChecks = inProgress.size === 0 ? idleChecks + 1 : 0;
      if (idleChecks === 1) server.closeIdleConnections();
    }
    server.closeAllConnections();
    server.close(); // clears http.Server's connection timer; the listener is already closed
    await stoppedListening;
  };
}

function isEventStream(request: http.IncomingMessage): boolean {
  return (request.url ?? '').split('?')[0] === `${apiBase}/events`;
}

function isDemoPageRequest(method: string, pathname: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  return !apiPaths.includes(pathname) && !apiPathPrefixes.some((prefix) => pathname.startsWith(prefix));
}

/** The response with `X-Request-Id` set (copied when its headers are immutable, as a fetched response's are). */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set('X-Request-Id', requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set('X-Request-Id', requestId);
    return copy;
  }
}

async function answerOr404(
  demoPage: Hono,
  request: Request,
  env: Parameters<Parameters<typeof createAdaptorServer>[0]['fetch']>[1],
): Promise<Response | undefined> {
  const response = await demoPage.fetch(request, env);
  return response.status === 404 ? undefined : response;
}

/**
 * The built demo page: its files as they are, except `index.html`, which learns where the API
 * is and the token to call it with.
 */
function createDemoPage(staticDir: string, token: string): Hono {
  const indexFile = path.join(staticDir, 'index.html');
  let html: string;
  try {
    html = fs.readFileSync(indexFile, 'utf8');
  } catch {
    throw new Error(
      `REACHOUT_STATIC_DIR is ${staticDir}, but ${indexFile} cannot be read. Build the demo page first, or unset REACHOUT_STATIC_DIR.`,
    );
  }
  const meta =
    `<meta name="reachout-api-base" content="${apiBase}">` +
    `<meta name="reachout-api-token" content="${escapeAttribute(token)}">`;
  const page = html.includes('</head>') ? html.replace('</head>', `${meta}</head>`) : `${meta}${html}`;
  const answerIndex = () =>
    new Response(page, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });

  const demo = new Hono();
  demo.get('/', answerIndex);
  demo.get('/index.html', answerIndex);
  demo.use('*', serveStatic({ root: staticDir }));
  return demo;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function listen(server: http.Server, port: number, host: string): Promise<{ port: number }> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(new Error(`Port ${port} on ${host} is already in use. Stop what uses it, or set PORT to another port (0 picks a free one).`));
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new Error(`HOST ${host} is not an address of this machine (${error.code}). Use 127.0.0.1, or 0.0.0.0 for every interface.`));
      } else {
        reject(new Error(`Cannot listen on ${host}:${port}: ${error.message}`, { cause: error }));
      }
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve({ port: typeof address === 'object' && address ? address.port : port });
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** A host for a URL a browser can open: a wildcard address becomes localhost, IPv6 gets brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `node --import tsx server/src/main.ts` (`npm run server`): start from the environment, stop cleanly on SIGTERM/SIGINT. */
async function runFromCommandLine(): Promise<void> {
  let server: RunningServer;
  let shutdownSeconds: number;
  try {
    const config = loadConfig();
    shutdownSeconds = config.shutdownSeconds;
    server = await startServer(config);
  } catch (error) {
    console.error(`Reachout server did not start: ${messageOf(error)}`);
    process.exit(1);
  }

  let stoppingSince: number | undefined;
  const stop = (signal: NodeJS.Signals) => {
    if (stoppingSince !== undefined) {
      // A supervisor or a process-group kill often delivers SIGTERM twice (once to each process,
      // once relayed by a parent such as npm): the shutdown already running finishes what is in
      // progress, within its own timeout. Only a person pressing Ctrl+C again, a moment later
      // (Ctrl+C also reaches npm, which relays it at once), means "now".
      if (signal === 'SIGTERM' || Date.now() - stoppingSince < 1000) {
        console.log(`${signal} again: already shutting down (requests in progress and jobs get up to ${shutdownSeconds} s).`);
        return;
      }
      console.error(`${signal} again: exiting without waiting for the shutdown to finish.`);
      process.exit(1);
    }
    stoppingSince = Date.now();
    console.log(`${signal}: shutting down`);
    server.close().then(
      () => {
        console.log('Reachout server stopped.');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`Shutdown failed: ${messageOf(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function isRunAsScript(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(fs.realpathSync(script)).href;
  } catch {
    return false;
  }
}

if (isRunAsScript()) void runFromCommandLine();
