// npx tsx bench/server-queue.ts — sends through the job queue: real server processes (as
// `npm run server` runs them) in Cloud API mode against a fake Graph API in this process, on PGlite
// (one server) and on PostgreSQL (one and two servers behind a round-robin client).
//   - BENCH_SENDS (default 600) `POST /api/v1/notifications`, each to its own contact, BENCH_CONCURRENCY
//     (default 50) at a time;
//   - answered/s: sends over the time to the last 201; dispatched/s: sends over the time until
//     the Graph API has received the last one;
//   - send latency p50/p95: request to last byte of the 201;
//   - pick-up p95: from a send's 201 to its message reaching the Graph API (the job waits in the
//     queue, a worker on any server takes it, reads its ticket and calls WhatsApp).
// Writes bench/results/server-queue.json. The servers log nothing (REACHOUT_LOG=off), so their
// stdout is not part of the figure. PostgreSQL: REACHOUT_TEST_DATABASE_URL or DATABASE_URL (a
// fresh database per run, dropped afterwards), else skipped. BENCH_RUNS picks runs
// (default pglite-1,postgres-1,postgres-2).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { buildTemplateMessage, parseTemplate, type MessageTemplate, type Sender, type TemplateParameters } from 'reachout/core';
import { fixtures } from 'reachout/testing';
import { json, makeTemporaryDirectory, type ReadyServer, startServer } from '../test/server/process/serverProcess';
import { type FakeGraphApi, startFakeGraphApi } from '../test/server/whatsapp/fakeGraphApi';
import { businessAccountId, businessPhoneNumberId } from '../test/server/whatsapp/samplePayloads';

const resultsFile = path.join(import.meta.dirname, 'results', 'server-queue.json');
const sendCount = readCount('BENCH_SENDS', 600);
const concurrency = readCount('BENCH_CONCURRENCY', 50);
const runs = (process.env.BENCH_RUNS ?? 'pglite-1,postgres-1,postgres-2').split(',').filter(Boolean);
const postgresUrl = process.env.REACHOUT_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const accessToken = 'EAAG-bench-queue-token';

interface QueueResult {
  run: string;
  servers: number;
  sends: number;
  answeredPerSecond: number;
  dispatchedPerSecond: number;
  sendP50Ms: number;
  sendP95Ms: number;
  pickupP50Ms: number;
  pickupP95Ms: number;
  /** Answers other than 201, by status. */
  otherStatuses: Record<string, number>;
}

function readCount(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return Math.round((sorted[index] ?? Number.NaN) * 10) / 10;
}

function exampleParameters(template: MessageTemplate): TemplateParameters {
  const parameters: TemplateParameters = {};
  for (const variable of parseTemplate(template).variables) {
    const value = variable.example ?? 'sample';
    if (variable.component === 'header') parameters.header = { type: 'text', text: value };
    if (variable.component === 'body') parameters.body = { ...parameters.body, [variable.key]: value };
    if (variable.component === 'button') parameters.buttons = { ...parameters.buttons, [variable.buttonIndex ?? 0]: 'sample' };
  }
  return parameters;
}

/** `count` contacts (20 created at a time) and the body of one send to each. */
async function prepareSends(server: ReadyServer, count: number, run: string): Promise<Array<{ key: string; body: string; to: string }>> {
  const { items: senders } = await json<{ items: Sender[] }>(await server.api('/senders'), 200);
  const sender = senders[0];
  if (!sender) throw new Error('The server has no sender');
  const { items: templates } = await json<{ items: MessageTemplate[] }>(await server.api(`/senders/${encodeURIComponent(sender.id)}/templates?limit=100`), 200);
  const template = templates.find((candidate) => candidate.status === 'APPROVED' && parseTemplate(candidate).mediaHeader === null);
  if (!template) throw new Error('No approved template without a media header');
  const parameters = exampleParameters(template);
  const sends: Array<{ key: string; body: string; to: string }> = [];
  for (let start = 0; start < count; start += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, count - start) }, async (_, offset) => {
        const index = start + offset;
        const phone = `+3361${String(index).padStart(7, '0')}`;
        const contact = await json<{ id: string }>(
          await server.api('/contacts', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: `Bench ${index}`, phone }),
          }),
          201,
        );
        const key = `bench-queue-${run}-${index}`;
        const body = JSON.stringify({
          idempotencyKey: key,
          contactId: contact.id,
          senderId: sender.id,
          to: phone,
          template: { id: template.id, name: template.name, language: template.language },
          parameters,
          message: buildTemplateMessage({ to: phone, template, parameters }),
          ticket: { priority: 'medium', assigneeId: null, description: 'Queue benchmark' },
        });
        return { key, body, to: phone };
      }),
    );
    sends.push(...batch);
  }
  return sends;
}

