// npx tsx bench/server-queries.ts — the reference server over HTTP with 100,000 contacts: the first
// contacts page and search pages (a name, a phone and an email fragment, and a miss), on PGlite
// and on PostgreSQL. Prints p50/p95 per query and writes bench/results/server-queries.json.
//
// PostgreSQL: REACHOUT_TEST_DATABASE_URL or DATABASE_URL (a fresh database is created on that
// server and dropped afterwards), else a throwaway cluster from scripts/postgres.sh, else skipped.
// Knobs (env): BENCH_RUNS (default 30), BENCH_WARMUP (default 3), BENCH_CONTACTS (default 100000),
// BENCH_DATABASES (default pglite,postgres).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Contact, Page } from 'reachout/core';
import type { DatabaseConfig, ServerConfig } from '../server/src/config';
import { startServer, type RunningServer } from '../server/src/main';

const here = import.meta.dirname;
const repositoryRoot = path.resolve(here, '..');
const resultsFile = path.join(here, 'results', 'server-queries.json');
const runs = readCount('BENCH_RUNS', 30);
const warmupRuns = readCount('BENCH_WARMUP', 3);
const contactCount = readCount('BENCH_CONTACTS', 100_000);
const databases = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',').filter(Boolean);

interface QueryResult {
  database: 'pglite' | 'postgres';
  query: string;
  path: string;
  /** Rows on the measured page. */
  items: number;
  p50Ms: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

interface DatabaseRun {
  database: 'pglite' | 'postgres';
  /** Start to listening: open, migrate and seed the contacts. */
  startMs: number;
  results: QueryResult[];
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

const round = (ms: number) => Math.round(ms * 100) / 100;

function benchConfig(database: DatabaseConfig): ServerConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    database,
    apiToken: randomBytes(16).toString('hex'),
    seedContacts: contactCount,
    simulatorDelayMs: 3000,
    whatsapp: undefined,
    staticDir: undefined,
    publicUrl: undefined,
    maxRequestsInProgress: 128,
    logFormat: 'off',
    shutdownSeconds: 10,
  };
}

async function getPage(server: RunningServer, pathAndQuery: string): Promise<Page<Contact>> {
  const response = await fetch(`${server.url}/api/v1${pathAndQuery}`, { headers: { Authorization: `Bearer ${server.token}` } });
  if (response.status !== 200) throw new Error(`GET ${pathAndQuery} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Page<Contact>;
}

/** Fragments taken from a real contact deep in the list, so each search has matches to page through. */
async function pickQueries(server: RunningServer): Promise<Array<{ query: string; path: string }>> {
  let page = await getPage(server, '/contacts?limit=100');
  for (let hop = 0; hop < 5 && page.nextCursor; hop += 1) {
    page = await getPage(server, `/contacts?limit=100&cursor=${encodeURIComponent(page.nextCursor)}`);
  }
  const sample = page.items.find((contact) => contact.email) ?? page.items[0];
  if (!sample) throw new Error('The seeded database has no contacts');
  const lastName = sample.name.split(' ').at(-1) ?? sample.name;
  const nameFragment = lastName.slice(0, Math.min(4, lastName.length)).toLowerCase();
  const digits = sample.phone.replace(/\D/g, '');
  const phoneFragment = digits.slice(-7, -2);
  // Spans the @, so only the email can match, never the name.
  const [local = '', domain = ''] = (sample.email ?? 'someone@example.com').split('@');
  const emailFragment = `${local.slice(-3)}@${domain.slice(0, 3)}`;
  const search = (text: string) => `/contacts?limit=50&search=${encodeURIComponent(text)}`;
  return [
    { query: 'first page', path: '/contacts?limit=50' },
    { query: `name "${nameFragment}"`, path: search(nameFragment) },
    { query: `phone "${phoneFragment}"`, path: search(phoneFragment) },
    { query: `email "${emailFragment}"`, path: search(emailFragment) },
    { query: 'miss "zzqx"', path: search('zzqx') },
  ];
}

async function measure(database: 'pglite' | 'postgres', config: ServerConfig): Promise<DatabaseRun> {
  const startedAt = performance.now();
  const server = await startServer(config, { log: () => {} });
  const startMs = performance.now() - startedAt;
  console.log(`${database}: started with ${contactCount} contacts in ${(startMs / 1000).toFixed(1)} s`);
  try {
    const results: QueryResult[] = [];
    for (const { query, path: pathAndQuery } of await pickQueries(server)) {
      let items = 0;
      for (let run = 0; run < warmupRuns; run += 1) items = (await getPage(server, pathAndQuery)).items.length;
      const durations: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const before = performance.now();
        await getPage(server, pathAndQuery);
        durations.push(performance.now() - before);
      }
      durations.sort((left, right) => left - right);
      results.push({
        database,
        query,
        path: pathAndQuery,
        items,
        p50Ms: round(percentile(durations, 0.5)),
        p95Ms: round(percentile(durations, 0.95)),
        minMs: round(durations[0] ?? Number.NaN),
        maxMs: round(durations.at(-1) ?? Number.NaN),
      });
    }
    return { database, startMs: Math.round(startMs), results };
  } finally {
    await server.close();
  }
}

async function benchPglite(): Promise<DatabaseRun> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'reachout-bench-'));
  try {
    return await measure('pglite', benchConfig({ kind: 'pglite', dataDir: path.join(directory, 'data') }));
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** A PostgreSQL server to use, and how to give it back. */
async function findPostgres(): Promise<{ url: string; stop(): void } | { skipped: string }> {
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
    return {
      skipped:
        'no REACHOUT_TEST_DATABASE_URL or DATABASE_URL, and scripts/postgres.sh could not start a cluster ' +
        `(${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    };
  }
}

/** Runs on a database of its own, so an existing one (a DATABASE_URL) is never written to. */
async function benchPostgres(): Promise<DatabaseRun | { skipped: string }> {
  const postgres = await findPostgres();
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
    return await measure('postgres', benchConfig({ kind: 'postgres', url: url.toString() }));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`).catch(() => {});
    await admin.end().catch(() => {});
    postgres.stop();
  }
}

const loadAverageStart = os.loadavg().map((load) => round(load));
const runsByDatabase: DatabaseRun[] = [];
const skipped: Record<string, string> = {};
if (databases.includes('pglite')) runsByDatabase.push(await benchPglite());
if (databases.includes('postgres')) {
  const outcome = await benchPostgres();
  if ('skipped' in outcome) {
    skipped.postgres = outcome.skipped;
    console.log(`postgres: skipped (${outcome.skipped})`);
  } else {
    runsByDatabase.push(outcome);
  }
}

const rows = runsByDatabase.flatMap((run) => run.results);
console.log();
console.log(`GET /api/v1/contacts over HTTP, ${contactCount} contacts, ${runs} runs after ${warmupRuns} warm-up (ms):`);
console.table(
  rows.map((row) => ({ database: row.database, query: row.query, items: row.items, p50: row.p50Ms, p95: row.p95Ms, max: row.maxMs })),
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
        loadAverageEnd: os.loadavg().map((load) => round(load)),
      },
      method: {
        contacts: contactCount,
        runs,
        warmupRuns,
        notes: [
          'The real server (startServer from server/src/main.ts) on 127.0.0.1, requests from the same process with fetch, one at a time.',
          'Search fragments come from a contact about 600 rows into the name order, so each one matches.',
        ],
      },
      databases: runsByDatabase.map(({ database, startMs }) => ({ database, startMs })),
      results: rows,
      skipped,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwrote ${path.relative(process.cwd(), resultsFile)}`);
