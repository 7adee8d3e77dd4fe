import path from 'node:path';
import { type LogFormat, logFormats } from './log';

/** Where the server keeps its data. */
export type DatabaseConfig =
  | { kind: 'pglite'; /** Absolute path of the PGlite data directory. */ dataDir: string }
  | { kind: 'postgres'; url: string };

/** WhatsApp Cloud API credentials; present only when every `WHATSAPP_*` credential is set. */
export interface CloudApiConfig {
  accessToken: string;
  phoneNumberId: string;
  businessAccountId: string;
  appSecret: string;
  verifyToken: string;
  graphUrl: string;
  /** How long the business account's templates are cached (and how often refreshed); `0` reads them every time. */
  templateCacheMs: number;
}

/** The reference server's settings, read from the environment by {@link loadConfig}. */
export interface ServerConfig {
  /** `0` listens on any free port (the bound URL is printed). */
  port: number;
  host: string;
  database: DatabaseConfig;
  /** `undefined`: the server generates one at start and prints it once. */
  apiToken: string | undefined;
  /** Demo contacts to seed on first start (with the demo senders, templates and agents); `0` starts empty. */
  seedContacts: number;
  /** Simulator mode: how long a send stays `verifying` before WhatsApp "answers". */
  simulatorDelayMs: number;
  /**
   * How many days stored events stay replayable (`Last-Event-ID`) before they are pruned.
   * @default 7
   */
  eventRetentionDays?: number;
  /** `undefined`: simulator mode. */
  whatsapp: CloudApiConfig | undefined;
  /** Absolute path of a built page to serve at `/` (demo use), or `undefined`. */
  staticDir: string | undefined;
  /**
   * Base URL of media links (`<publicUrl>/media/<id>`), without a trailing slash; `undefined`:
   * the address the server listens on.
   */
  publicUrl: string | undefined;
  /** Requests answered at once past which new ones get `503` with `Retry-After`. */
  maxRequestsInProgress: number;
  /**
   * How long a send job may run before it counts as lost and is tried again (seconds).
   * @default 120
   */
  jobExpireSeconds?: number;
  /**
   * How often lost jobs are looked for (seconds).
   * @default 60
   */
  jobSuperviseSeconds?: number;
  /**
   * The access and job log on stdout: one JSON object per line, a short line for a person, or none.
   * @default 'json'
   */
  logFormat: LogFormat;
  /**
   * How long a stop (SIGTERM) lets requests in progress and running jobs finish; a WhatsApp call
   * still running then is aborted and its job runs again later.
   * @default 10
   */
  shutdownSeconds: number;
}

type Environment = Readonly<Record<string, string | undefined>>;

export const DEFAULT_PORT = 4455;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = '.reachout-data';
export const DEFAULT_SEED_CONTACTS = 10_000;
export const DEFAULT_SIMULATOR_DELAY_MS = 3000;
export const DEFAULT_EVENT_RETENTION_DAYS = 7;
export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';
export const DEFAULT_TEMPLATE_CACHE_MS = 5 * 60 * 1000;
export const DEFAULT_MAX_REQUESTS_IN_PROGRESS = 128;
export const DEFAULT_JOB_EXPIRE_SECONDS = 120;
export const DEFAULT_JOB_SUPERVISE_SECONDS = 60;
export const DEFAULT_SHUTDOWN_SECONDS = 10;

/** The credentials that switch the server from the simulator to the WhatsApp Cloud API. */
const CLOUD_API_VARIABLES = [
  'WHATSAPP_TOKEN',
  'WHATSAPP_PHONE_NUMBER_ID',
  'WHATSAPP_BUSINESS_ACCOUNT_ID',
  'WHATSAPP_APP_SECRET',
  'WHATSAPP_VERIFY_TOKEN',
] as const;

