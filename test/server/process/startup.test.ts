import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/src/config';
import { startServer, type RunningServer } from '../../../server/src/main';
import { fixtures } from 'reachout/testing';
import { type FakeGraphApi, startFakeGraphApi } from '../whatsapp/fakeGraphApi';
import { makeTemporaryDirectory, spawnServer } from './serverProcess';

// The fixture arrays, from `fixtures` (reachout/testing exports no bare arrays).
const { templates: fixtureTemplates } = fixtures;

describe('startup failures', () => {
  it('exits 1 naming the variable when the configuration is wrong', async () => {
    const server = spawnServer({ PORT: 'eighty' });
    const { code } = await server.exited;

    expect(code).toBe(1);
    expect(server.output()).toContain('Reachout server did not start: PORT must be a port number from 0 to 65535, got "eighty".');
  }, 120_000);

  it('exits 1 naming the database, without its password, when PostgreSQL is unreachable', async () => {
    // Port 9 (discard) has nothing listening here: the connection is refused at once.
    const server = spawnServer({ DATABASE_URL: 'postgres://reachout:s3cret-pw@127.0.0.1:9/reachout' });
    const { code } = await server.exited;

    expect(code).toBe(1);
    expect(server.output()).toContain('Reachout server did not start: ');
    expect(server.output()).toContain('(DATABASE_URL postgres://reachout:***@127.0.0.1:9/reachout)');
    expect(server.output()).not.toContain('s3cret-pw');
    expect(server.output()).not.toContain('listening on');
  }, 120_000);
});

describe('the demo page (REACHOUT_STATIC_DIR)', () => {
  let root: string;
  let server: RunningServer | undefined;
  const lines: string[] = [];

  beforeAll(async () => {
    root = makeTemporaryDirectory();
    const staticDir = path.join(root, 'demo');
    fs.mkdirSync(staticDir);
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>Demo</title></head><body></body></html>');
    fs.writeFileSync(path.join(staticDir, 'app.js'), 'console.log("demo");');
    const config = loadConfig(
      { PORT: '0', REACHOUT_SEED: '0', REACHOUT_DATA_DIR: 'data', REACHOUT_STATIC_DIR: 'demo', REACHOUT_API_TOKEN: 'tok"en<&>' },
      root,
    );
    server = await startServer(config, { log: (line) => lines.push(line) });
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html with the API base and the token injected before </head>, never cached', async () => {
    const response = await fetch(`${server!.url}/`);

    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(await response.text()).toBe(
      '<!doctype html><html><head><title>Demo</title>' +
        '<meta name="reachout-api-base" content="/api/v1">' +
        '<meta name="reachout-api-token" content="tok&quot;en&lt;&amp;&gt;"></head><body></body></html>',
    );
    expect(await (await fetch(`${server!.url}/index.html`)).text()).toContain('name="reachout-api-token"');
  });

  it('serves the other files of the page as they are', async () => {
    const response = await fetch(`${server!.url}/app.js`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log("demo");');
  });

  it('leaves the API routes to the API, including its 404 problems', async () => {
    expect(await (await fetch(`${server!.url}/healthz`)).json()).toEqual({ status: 'ok' });
    // The server's own readiness: its database answers and its job queue is installed.
    expect(await (await fetch(`${server!.url}/readyz`)).json()).toEqual({ status: 'ready' });
    const unknown = await fetch(`${server!.url}/api/v1/nothing-here`, { headers: { Authorization: `Bearer ${server!.token}` } });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('Content-Type')).toContain('application/problem+json');
    const contacts = await fetch(`${server!.url}/api/v1/contacts`, { headers: { Authorization: `Bearer ${server!.token}` } });
    expect(contacts.status).toBe(200);
  });

  it('says in the log that the page is for demos since it hands out the token', () => {
    expect(lines.some((line) => line.startsWith('Demo page: ') && line.includes('demo use only'))).toBe(true);
    expect(lines.some((line) => line.includes('tok"en'))).toBe(false);
  });
});

describe('Cloud API mode (the five WHATSAPP_* variables, a fake Graph API)', () => {
  let root: string;
  let server: RunningServer | undefined;
  let graph: FakeGraphApi | undefined;
  const lines: string[] = [];
  const credentials = { accessToken: 'graph-token', phoneNumberId: '106540352242922', businessAccountId: '102290129340398' };

  beforeAll(async () => {
    root = makeTemporaryDirectory();
    graph = await startFakeGraphApi({ ...credentials, templates: fixtureTemplates.filter((template) => template.status === 'APPROVED') });
    const config = loadConfig(
      {
        PORT: '0',
        REACHOUT_SEED: '0',
        REACHOUT_DATA_DIR: 'data',
        REACHOUT_API_TOKEN: 'cloud-token',
        WHATSAPP_TOKEN: credentials.accessToken,
        WHATSAPP_PHONE_NUMBER_ID: credentials.phoneNumberId,
        WHATSAPP_BUSINESS_ACCOUNT_ID: credentials.businessAccountId,
        WHATSAPP_APP_SECRET: 'app-secret',
        WHATSAPP_VERIFY_TOKEN: 'verify-me',
        WHATSAPP_GRAPH_URL: graph.url,
      },
      root,
    );
    server = await startServer(config, { log: (line) => lines.push(line) });
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await graph?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('starts empty with the business number as its only sender, as Meta describes it', async () => {
    const response = await fetch(`${server!.url}/api/v1/senders`, { headers: { Authorization: 'Bearer cloud-token' } });
    const { items } = (await response.json()) as { items: Array<{ id: string; status: string }> };

    expect(items).toEqual([expect.objectContaining({ id: `whatsapp-${credentials.phoneNumberId}`, status: 'connected' })]);
    expect(lines.some((line) => line.startsWith('WhatsApp: sending as '))).toBe(true);
  });

  it('answers Meta’s webhook handshake with the challenge only for the verify token', async () => {
    const handshake = (token: string) =>
      fetch(`${server!.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1158201444`);

    expect(await (await handshake('verify-me')).text()).toBe('1158201444');
    expect((await handshake('wrong')).status).toBe(403);
  });
});
