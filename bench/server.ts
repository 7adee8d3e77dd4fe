// npm run bench:server — the reference server under load: a server process of its own (as
// `npm run server` runs it) seeded with 10,000 contacts, on PGlite and on PostgreSQL, driven over
// keep-alive connections from this process:
//   - `GET /api/v1/contacts?search=ma` with 1 and with 50 connections;
//   - `POST /api/v1/notifications` (a fresh idempotency key each, to contacts never sent to
//     before) with 1 and with 50 connections, while one more connection asks `/healthz`
//     every 20 ms.
// Prints req/s and p50/p99 per run and writes bench/results/server-load.json. Latency is the time
// from sending a request to the last byte of its answer; a request unanswered after 10 s counts
// as a timeout. Answers other than 2xx are counted by status (503 = shed by the server).
//
// PostgreSQL: REACHOUT_TEST_DATABASE_URL or DATABASE_URL (a fresh database is created on that
// server and dropped afterwards), else a throwaway cluster from scripts/postgres.sh, else skipped.
// Knobs (env): BENCH_SECONDS per run (default 5), BENCH_CONTACTS (default 10000),
// BENCH_DATABASES (default pglite,postgres), BENCH_CONNECTIONS (default 1,50), and any
// REACHOUT_* server setting, handed to the server as is.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildTemplateMessage, parseTemplate } from 'reachout/core';
import type { Contact, MessageTemplate, Page, Sender, TemplateParameters } from 'reachout/core';

const here = import.meta.dirname;
const repositoryRoot = path.resolve(here, '..');
const resultsFile = path.join(here, 'results', 'server-load.json');
const seconds = readCount('BENCH_SECONDS', 5);
const contactCount = readCount('BENCH_CONTACTS', 10_000);
const databases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',').filter(Boolean);
const connectionCounts = (process.env.BENCH_CONNECTIONS ?? '1,50').split(',').map(Number);
const requestTimeoutMs = 10_000;
const healthzIntervalMs = 20;
const token = randomBytes(16).toString('hex');

type DatabaseName = 'pglite' | 'postgres';

interface LoadResult {
  database: DatabaseName;
  load: 'GET search "ma"' | 'POST send';
  connections: number;
  requests: number;
  /** Answers of any status per second (timeouts excluded). */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Answer status → count, for statuses other than the expected one. */
  otherStatuses: Record<string, number>;
  timeouts: number;
  /** Only for sends: `/healthz` asked every 20 ms on its own connection during the run. */
  healthz?: { requests: number; p50Ms: number; p99Ms: number; maxMs: number; timeouts: number };
}

function readCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function percentile(sortedMs: readonly number[], fraction: number): number {
  const index = Math.min(sortedMs.length - 1, Math.ceil(fraction * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? Number.NaN;
}

const round = (value: number) => Math.round(value * 10) / 10;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  body: string;
  ms: number;
}

/** One request on `agent`; `status` 0 means it timed out or the connection failed. */
function request(
  agent: http.Agent,
  baseUrl: string,
  method: 'GET' | 'POST',
  pathAndQuery: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const startedAt = performance.now();
  return new Promise((resolve) => {
    const outgoing = http.request(
      `${baseUrl}${pathAndQuery}`,
      {
        method,
        agent,
        timeout: requestTimeoutMs,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) }),
          ...headers,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text, ms: performance.now() - startedAt }));
        response.once('error', () => resolve({ status: 0, body: '', ms: performance.now() - startedAt }));
      },
    );
    outgoing.once('timeout', () => outgoing.destroy(new Error('timeout')));
    outgoing.once('error', () => resolve({ status: 0, body: '', ms: performance.now() - startedAt }));
    outgoing.end(body);
  });
}

