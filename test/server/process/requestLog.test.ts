import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTemporaryDirectory, type ReadyServer, sendNotification, startServer } from './serverProcess';

interface LogLine {
  kind: string;
  [field: string]: unknown;
}

async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

// The server's own log on stdout (REACHOUT_LOG, JSON by default): what an operator's log collector reads.
describe('the request and job log of a server process (REACHOUT_LOG unset: JSON)', () => {
  let root: string;
  let server: ReadyServer | undefined;
  const entries = () =>
    server!
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    root = makeTemporaryDirectory();
    // One seeded contact brings the demo senders and templates a send needs.
    server = await startServer({ REACHOUT_DATA_DIR: path.join(root, 'data'), REACHOUT_SEED: '1', REACHOUT_SIM_DELAY_MS: '50' });
  }, 180_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('writes one JSON line per request with the route pattern, status, ms and the request id it echoes', async () => {
    const response = await server!.api('/contacts/no-such-contact', { headers: { 'X-Request-Id': 'edge-4242' } });

    expect(response.status).toBe(404);
    expect(response.headers.get('X-Request-Id')).toBe('edge-4242');
    await until(() => entries().some((line) => line.requestId === 'edge-4242'), 'the request is logged');
    const entry = entries().find((line) => line.requestId === 'edge-4242');
    expect(entry).toMatchObject({ kind: 'request', method: 'GET', route: '/api/v1/contacts/:id', status: 404 });
    expect(typeof entry?.ms).toBe('number');
    expect(JSON.stringify(entry)).not.toContain('no-such-contact');
  });

  it('makes up a request id when none comes in, and logs a path no route matched with route null', async () => {
    const response = await fetch(`${server!.url}/no/such/route`);

    const requestId = response.headers.get('X-Request-Id');
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    await until(() => entries().some((line) => line.requestId === requestId), 'the request is logged');
    expect(entries().find((line) => line.requestId === requestId)).toMatchObject({ kind: 'request', route: null, status: 404 });
  });

  it('writes one JSON line per job try with queue, id, outcome and ms', async () => {
    await sendNotification(server!);

    await until(
      () => entries().some((line) => line.kind === 'job' && line.queue === 'dispatch-notification'),
      'the send job is logged',
    );
    const job = entries().find((line) => line.kind === 'job' && line.queue === 'dispatch-notification');
    expect(job).toMatchObject({ outcome: 'completed' });
    expect(job?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(typeof job?.ms).toBe('number');
    // The simulator's steps are jobs too.
    await until(() => entries().some((line) => line.kind === 'job' && line.queue === 'simulator-step'), 'a simulator step is logged');
  });
});
