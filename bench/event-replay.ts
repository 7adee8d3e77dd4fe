// npx tsx bench/event-replay.ts — SSE replays (`Last-Event-ID`) against 5,618 stored events (the
// count of issue 13) on an in-memory PGlite: one replay and 20 at once per id, with their time,
// the bytes one replay streams, whether it was answered with `reset`, and /healthz during them.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { contractFixtures } from 'reachout/testing';
import { createDatabaseBackend, openDatabase, seedWorld } from '../server/src/db';
import { events } from '../server/src/db/schema';
import { createApp } from '../server/src/http/app';

const db = await openDatabase({ kind: 'pglite', dataDir: null });
await seedWorld(db, contractFixtures);
const ticket = contractFixtures.tickets[0]!;
const rows = Array.from({ length: 5618 }, () => ({ payload: { type: 'ticket.updated' as const, ticket } }));
for (let start = 0; start < rows.length; start += 500) await db.drizzle.insert(events).values(rows.slice(start, start + 500));
const backend = createDatabaseBackend(db, { simulatorDelayMs: 600_000 });
const app = createApp({ backend, token: 'bench-token-0123456789' });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

/** Connects with Last-Event-ID, reads until `events` events (or a reset) arrived; ms and bytes. */
async function replay(lastEventId: string, expectEvents: number) {
  const started = performance.now();
  const controller = new AbortController();
  const response = await fetch(`${base}/api/v1/events`, {
    headers: { Authorization: 'Bearer bench-token-0123456789', 'Last-Event-ID': lastEventId },
    signal: controller.signal,
  });
  const reader = response.body!.getReader();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    text += new TextDecoder().decode(value);
    const count = text.split('\n\n').filter((block) => block.includes('data:')).length;
    if (text.includes('event: reset') || count >= expectEvents) break;
  }
  controller.abort();
  return { ms: performance.now() - started, bytes, reset: text.includes('event: reset') };
}

async function health() {
  const started = performance.now();
  await fetch(`${base}/healthz`);
  return performance.now() - started;
}

for (const [label, id, expected] of [['Last-Event-ID: 0', '0', 5618], ['Last-Event-ID: 4618 (1,000 to replay)', '4618', 1000], ['Last-Event-ID: 999999999999999999999', '999999999999999999999', 1]] as const) {
  await replay(id, expected);
  const one = await replay(id, expected);
  const healthDuring = health();
  const startedAll = performance.now();
  await Promise.all(Array.from({ length: 20 }, () => replay(id, expected)));
  const allMs = performance.now() - startedAll;
  console.log(`${label}: one ${one.ms.toFixed(1)} ms, ${one.bytes} bytes, reset=${one.reset}; 20 at once ${allMs.toFixed(0)} ms; /healthz during them ${(await healthDuring).toFixed(1)} ms`);
}
server.close();
(server as { closeAllConnections?: () => void }).closeAllConnections?.();
await backend.close();