/** The server as `npm run server` runs it, in a process of its own. */
async function spawnServer(environment: Record<string, string>): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const serverSettings = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('REACHOUT_') && !name.startsWith('REACHOUT_TEST_')));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: repositoryRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: '127.0.0.1',
      PORT: '0',
      REACHOUT_API_TOKEN: token,
      REACHOUT_SEED: String(contactCount),
      ...serverSettings,
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  // Read everything: one log line per request, and a full pipe would stall the server.
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    if (output.length < 100_000) output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        child.stdout?.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    void exited.then(() => reject(new Error(`The server exited before listening:\n${output}`)));
  });
  return {
    url,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Every seeded contact, and what a send to one of them needs. */
async function prepareSends(baseUrl: string): Promise<{ contacts: Contact[]; buildBody(contact: Contact): string }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const getJson = async <T>(pathAndQuery: string): Promise<T> => {
    const answer = await request(agent, baseUrl, 'GET', `/api/v1${pathAndQuery}`);
    if (answer.status !== 200) throw new Error(`GET ${pathAndQuery} answered ${answer.status}: ${answer.body}`);
    return JSON.parse(answer.body) as T;
  };
  const contacts: Contact[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Contact> = await getJson(`/contacts?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    contacts.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const { items: senders } = await getJson<{ items: Sender[] }>('/senders');
  const sender = senders[0];
  if (!sender) throw new Error('The seeded server has no sender');
  const { items: templates } = await getJson<{ items: MessageTemplate[] }>(`/senders/${encodeURIComponent(sender.id)}/templates?limit=100`);
  const template = templates.find((candidate) => candidate.status === 'APPROVED' && parseTemplate(candidate).variables.length === 0)
    ?? templates.find((candidate) => candidate.status === 'APPROVED' && parseTemplate(candidate).mediaHeader === null);
  if (!template) throw new Error('No approved template without a media header');
  const parameters: TemplateParameters = {};
  for (const variable of parseTemplate(template).variables) {
    const value = variable.example ?? 'sample';
    if (variable.component === 'header') parameters.header = { type: 'text', text: value };
    if (variable.component === 'body') parameters.body = { ...parameters.body, [variable.key]: value };
    if (variable.component === 'button') parameters.buttons = { ...parameters.buttons, [variable.buttonIndex ?? 0]: 'sample' };
  }
  agent.destroy();
  return {
    contacts,
    buildBody: (contact) =>
      JSON.stringify({
        idempotencyKey: `bench-${randomBytes(8).toString('hex')}`,
        contactId: contact.id,
        senderId: sender.id,
        to: contact.phone,
        template: { id: template.id, name: template.name, language: template.language },
        parameters,
        message: buildTemplateMessage({ to: contact.phone, template, parameters }),
        ticket: { priority: 'medium', assigneeId: null, description: 'bench' },
      }),
  };
}

/** `connections` loops, each sending its next request when the previous one is answered, for `seconds`. */
async function runLoad(
  connections: number,
  next: (agent: http.Agent) => Promise<Answer> | undefined,
): Promise<{ answers: Answer[]; elapsedMs: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const answers: Answer[] = [];
  const startedAt = performance.now();
  const deadline = startedAt + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const pending = next(agent);
        if (!pending) return;
        answers.push(await pending);
      }
    }),
  );
  const elapsedMs = performance.now() - startedAt;
  agent.destroy();
  return { answers, elapsedMs };
}

function summarize(
  database: DatabaseName,
  load: LoadResult['load'],
  connections: number,
  expectedStatus: number,
  { answers, elapsedMs }: { answers: Answer[]; elapsedMs: number },
): LoadResult {
  const answered = answers.filter((answer) => answer.status !== 0);
  const durations = answered.map((answer) => answer.ms).sort((left, right) => left - right);
  const otherStatuses: Record<string, number> = {};
  for (const answer of answered) {
    if (answer.status !== expectedStatus) otherStatuses[answer.status] = (otherStatuses[answer.status] ?? 0) + 1;
  }
  return {
    database,
    load,
    connections,
    requests: answers.length,
    requestsPerSecond: round(answered.length / (elapsedMs / 1000)),
    p50Ms: round(percentile(durations, 0.5)),
    p99Ms: round(percentile(durations, 0.99)),
    maxMs: round(durations.at(-1) ?? Number.NaN),
    otherStatuses,
    timeouts: answers.length - answered.length,
  };
}

/** Asks `/healthz` every 20 ms on a connection of its own until `stop()`. */
function probeHealthz(baseUrl: string): { stop(): Promise<NonNullable<LoadResult['healthz']>> } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const answers: Answer[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      answers.push(await request(agent, baseUrl, 'GET', '/healthz'));
      await delay(healthzIntervalMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      const durations = answers.filter((answer) => answer.status === 200).map((answer) => answer.ms).sort((left, right) => left - right);
      return {
        requests: answers.length,
        p50Ms: round(percentile(durations, 0.5)),
        p99Ms: round(percentile(durations, 0.99)),
        maxMs: round(durations.at(-1) ?? Number.NaN),
        timeouts: answers.filter((answer) => answer.status === 0).length,
      };
    },
  };
}

async function measure(database: DatabaseName, environment: Record<string, string>): Promise<{ startMs: number; results: LoadResult[] }> {
  const startedAt = performance.now();
  const server = await spawnServer(environment);
  const startMs = Math.round(performance.now() - startedAt);
  console.log(`${database}: started with ${contactCount} contacts in ${(startMs / 1000).toFixed(1)} s`);
  const results: LoadResult[] = [];
  try {
    const search = (agent: http.Agent) => request(agent, server.url, 'GET', '/api/v1/contacts?search=ma&limit=50');
    await runLoadBriefly(search);
    for (const connections of connectionCounts) {
      const result = summarize(database, 'GET search "ma"', connections, 200, await runLoad(connections, search));
      results.push(result);
      console.log(describe(result));
    }

    const { contacts, buildBody } = await prepareSends(server.url);
    let nextContact = 0;
    const send = (agent: http.Agent) => {
      const contact = contacts[nextContact++];
      if (!contact) return undefined;
      const body = buildBody(contact);
      const key = (JSON.parse(body) as { idempotencyKey: string }).idempotencyKey;
      return request(agent, server.url, 'POST', '/api/v1/notifications', body, { 'Idempotency-Key': key });
    };
    for (const connections of connectionCounts) {
      const healthz = probeHealthz(server.url);
      const result = summarize(database, 'POST send', connections, 201, await runLoad(connections, send));
      result.healthz = await healthz.stop();
      results.push(result);
      console.log(describe(result));
      // Let the simulator's verifications of this run settle before the next one.
      await delay(1000);
    }
    return { startMs, results };
  } finally {
    await server.stop();
  }

  async function runLoadBriefly(next: (agent: http.Agent) => Promise<Answer>): Promise<void> {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    await Promise.all(Array.from({ length: 20 }, () => next(agent)));
    agent.destroy();
  }
}

function describe(result: LoadResult): string {
  const others = Object.entries(result.otherStatuses).map(([status, count]) => `${count}× ${status}`).join(', ');
  const healthz = result.healthz ? `; /healthz p50 ${result.healthz.p50Ms} p99 ${result.healthz.p99Ms} max ${result.healthz.maxMs} ms` : '';
  return (
    `  ${result.load} × ${result.connections}: ${result.requestsPerSecond} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ` +
    `max ${result.maxMs} ms${others ? ` (${others})` : ''}${result.timeouts ? `, ${result.timeouts} timeouts` : ''}${healthz}`
  );
}

async function benchPglite(): Promise<{ startMs: number; results: LoadResult[] }> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'reachout-bench-'));
  try {
    return await measure('pglite', { REACHOUT_DATA_DIR: path.join(directory, 'data') });
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** A PostgreSQL server to use, and how to give it back. */
function findPostgres(): { url: string; stop(): void } | { skipped: string } {
  const given = process.env.REACHOUT_TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (given) return { url: given, stop: () => {} };
  try {
    const output = execFileSync('bash', [path.join(repositoryRoot, 'scripts/postgres.sh'), 'start'], { encoding: 'utf8' });
    const url = /^REACHOUT_TEST_DATABASE_URL=(.+)$/m.exec(output)?.[1];
    const directory = /^REACHOUT_TEST_POSTGRES_DIR=(.+)$/m.exec(output)?.[1];
    if (!url || !directory) return { skipped: `scripts/postgres.sh start printed no URL:\n${output}` };
    return {
      url,
      stop: () => execFileSync('bash', [path.join(repositoryRoot, 'scripts/postgres.sh'), 'stop', directory], { stdio: 'inherit' }),
    };
  } catch (error) {
    return { skipped: `scripts/postgres.sh could not start a cluster (${error instanceof Error ? error.message.split('\n')[0] : String(error)})` };
  }
}

/** Runs on a database of its own, so an existing one (a DATABASE_URL) is never written to. */
async function benchPostgres(): Promise<{ startMs: number; results: LoadResult[] } | { skipped: string }> {
  const postgres = findPostgres();
  if ('skipped' in postgres) return postgres;
  const databaseName = `reachout_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgres.url });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${databaseName}`);
  } catch (error) {
    await admin.end().catch(() => {});
    postgres.stop();
    return { skipped: `cannot create a benchmark database on the PostgreSQL server: ${String(error)}` };
  }
  try {
    const url = new URL(postgres.url);
    url.pathname = `/${databaseName}`;
    return await measure('postgres', { DATABASE_URL: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
    postgres.stop();
  }
}

const loadAverageStart = os.loadavg().map(round);
const runs: Array<{ database: DatabaseName; startMs: number }> = [];
const results: LoadResult[] = [];
const skipped: Record<string, string> = {};
if (databases.includes('pglite')) {
  const run = await benchPglite();
  runs.push({ database: 'pglite', startMs: run.startMs });
  results.push(...run.results);
}
if (databases.includes('postgres')) {
  const outcome = await benchPostgres();
  if ('skipped' in outcome) {
    skipped.postgres = outcome.skipped;
    console.log(`postgres: skipped (${outcome.skipped})`);
  } else {
    runs.push({ database: 'postgres', startMs: outcome.startMs });
    results.push(...outcome.results);
  }
}

console.log();
console.log(`Load on the reference server, ${contactCount} contacts, ${seconds} s per run (ms):`);
console.table(
  results.map((result) => ({
    database: result.database,
    load: result.load,
    conns: result.connections,
    'req/s': result.requestsPerSecond,
    p50: result.p50Ms,
    p99: result.p99Ms,
    max: result.maxMs,
    'not 2xx': Object.entries(result.otherStatuses).map(([status, count]) => `${count}×${status}`).join(' '),
    timeouts: result.timeouts,
    'healthz p99': result.healthz?.p99Ms ?? '',
  })),
);

fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.writeFileSync(
  resultsFile,
  `${JSON.stringify(
    {
      machine: {
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cores: os.cpus().length,
        node: process.version,
        platform: `${os.type()} ${os.release()}`,
        date: new Date().toISOString(),
        loadAverageStart,
        loadAverageEnd: os.loadavg().map(round),
      },
      method: { contacts: contactCount, secondsPerRun: seconds, requestTimeoutMs, healthzIntervalMs, connectionCounts },
      databases: runs,
      results,
      skipped,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwrote ${path.relative(process.cwd(), resultsFile)}`);