/**
 * Reads the server's configuration from environment variables. Behaviour never depends on
 * `NODE_ENV`. Relative paths are resolved against the current directory.
 *
 * | variable | default | meaning |
 * | --- | --- | --- |
 * | `PORT` | `4455` | TCP port to listen on; `0` picks a free one |
 * | `HOST` | `127.0.0.1` | interface to listen on (`0.0.0.0` for every interface) |
 * | `REACHOUT_DATA_DIR` | `.reachout-data` | PGlite data directory (one server per directory, guarded by `<dir>.lock`) |
 * | `DATABASE_URL` | unset | `postgres://…`: use PostgreSQL instead of PGlite (`REACHOUT_DATA_DIR` is then ignored) |
 * | `REACHOUT_API_TOKEN` | generated | bearer token for `/api/v1`; when unset a random one is generated and printed once at start |
 * | `REACHOUT_SEED` | `10000` | demo contacts seeded on first start, with demo senders, templates and agents; `0` starts empty |
 * | `REACHOUT_SIM_DELAY_MS` | `3000` | simulator mode: how long a send stays "verifying" before WhatsApp answers |
 * | `REACHOUT_EVENT_RETENTION_DAYS` | `7` | how long stored events stay replayable by `/api/v1/events` (older ones are pruned at start and hourly; a client asking for them gets `reset`) |
 * | `WHATSAPP_TOKEN` | unset | Cloud API access token |
 * | `WHATSAPP_PHONE_NUMBER_ID` | unset | Cloud API phone number id of the sender |
 * | `WHATSAPP_BUSINESS_ACCOUNT_ID` | unset | WhatsApp Business Account id (approved templates come from it) |
 * | `WHATSAPP_APP_SECRET` | unset | app secret that signs webhook calls (`X-Hub-Signature-256`) |
 * | `WHATSAPP_VERIFY_TOKEN` | unset | token Meta echoes when subscribing the webhook at `/webhooks/whatsapp` |
 * | `WHATSAPP_GRAPH_URL` | `https://graph.facebook.com` | Graph API base URL (a mock in tests) |
 * | `WHATSAPP_TEMPLATE_CACHE_MS` | `300000` | how long templates read from Meta are reused (and how often they are refreshed); a template-status webhook drops them at once; `0` reads them for every page and send |
 * | `REACHOUT_STATIC_DIR` | unset | a built page served at `/`; its `index.html` gets the API base and token injected (demo use only: it hands the token to every visitor) |
 * | `REACHOUT_PUBLIC_URL` | the listen address | base of the media URLs uploads answer (`https://support.example.com`); never taken from the request's `Host` |
 * | `REACHOUT_MAX_REQUESTS_IN_PROGRESS` | `128` | requests answered at once past which a new one gets `503` with `Retry-After: 1` (`/healthz` never does) |
 * | `REACHOUT_JOB_EXPIRE_SECONDS` | `120` | how long a send job may run before it counts as lost (its server died, or the call hung) and is tried again; keep it above the WhatsApp call's timeout |
 * | `REACHOUT_JOB_SUPERVISE_SECONDS` | `60` | how often the job queue looks for lost jobs: a send cut short by a crash goes out within about expire + supervise seconds |
 * | `REACHOUT_LOG` | `json` | one log line per request (method, route pattern, status, ms, request id) and per job try (queue, id, outcome, ms) on stdout: `json`, `pretty` (a short line for a person; `npm run demo` uses it) or `off` |
 * | `REACHOUT_SHUTDOWN_SECONDS` | `10` | on SIGTERM, how long requests in progress and running jobs get; WhatsApp calls still running then are aborted and their jobs run again later |
 *
 * The five `WHATSAPP_*` credentials switch on Cloud API mode together; without them the server
 * runs the WhatsApp simulator.
 *
 * @throws Error naming the variable and what is wrong with it.
 * @example
 * const config = loadConfig(); // process.env
 * const testConfig = loadConfig({ PORT: '0', REACHOUT_SEED: '0' });
 */
export function loadConfig(env: Environment = process.env, cwd: string = process.cwd()): ServerConfig {
  const databaseUrl = readString(env, 'DATABASE_URL');
  return {
    port: readInteger(env, 'PORT', DEFAULT_PORT, { min: 0, max: 65_535, what: 'a port number from 0 to 65535' }),
    host: readString(env, 'HOST') ?? DEFAULT_HOST,
    database: databaseUrl
      ? { kind: 'postgres', url: checkDatabaseUrl(databaseUrl) }
      : { kind: 'pglite', dataDir: path.resolve(cwd, readString(env, 'REACHOUT_DATA_DIR') ?? DEFAULT_DATA_DIR) },
    apiToken: readString(env, 'REACHOUT_API_TOKEN'),
    seedContacts: readInteger(env, 'REACHOUT_SEED', DEFAULT_SEED_CONTACTS, {
      min: 0,
      max: 1_000_000,
      what: 'a number of demo contacts from 0 (start empty) to 1000000',
    }),
    simulatorDelayMs: readInteger(env, 'REACHOUT_SIM_DELAY_MS', DEFAULT_SIMULATOR_DELAY_MS, {
      min: 0,
      max: 3_600_000,
      what: 'a delay in milliseconds from 0 to 3600000',
    }),
    eventRetentionDays: readInteger(env, 'REACHOUT_EVENT_RETENTION_DAYS', DEFAULT_EVENT_RETENTION_DAYS, {
      min: 1,
      max: 3650,
      what: 'a number of days from 1 to 3650',
    }),
    whatsapp: readCloudApiConfig(env),
    staticDir: mapDefined(readString(env, 'REACHOUT_STATIC_DIR'), (dir) => path.resolve(cwd, dir)),
    publicUrl: mapDefined(readString(env, 'REACHOUT_PUBLIC_URL'), checkPublicUrl),
    maxRequestsInProgress: readInteger(env, 'REACHOUT_MAX_REQUESTS_IN_PROGRESS', DEFAULT_MAX_REQUESTS_IN_PROGRESS, {
      min: 1,
      max: 100_000,
      what: 'a number of requests from 1 to 100000',
    }),
    jobExpireSeconds: readInteger(env, 'REACHOUT_JOB_EXPIRE_SECONDS', DEFAULT_JOB_EXPIRE_SECONDS, {
      min: 1,
      max: 86_400,
      what: 'a number of seconds from 1 to 86400',
    }),
    jobSuperviseSeconds: readInteger(env, 'REACHOUT_JOB_SUPERVISE_SECONDS', DEFAULT_JOB_SUPERVISE_SECONDS, {
      min: 1,
      max: 3600,
      what: 'a number of seconds from 1 to 3600',
    }),
    logFormat: readLogFormat(env),
    shutdownSeconds: readInteger(env, 'REACHOUT_SHUTDOWN_SECONDS', DEFAULT_SHUTDOWN_SECONDS, {
      min: 1,
      max: 3600,
      what: 'a number of seconds from 1 to 3600',
    }),
  };
}

