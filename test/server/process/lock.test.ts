import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockFileFor } from '../../../server/src/lock';
import { json, makeTemporaryDirectory, spawnServer, startServer, type ReadyServer } from './serverProcess';

// Real server processes on one PGlite data directory, one after the other.
describe('one server per data directory', () => {
  let root: string;
  let dataDir: string;
  let first: ReadyServer | undefined;
  let restarted: ReadyServer | undefined;

  beforeAll(async () => {
    root = makeTemporaryDirectory();
    dataDir = path.join(root, 'data');
    first = await startServer({ REACHOUT_DATA_DIR: dataDir });
  }, 180_000);

  afterAll(async () => {
    await Promise.all([first?.stop('SIGKILL'), restarted?.stop('SIGKILL')]);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses a second server on the same directory, naming the directory, the lock and the pid, while the first keeps answering', async () => {
    const server = first!;
    const created = await json<{ id: string }>(
      await server.api('/contacts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Before The Second Server', phone: '+33612345678' }),
      }),
      201,
    );

    const second = spawnServer({ REACHOUT_DATA_DIR: dataDir });
    const { code } = await second.exited;

    expect(code).not.toBe(0);
    expect(second.output()).toContain(
      `Reachout server did not start: Another Reachout server (pid ${server.pid}, started `,
    );
    expect(second.output()).toContain(`is using ${dataDir} (lock ${lockFileFor(dataDir)})`);
    expect(second.output()).not.toContain('listening on');
    expect(JSON.parse(fs.readFileSync(lockFileFor(dataDir), 'utf8'))).toMatchObject({ pid: server.pid });
    // One lock for the server and its database: `<dataDir>.lock`.
    expect(fs.readdirSync(root).filter((name) => name.includes('.lock'))).toEqual(['data.lock']);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const contact = await json<{ name: string }>(await server.api(`/contacts/${created.id}`), 200);
    expect(contact.name).toBe('Before The Second Server');
    // One JSON log line per request (REACHOUT_LOG's default): method, route, status, duration, request id.
    expect(server.output()).toMatch(/^\{"time":"[^"]+","kind":"request","method":"POST","route":"\/api\/v1\/contacts","status":201,"ms":[\d.]+,"requestId":"[^"]+"\}$/m);
    expect(server.output()).toMatch(/^\{"time":"[^"]+","kind":"request","method":"GET","route":"\/healthz","status":200,/m);
  }, 120_000);

  it('exits 0 on SIGTERM and leaves no lock behind', async () => {
    const { code, signal } = await first!.stop('SIGTERM');

    expect({ code, signal }).toEqual({ code: 0, signal: null });
    expect(first!.output()).toContain('SIGTERM: shutting down');
    expect(fs.readdirSync(root).filter((name) => name.endsWith('.lock'))).toEqual([]);
  }, 60_000);

  it('starts over a lock left by a server that no longer runs, with the data it had', async () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const stalePid = Number(gone.stdout);
    fs.writeFileSync(
      lockFileFor(dataDir),
      JSON.stringify({ pid: stalePid, hostname: os.hostname(), startedAt: new Date().toISOString(), id: 'crashed' }),
    );

    restarted = await startServer({ REACHOUT_DATA_DIR: dataDir });

    expect(JSON.parse(fs.readFileSync(lockFileFor(dataDir), 'utf8'))).toMatchObject({ pid: restarted.pid });
    const page = await json<{ items: Array<{ name: string }> }>(await restarted.api('/contacts?search=Second%20Server'), 200);
    expect(page.items.map((contact) => contact.name)).toEqual(['Before The Second Server']);
  }, 180_000);
});
