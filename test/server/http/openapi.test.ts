import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOpenApiDocument, serializeOpenApiDocument } from '../../../server/src/http/app';
import { createMemoryBackend } from '../memoryBackend';
import { createWhatsAppWebhooks } from '../../../server/src/whatsapp';
import { createTestApp, origin } from './helpers';

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> } | unknown[]>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

/** The document as a client reads it (through JSON, as served). */
function loadDocument(): OpenApiDocument {
  return JSON.parse(serializeOpenApiDocument()) as OpenApiDocument;
}

const httpMethods = ['get', 'post', 'put', 'patch', 'delete'];

/** `METHOD /full/path/{param}` for every operation of the document. */
function documentedOperations(document: OpenApiDocument): string[] {
  const operations: string[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    const servers = (item.servers as { url: string }[] | undefined) ?? document.servers;
    const base = (servers[0]?.url ?? '').replace(/\/$/, '');
    for (const method of Object.keys(item).filter((key) => httpMethods.includes(key))) {
      operations.push(`${method.toUpperCase()} ${base}${path}`);
    }
  }
  return operations.sort();
}

describe('openapi.json', () => {
  it('is public and equals createOpenApiDocument()', async () => {
    const { app } = createTestApp();
    const response = await app.request(`${origin}/openapi.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toContain('application/json');
    expect(await response.json()).toEqual(createOpenApiDocument());
  });

  it('is an OpenAPI 3.1 document with bearer security and components for the domain objects', () => {
    const document = loadDocument();
    const packageJson = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'Reachout API', version: packageJson.version });
    expect(document.servers).toEqual([{ url: '/api/v1' }]);
    expect(document.security).toEqual([{ bearerAuth: [] }]);
    expect(document.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer' });
    for (const name of [
      'Contact',
      'ContactInput',
      'Ticket',
      'Chat',
      'Sender',
      'Agent',
      'TimelineEvent',
      'MessageTemplate',
      'SendNotificationInput',
      'ReachoutEvent',
      'Problem',
      'ContactPage',
    ]) {
      expect(document.components.schemas, name).toHaveProperty(name);
    }
    expect(JSON.stringify(document)).not.toMatch(/"\$schema"|"\$id"/);
    // Every $ref points at a component that exists.
    for (const match of JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      expect(document.components.schemas, match[1]).toHaveProperty(match[1] ?? '');
    }
  });

  it('documents every route the app answers, and the app answers every documented route', () => {
    // With the WhatsApp webhooks, as the server mounts them in Cloud API mode.
    const { app } = createTestApp({
      webhooks: createWhatsAppWebhooks({ backend: createMemoryBackend(), appSecret: 'app-secret', verifyToken: 'verify-token' }),
    });
    const document = loadDocument();
    const undocumented = new Set(['GET /openapi.json']);
    const appOperations = [
      ...new Set(
        app.routes
          .filter((route) => route.method !== 'ALL' && !undocumented.has(`${route.method} ${route.path}`))
          .map((route) => `${route.method} ${route.path.replace(/:([^/]+)/g, '{$1}')}`),
      ),
    ].sort();
    expect(appOperations).toEqual(documentedOperations(document));
  });

  it('documents problem+json answers for 401 and 500 on every API operation', () => {
    const document = loadDocument();
    for (const [path, item] of Object.entries(document.paths)) {
      if ('servers' in item) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (!httpMethods.includes(method) || Array.isArray(operation)) continue;
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '500']));
        expect(JSON.stringify(operation.responses['401'])).toContain('application/problem+json');
      }
    }
  });

  it("states the server's own limits: contact fields, ids, search, cursor and limit", () => {
    const document = loadDocument();
    const schemas = document.components.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>;
    const contactInput = schemas.ContactInput?.properties ?? {};
    expect(contactInput.name).toMatchObject({ type: 'string', maxLength: 120 });
    expect(contactInput.phone).toMatchObject({ maxLength: 64 });
    for (const field of ['email', 'avatarUrl']) {
      expect(JSON.stringify(contactInput[field]), field).toMatch(/"maxLength":\d+.*"pattern"/);
    }
    const send = schemas.SendNotificationInput?.properties ?? {};
    expect(send.contactId).toMatchObject({ maxLength: 200 });
    expect(JSON.stringify(send.parameters)).toContain('"maxLength":1024');
    expect(JSON.stringify(send.ticket)).toContain('"maxLength":4000');

    const parameters = (path: string) =>
      (document.paths[path]?.get as unknown as { parameters: { name: string; in: string; schema: Record<string, unknown> }[] }).parameters;
    const byName = Object.fromEntries(parameters('/contacts').map((parameter) => [parameter.name, parameter.schema]));
    expect(byName.search).toMatchObject({ maxLength: 200 });
    expect(byName.cursor).toMatchObject({ type: 'string', maxLength: 4096 });
    expect(byName.limit).toEqual({ type: 'integer', minimum: 1, maximum: 100 });
    expect(parameters('/contacts/{id}').find((parameter) => parameter.in === 'path')?.schema).toEqual({ type: 'string', maxLength: 200 });
    expect((document.info as { description?: string }).description).toMatch(/NUL.*lone surrogate.*32 levels/s);
  });

  it('matches the committed openapi.json (run `npx tsx server/scripts/write-openapi.ts` after changing the API)', () => {
    const committed = readFileSync(new URL('../../../openapi.json', import.meta.url), 'utf8');
    expect(
      committed === serializeOpenApiDocument(),
      'openapi.json is out of date: regenerate it with `npx tsx server/scripts/write-openapi.ts`',
    ).toBe(true);
  });
});
