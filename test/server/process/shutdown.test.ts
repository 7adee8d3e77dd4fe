import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, makeTemporaryDirectory, startServer, type ReadyServer } from './serverProcess';

interface SlowUpload {
  /** Sends the rest of the body. */
  finish(): void;
  answered: Promise<{ status: number; connection: string | undefined; body: string }>;
}

/**
 * A `POST /api/v1/contacts` on its own connection whose body arrives in two parts: the request
 * is in progress on the server (headers read, body awaited) until `finish()`.
 */
function startSlowUpload(url: string, index: number): SlowUpload {
  const body = JSON.stringify({ name: `Slow Upload ${index}`, phone: `+336123456${String(index).padStart(2, '0')}` });
  const split = body.indexOf(',') + 1;
  const request = http.request(`${url}/api/v1/contacts`, {
    method: 'POST',
    agent: false,
    headers: {
      Authorization: `Bearer ${apiToken}`,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
    },
  });
  const answered = new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.once('end', () =>
        resolve({ status: response.statusCode ?? 0, connection: response.headers.connection, body: text }),
      );
      response.once('error', reject);
    });
  });
  answered.catch(() => {}); // awaited by the test; a reset must not also be an unhandled rejection
  request.write(body.slice(0, split));
  return { finish: () => request.end(body.slice(split)), answered };
}

/** `GET` through `agent`, on the connection it keeps alive when it has one. */
function getThrough(agent: http.Agent, url: string): Promise<{ status: number; connection: string | undefined }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: { Authorization: `Bearer ${apiToken}` } }, (response) => {
        response.resume();
        response.once('end', () => resolve({ status: response.statusCode ?? 0, connection: response.headers.connection }));
      })
      .once('error', reject);
  });
}

/** `GET /healthz` on a connection of its own (fetch would reuse a kept-alive one). */
function healthzOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/healthz`, { agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
      .once('error', reject);
  });
}

/** `GET /api/v1/events` on its own connection; resolves `ended` when the server ends or cuts it. */
async function openEventStream(url: string): Promise<{ ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${url}/api/v1/events`, { agent: false, headers: { Authorization: `Bearer ${apiToken}` } }, (response) => {
        if (response.statusCode !== 200) reject(new Error(`GET /events answered ${response.statusCode}`));
        response.resume();
        resolve({ ended: new Promise<void>((ended) => response.once('close', () => ended())) });
      })
      .once('error', reject);
  });
}

async function waitForOutput(server: ReadyServer, text: string): Promise<void> {
  while (!server.output().includes(text)) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`The server exited before printing "${text}". Output:\n${server.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('SIGTERM', () => {
  let root: string;
  let server: ReadyServer | undefined;

  beforeAll(async () => {
    root = makeTemporaryDirectory();
    server = await startServer({ REACHOUT_DATA_DIR: path.join(root, 'data') });
  }, 180_000);

  afterAll(async () => {
    await server?.stop('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers all 20 slow requests in progress and those sent on kept-alive connections meanwhile, even when SIGTERM comes twice, cuts event streams first, refuses new connections, and exits 0', async () => {
    const running = server!;
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const eventStream = await openEventStream(running.url);
    expect(await getThrough(keepAlive, `${running.url}/healthz`)).toEqual({ status: 200, connection: 'keep-alive' });
    const probe = new http.Agent({ keepAlive: true, maxSockets: 1 });
    expect(await getThrough(probe, `${running.url}/readyz`)).toEqual({ status: 200, connection: 'keep-alive' });
    const uploads = Array.from({ length: 20 }, (_, index) => startSlowUpload(running.url, index));
    // Every upload is in progress on the server: a healthz on a fresh connection is answered after them.
    expect(await healthzOnNewConnection(running.url)).toBe(200);

    running.child.kill('SIGTERM');
    await waitForOutput(running, 'SIGTERM: shutting down');
    // A process-group kill through npm, or a supervisor, delivers it again.
    running.child.kill('SIGTERM');
    await waitForOutput(running, 'SIGTERM again: already shutting down');

    await expect(healthzOnNewConnection(running.url)).rejects.toThrow('ECONNREFUSED');
    // Event streams never finish by themselves: they are cut at once (clients resume with
    // Last-Event-ID), not after the requests in progress.
    await eventStream.ended;
    // A client reusing its connection is answered, and told the connection ends.
    expect(await getThrough(keepAlive, `${running.url}/api/v1/contacts?limit=1`)).toEqual({ status: 200, connection: 'close' });
    // A load balancer's probe on its kept-alive connection learns to send requests elsewhere.
    expect(await getThrough(probe, `${running.url}/readyz`)).toEqual({ status: 503, connection: 'close' });
    for (const upload of uploads) upload.finish();
    const answers = await Promise.all(uploads.map((upload) => upload.answered));

    expect(answers.map((answer) => answer.status)).toEqual(Array.from({ length: 20 }, () => 201));
    expect(answers.map((answer) => answer.connection)).toEqual(Array.from({ length: 20 }, () => 'close'));
    expect(JSON.parse(answers[7]!.body)).toMatchObject({ name: 'Slow Upload 7' });
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.output()).toContain('Reachout server stopped.');
  }, 60_000);
});