async function measure(run: string, servers: ReadyServer[], graph: FakeGraphApi): Promise<QueueResult> {
  const sends = await prepareSends(servers[0]!, sendCount, run);
  const answeredAt = new Map<string, number>();
  const latencies: number[] = [];
  const otherStatuses: Record<string, number> = {};
  const requestsBefore = graph.requests.length;
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < sends.length) {
        const index = next++;
        const send = sends[index]!;
        const server = servers[(worker + index) % servers.length]!;
        const sentAt = performance.now();
        const response = await server.api('/notifications', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': send.key },
          body: send.body,
        });
        await response.arrayBuffer();
        const at = performance.now();
        latencies.push(at - sentAt);
        if (response.status === 201) answeredAt.set(send.to, at);
        else otherStatuses[response.status] = (otherStatuses[response.status] ?? 0) + 1;
      }
    }),
  );
  const lastAnswer = performance.now();
  const received = () =>
    graph.requests
      .slice(requestsBefore)
      .filter((request) => request.method === 'POST' && request.url.endsWith('/messages'));
  const deadline = performance.now() + 120_000;
  while (received().length < answeredAt.size) {
    if (performance.now() > deadline) throw new Error(`Only ${received().length} of ${answeredAt.size} sends reached the Graph API`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const pickups = received().flatMap((request) => {
    const answered = answeredAt.get((request.body as { to: string }).to);
    // A job may be taken before its 201 has reached the client: that pick-up counts as 0.
    return answered === undefined ? [] : [Math.max(0, request.at - answered)];
  });
  const lastDispatch = Math.max(...received().map((request) => request.at));
  const seconds = (until: number) => (until - startedAt) / 1000;
  return {
    run,
    servers: servers.length,
    sends: sends.length,
    answeredPerSecond: Math.round(answeredAt.size / seconds(lastAnswer)),
    dispatchedPerSecond: Math.round(answeredAt.size / seconds(lastDispatch)),
    sendP50Ms: percentile(latencies, 0.5),
    sendP95Ms: percentile(latencies, 0.95),
    pickupP50Ms: percentile(pickups, 0.5),
    pickupP95Ms: percentile(pickups, 0.95),
    otherStatuses,
  };
}

async function benchRun(run: string, graph: FakeGraphApi): Promise<QueueResult | { run: string; skipped: string }> {
  const [database, count] = run.split('-');
  const serverCount = Number(count ?? '1');
  const environment: Record<string, string> = {
    WHATSAPP_TOKEN: accessToken,
    WHATSAPP_PHONE_NUMBER_ID: businessPhoneNumberId,
    WHATSAPP_BUSINESS_ACCOUNT_ID: businessAccountId,
    WHATSAPP_APP_SECRET: 'bench-queue-app-secret',
    WHATSAPP_VERIFY_TOKEN: 'bench-queue-verify-token',
    WHATSAPP_GRAPH_URL: graph.url,
    REACHOUT_LOG: 'off',
    REACHOUT_MAX_REQUESTS_IN_PROGRESS: '1000',
  };
  if (database === 'pglite') {
    if (serverCount !== 1) return { run, skipped: 'PGlite is one process per data directory' };
    const root = makeTemporaryDirectory();
    const server = await startServer({ ...environment, REACHOUT_DATA_DIR: path.join(root, 'data') }, 180_000);
    try {
      return await measure(run, [server], graph);
    } finally {
      await server.stop('SIGTERM');
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
  if (!postgresUrl) return { run, skipped: 'set REACHOUT_TEST_DATABASE_URL (bash scripts/postgres.sh start) to measure PostgreSQL' };
  const name = `reachout_bench_queue_${process.pid}_${serverCount}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const servers = await Promise.all(
    Array.from({ length: serverCount }, () => startServer({ ...environment, DATABASE_URL: url.toString() }, 180_000)),
  );
  try {
    return await measure(run, servers, graph);
  } finally {
    await Promise.all(servers.map((server) => server.stop('SIGTERM')));
    await admin(`drop database if exists ${name} with (force)`);
  }
}

const graph = await startFakeGraphApi({ accessToken, phoneNumberId: businessPhoneNumberId, businessAccountId, templates: fixtures.templates });
const results: Array<QueueResult | { run: string; skipped: string }> = [];
try {
  for (const run of runs) {
    const result = await benchRun(run, graph);
    results.push(result);
    console.log(JSON.stringify(result));
  }
} finally {
  await graph.close();
}
fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
fs.writeFileSync(resultsFile, `${JSON.stringify({ sends: sendCount, concurrency, results }, null, 2)}\n`);
console.log(`Wrote ${path.relative(process.cwd(), resultsFile)}`);