function readLogFormat(env: Environment): LogFormat {
  const raw = readString(env, 'REACHOUT_LOG');
  if (raw === undefined) return 'json';
  const format = logFormats.find((candidate) => candidate === raw.toLowerCase());
  if (!format) throw new Error(`REACHOUT_LOG must be one of ${logFormats.join(', ')}, got "${raw}".`);
  return format;
}

/** Shows a database URL without its password, for logs and error messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable database URL)';
  }
}

/** Empty and blank values count as unset, so `PORT= npx tsx …` behaves like no `PORT`. */
function readString(env: Environment, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function readInteger(
  env: Environment,
  name: string,
  fallback: number,
  range: { min: number; max: number; what: string },
): number {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < range.min || value > range.max) {
    throw new Error(`${name} must be ${range.what}, got "${raw}".`);
  }
  return value;
}

function checkPublicUrl(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.search || parsed.hash || parsed.username || parsed.password) {
    throw new Error(
      `REACHOUT_PUBLIC_URL must be the http(s) URL clients reach the server at, such as https://support.example.com ` +
        `(a path is allowed; no query, fragment or credentials), got "${url}".`,
    );
  }
  return parsed.toString().replace(/\/+$/, '');
}

function checkDatabaseUrl(url: string): string {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error('DATABASE_URL is not a valid URL; expected postgres://user:password@host:5432/database.');
  }
  if (protocol !== 'postgres:' && protocol !== 'postgresql:') {
    throw new Error(
      `DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/database), got a "${protocol}" URL. ` +
        'Unset it to use the built-in PGlite database in REACHOUT_DATA_DIR.',
    );
  }
  return url;
}

function readCloudApiConfig(env: Environment): CloudApiConfig | undefined {
  const missing = CLOUD_API_VARIABLES.filter((name) => readString(env, name) === undefined);
  if (missing.length === CLOUD_API_VARIABLES.length) return undefined;
  if (missing.length > 0) {
    const present = CLOUD_API_VARIABLES.filter((name) => !missing.includes(name));
    throw new Error(
      `WhatsApp Cloud API mode needs all of ${CLOUD_API_VARIABLES.join(', ')}: ${missing.join(', ')} ` +
        `${missing.length === 1 ? 'is' : 'are'} not set (${present.join(', ')} ${present.length === 1 ? 'is' : 'are'}). ` +
        'Set the missing ones, or unset every WHATSAPP_* variable to run the simulator.',
    );
  }
  const graphUrl = readString(env, 'WHATSAPP_GRAPH_URL') ?? DEFAULT_GRAPH_URL;
  if (!URL.canParse(graphUrl) || !/^https?:$/.test(new URL(graphUrl).protocol)) {
    throw new Error(`WHATSAPP_GRAPH_URL must be an http(s) URL such as ${DEFAULT_GRAPH_URL}, got "${graphUrl}".`);
  }
  // Every one of them is set: `missing` is empty.
  const required = (name: (typeof CLOUD_API_VARIABLES)[number]): string => readString(env, name) ?? '';
  return {
    accessToken: required('WHATSAPP_TOKEN'),
    phoneNumberId: required('WHATSAPP_PHONE_NUMBER_ID'),
    businessAccountId: required('WHATSAPP_BUSINESS_ACCOUNT_ID'),
    appSecret: required('WHATSAPP_APP_SECRET'),
    verifyToken: required('WHATSAPP_VERIFY_TOKEN'),
    graphUrl: graphUrl.replace(/\/+$/, ''),
    templateCacheMs: readInteger(env, 'WHATSAPP_TEMPLATE_CACHE_MS', DEFAULT_TEMPLATE_CACHE_MS, {
      min: 0,
      max: 86_400_000,
      what: 'a duration in milliseconds from 0 (no cache) to 86400000 (a day)',
    }),
  };
}

function mapDefined<T, R>(value: T | undefined, map: (value: T) => R): R | undefined {
  return value === undefined ? undefined : map(value);
}
