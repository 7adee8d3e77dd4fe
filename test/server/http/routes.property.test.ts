import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractFixtures } from 'reachout/testing';
import type { Database } from '../../../server/src/db';
import { encodeCursor } from 'reachout/core';
import { createApp } from '../../../server/src/http/app';
import { apiBasePath } from '../../../server/src/http/openapi';
import { apiRoutes, pathParameters } from '../../../server/src/http/routes';
import type { ApiRoute } from '../../../server/src/http/routes';
import { backendWithWorld, orderSend } from '../db/helpers';
import { rowCounts, testDatabaseTargets } from './databaseApp';
import { origin, token } from './helpers';

// Issue #13 row 2: generated strings, numbers and JSON shapes at every route of `apiRoutes`, over
// the database backend. Whatever arrives: never a 5xx, never a hang, a problem+json body for every
// failure, and no row written by a refused request. The seed is printed; rerun one with
// REACHOUT_FUZZ_SEED=<seed>.

/** Requests per route: about 20–40 s in all on PGlite on this machine. */
const runsPerRoute = Number(process.env.REACHOUT_FUZZ_RUNS ?? 200);
/** A request still unanswered after this long is a hang. */
const requestTimeoutMs = 10_000;

// ----------------------------------------------------------------------------------------------
// Hostile values
// ----------------------------------------------------------------------------------------------

/** Pieces that broke servers before: NUL, halves of surrogate pairs, number and date look-alikes. */
const hostilePieces = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '🎉',
  'é',
  '\u202e',
  '%00',
  '%',
  '0x10',
  '1e1',
  ' 5',
  '5.0',
  '-1',
  '0',
  '12',
  '99999999999999999999',
  '+275760-09-13T00:00:00.000Z',
  '2026-02-30T00:00:00.000Z',
  '0000-01-01T00:00:00.000Z',
  "'; drop table contacts; --",
  '\\',
  '%_',
  '<script>',
  '__proto__',
  'constructor',
  ' ',
  '\n',
];

/** What PostgreSQL cannot store, the cause of most of the old 500s: often, and inside other text. */
const unstorableText = fc
  .tuple(fc.string({ maxLength: 5 }), fc.constantFrom('\u0000', '\ud800', '\udfff', '\udc00\ud800'), fc.string({ maxLength: 5 }))
  .map((parts) => parts.join(''));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: unstorableText, weight: 3 },
  { arbitrary: fc.constantFrom(...hostilePieces), weight: 3 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 2 },
  {
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...hostilePieces), fc.string({ maxLength: 6 })), { minLength: 2, maxLength: 5 })
      .map((parts) => parts.join('')),
    weight: 3,
  },
  { arbitrary: fc.integer({ min: 150, max: 5000 }).map((length) => 'x'.repeat(length)), weight: 1 },
);

/** Number literals written as they are into the JSON text (JSON.stringify would round or null them). */
const hostileNumberLiterals = ['99999999999999999999', '1e400', '-1e400', '-0', '1.7976931348623157e308', '0.1e-400', '9007199254740993'];

const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -1, 1.5, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, -Number.MAX_VALUE),
);

/** JSON text nesting arrays or objects `depth` levels deep. */
function nestedJson(kind: 'arrays' | 'objects', depth: number): string {
  return kind === 'arrays' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;
}

// Written into the JSON text only when the request is built, so that fast-check's report of a
// failing case stays small (printing a 5,000-deep value overflows its own stack).
/** Marks where a raw number literal goes into the JSON text. */
const rawNumberMarker = '__reachout_raw_number__';
/** Marks where deeply nested JSON goes (`…:arrays:5000`). */
const nestedMarker = '__reachout_nested__';

const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: unstorableText, weight: 3 },
  { arbitrary: hostileString, weight: 5 },
  { arbitrary: hostileNumber, weight: 1 },
  { arbitrary: fc.constantFrom(...hostileNumberLiterals).map((literal) => `${rawNumberMarker}${literal}`), weight: 1 },
  { arbitrary: fc.constantFrom(true, false, null), weight: 1 },
  { arbitrary: fc.array(hostileString, { maxLength: 3 }), weight: 1 },
  { arbitrary: fc.dictionary(hostileString, hostileString, { maxKeys: 3 }), weight: 2 },
  { arbitrary: fc.integer({ min: 30, max: 40 }).map((depth) => `${nestedMarker}:arrays:${depth}`), weight: 1 },
  { arbitrary: fc.constantFrom(200, 5000).map((depth) => `${nestedMarker}:objects:${depth}`), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
);

/** Text for a URL: a lone surrogate cannot be percent-encoded, so it goes as its (invalid) UTF-8 bytes. */
function encodeForUrl(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text]
      .map((character) => {
        const code = character.charCodeAt(0);
        if (character.length === 1 && code >= 0xd800 && code <= 0xdfff) {
          return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`.toUpperCase();
        }
        return encodeURIComponent(character);
      })
      .join('');
  }
}

/** What `Headers` can carry: bytes without NUL, CR or LF (anything else throws before sending). */
function headerValue(text: string): string {
  return [...text].filter((character) => /^[\t\x20-\x7e\x80-\xff]$/.test(character)).join('');
}

// ----------------------------------------------------------------------------------------------
// Requests
// ----------------------------------------------------------------------------------------------

const knownIds = {
  contacts: contractFixtures.contacts.map((contact) => contact.id),
  tickets: contractFixtures.tickets.map((ticket) => ticket.id),
  senders: contractFixtures.senders.map((sender) => sender.id),
};

/** Ids of what the route's path names (`/senders/{id}/templates` → sender ids), so most requests get past the lookup. */
function idsFor(route: ApiRoute): string[] {
  if (/^\/(simulator\/)?tickets\//.test(route.path)) return knownIds.tickets;
  if (route.path.startsWith('/senders/')) return knownIds.senders;
  return knownIds.contacts;
}

const gitaId = 'contract-contact-gita';

const validQueryValues: Record<string, fc.Arbitrary<string>> = {
  limit: fc.constantFrom('1', '2', '50', '100'),
  search: fc.constantFrom('ma', 'ana', '+55', 'é'),
  cursor: fc.constantFrom(
    encodeCursor('contacts', ['maria silva', 'Maria Silva', 'contract-contact-maria-1']),
    encodeCursor('tickets', ['2025-03-01T10:00:00.000Z', 'contract-ticket-1']),
    encodeCursor('timeline', ['2025-03-01T10:00:00.000Z', 'x']),
    encodeCursor('templates', [1]),
  ),
};

/** Hostile cursors: well-formed envelopes around bad positions, and garbage. */
const hostileCursor = fc.oneof(
  hostileString,
  fc
    .tuple(fc.constantFrom('contacts', 'tickets', 'timeline', 'chats', 'templates', 'messages', 'campaigns', 'campaign-recipients') as fc.Arbitrary<'contacts'>, fc.array(fc.oneof(hostileString, hostileNumber), { maxLength: 4 }))
    .map(([list, position]) => encodeCursor(list, position)),
);

let sendCounter = 0;

function validBody(route: ApiRoute): unknown {
  switch (route.body) {
    case 'ContactInput':
      return { name: 'Fuzz Contact', phone: `+1415555${String(1000 + (sendCounter++ % 9000))}`, email: 'fuzz@example.com' };
    case 'SendNotificationInput':
      return orderSend(gitaId, `fuzz-send-${(sendCounter += 1)}-${Date.now()}`);
    case 'SendMessageInput':
      // Hugo's chat: his window closed long ago, so a valid text is refused as OUTSIDE_WINDOW.
      return { idempotencyKey: `fuzz-message-${(sendCounter += 1)}-${Date.now()}`, chatId: 'contract-chat-hugo', text: 'Fuzz hello' };
    case 'ContactImportBatch':
      return {
        idempotencyKey: `fuzz-import-${(sendCounter += 1)}-${Date.now()}`,
        onDuplicate: 'skip',
        rows: [{ row: 2, name: 'Fuzz Import', phone: `+1415556${String(1000 + (sendCounter % 9000))}` }],
      };
    case 'CampaignPreviewInput':
      return { audience: { contactIds: [gitaId] }, senderId: 'contract-sender-support' };
    case 'CampaignInput':
      return {
        idempotencyKey: `fuzz-campaign-${(sendCounter += 1)}-${Date.now()}`,
        name: 'Fuzz campaign',
        senderId: 'contract-sender-support',
        template: { id: 'contract-template-order', name: 'contract_order_update', language: 'en_US' },
        parameters: { body: { '2': '#1042' } },
        bindings: { 'body.1': 'firstName' },
        audience: { contactIds: [gitaId] },
        // A year away: a campaign running in the background would write events while other requests are checked.
        scheduledAt: new Date(Date.now() + 365 * 24 * 60 * 60 * 1000).toISOString(),
      };
    case 'SimulatorReply':
      return { text: 'Thanks!' };
    case 'SimulatorVerification':
      return { result: 'success' };
    case undefined:
      return undefined;
    default:
      return route.body satisfies never;
  }
}

/** Every path in `value` (objects and arrays), the root included as `[]`. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const paths = [prefix];
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

/** `body` with `value` at `path`, or under `key` in the object at `path` (unchanged where there is none). */
function withValueAt(body: unknown, path: readonly string[], key: string | undefined, value: unknown): unknown {
  if (path.length === 0 && key === undefined) return value;
  if (typeof body !== 'object' || body === null) return body;
  const copy = structuredClone(body) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  for (const segment of path.slice(0, key === undefined ? -1 : undefined)) {
    const next = target[segment];
    if (typeof next !== 'object' || next === null) return copy;
    target = next as Record<string, unknown>;
  }
  target[key ?? path.at(-1) ?? 'extra'] = value;
  return copy;
}

interface Mutation {
  pathIndex: number;
  newKey: string | undefined;
  value: unknown;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  pathIndex: fc.nat(),
  // Mostly a value replaced where the valid body has one; sometimes a new (hostile) key.
  newKey: fc.oneof({ arbitrary: fc.constant(undefined), weight: 7 }, { arbitrary: hostileString, weight: 3 }),
  value: hostileJson,
});

type Envelope = 'json' | 'text/plain' | 'truncated' | 'none';

interface GeneratedRequest {
  params: string[];
  query: [string, string][];
  idempotencyKey: 'body' | 'absent' | string;
  lastEventId: string | undefined;
  mutations: Mutation[];
  envelope: Envelope;
  upload: { filename: string; type: string; purpose: string; extraField: [string, string] | undefined };
}

function requestArbitrary(route: ApiRoute): fc.Arbitrary<GeneratedRequest> {
  const queryNames = route.query ? Object.keys((route.query as unknown as { shape: Record<string, unknown> }).shape) : [];
  const queryEntry: fc.Arbitrary<[string, string]> = fc.oneof(
    ...queryNames.map((name) =>
      fc.tuple(fc.constant(name), fc.oneof(validQueryValues[name] ?? hostileString, name === 'cursor' ? hostileCursor : hostileString)),
    ),
    fc.tuple(hostileString, hostileString),
  );
  return fc.record({
    params: fc.array(fc.oneof({ arbitrary: fc.constantFrom(...idsFor(route)), weight: 3 }, { arbitrary: hostileString, weight: 2 }), {
      minLength: pathParameters(route.path).length,
      maxLength: pathParameters(route.path).length,
    }),
    // Often none: a bad query is refused first and would hide what the body does.
    query: fc.oneof({ arbitrary: fc.constant<[string, string][]>([]), weight: 3 }, { arbitrary: fc.array(queryEntry, { minLength: 1, maxLength: 3 }), weight: 2 }),
    idempotencyKey: fc.oneof(
      { arbitrary: fc.constant('body'), weight: 4 },
      { arbitrary: fc.constant('absent'), weight: 1 },
      { arbitrary: hostileString, weight: 1 },
    ),
    lastEventId: fc.option(fc.oneof(fc.constantFrom('0', '1', '3', '99999999999999999999', '1'.repeat(30), '-1'), hostileString), {
      nil: undefined,
    }),
    mutations: fc.array(mutation, { maxLength: 3 }),
    envelope: fc.oneof(
      { arbitrary: fc.constant<Envelope>('json'), weight: 8 },
      { arbitrary: fc.constantFrom<Envelope>('text/plain', 'truncated', 'none'), weight: 2 },
    ),
    upload: fc.record({
      filename: fc.oneof(fc.constant('photo.png'), hostileString),
      type: fc.oneof(fc.constantFrom('image/png', 'image/svg+xml', 'application/pdf', 'text/html', 'image/png, text/html', ''), hostileString),
      purpose: fc.oneof(fc.constantFrom('avatar', 'template-header'), hostileString),
      extraField: fc.option(fc.tuple(hostileString, hostileString), { nil: undefined }),
    }),
  });
}

const pngBytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

/** The fetch arguments for `generated` against `route`, and a line describing it for failures. */
function buildRequest(route: ApiRoute, generated: GeneratedRequest): { url: string; init: RequestInit; description: string } {
  let path = route.path;
  for (const [index, name] of pathParameters(route.path).entries()) {
    path = path.replace(`{${name}}`, encodeForUrl(generated.params[index] ?? ''));
  }
  const search = generated.query.map(([name, value]) => `${encodeForUrl(name)}=${encodeForUrl(value)}`).join('&');
  const url = `${origin}${apiBasePath}${path}${search ? `?${search}` : ''}`;

  const headers = new Headers({ Authorization: `Bearer ${token}` });
  if (generated.lastEventId !== undefined) headers.set('Last-Event-ID', headerValue(generated.lastEventId));
  const init: RequestInit = { method: route.method.toUpperCase(), headers };

  let bodyText: string | undefined;
  if (route.body) {
    let body = validBody(route);
    for (const change of generated.mutations) {
      const paths = pathsOf(body);
      const target = paths[change.pathIndex % paths.length] ?? [];
      body = withValueAt(body, target, change.newKey, change.value);
    }
    bodyText = JSON.stringify(body)
      .replace(new RegExp(`"${rawNumberMarker}([^"]*)"`, 'g'), '$1')
      .replace(new RegExp(`"${nestedMarker}:(arrays|objects):([0-9]+)"`, 'g'), (_match, kind: 'arrays' | 'objects', depth: string) =>
        nestedJson(kind, Number(depth)),
      );
    const bodyKey = (body as { idempotencyKey?: unknown } | null)?.idempotencyKey;
    if (generated.idempotencyKey === 'body') {
      if (typeof bodyKey === 'string') headers.set('Idempotency-Key', headerValue(bodyKey));
    } else if (generated.idempotencyKey !== 'absent') {
      headers.set('Idempotency-Key', headerValue(generated.idempotencyKey));
    }
    if (generated.envelope === 'truncated') bodyText = bodyText.slice(0, Math.max(1, Math.floor(bodyText.length / 2)));
    if (generated.envelope !== 'none') {
      headers.set('Content-Type', generated.envelope === 'text/plain' ? 'text/plain' : 'application/json');
      init.body = bodyText;
    }
  } else if (route.multipart) {
    const form = new FormData();
    form.append('file', new Blob([pngBytes], { type: headerValue(generated.upload.type) }), generated.upload.filename);
    form.append('purpose', generated.upload.purpose);
    if (generated.upload.extraField) form.append(...generated.upload.extraField);
    init.body = form;
  }
  const description = `${init.method} ${url} headers=${JSON.stringify([...headers.entries()])} body=${bodyText?.slice(0, 300) ?? '(form or none)'}`;
  return { url, init, description };
}

// ----------------------------------------------------------------------------------------------
// The property
// ----------------------------------------------------------------------------------------------

function describeFuzz(target: string, openTarget: () => Promise<{ db: Database; close: () => Promise<void> }>) {
  describe(`every route under generated input (${target})`, () => {
    let opened: { db: Database; close: () => Promise<void> } | undefined;
    let app: ReturnType<typeof createApp> | undefined;
    let closeBackend: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      opened = await openTarget();
      const backend = await backendWithWorld(opened.db, contractFixtures);
      closeBackend = () => backend.close();
      app = createApp({ backend, token });
    });
    afterAll(async () => {
      await closeBackend?.();
      await opened?.close();
    });

    it.each(apiRoutes.map((route) => [`${route.method.toUpperCase()} ${route.path}`, route] as const))(
      '%s: never a 5xx or a hang, a problem for every failure, nothing stored when refused',
      async (_name, route) => {
        const seed = Number(process.env.REACHOUT_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
        console.log(`routes.property (${target}) ${route.operationId}: seed ${seed}, ${runsPerRoute} runs`);
        const statuses = new Map<number, number>();
        await fc.assert(
          fc.asyncProperty(requestArbitrary(route), async (generated) => {
            if (!opened || !app) throw new Error('The app did not start');
            const { url, init, description } = buildRequest(route, generated);
            const before = await rowCounts(opened.db);
            const controller = new AbortController();
            let timer: ReturnType<typeof setTimeout> | undefined;
            const hang = new Promise<never>((_resolve, reject) => {
              timer = setTimeout(() => reject(new Error(`No answer within ${requestTimeoutMs} ms: ${description}`)), requestTimeoutMs);
            });
            let response: Response;
            let text: string;
            try {
              response = await Promise.race([app.request(url, { ...init, signal: controller.signal }), hang]);
              // An event stream never ends by itself: its head is the answer.
              text = response.headers.get('Content-Type')?.startsWith('text/event-stream')
                ? ''
                : await Promise.race([response.text(), hang]);
            } finally {
              clearTimeout(timer);
              controller.abort();
            }
            statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
            expect(response.status, `${description}\n→ ${text}`).toBeLessThan(500);
            if (response.status >= 400) {
              expect(response.headers.get('Content-Type'), description).toMatch(/^application\/problem\+json/);
              const problem = JSON.parse(text) as { status?: unknown; code?: unknown; detail?: unknown };
              expect(problem.status, description).toBe(response.status);
              expect(problem.code, description).toEqual(expect.any(String));
              expect(problem.detail, description).toEqual(expect.any(String));
              expect(await rowCounts(opened.db), `a refused request changed the tables: ${description}`).toEqual(before);
            }
          }),
          { numRuns: runsPerRoute, seed, endOnFailure: true },
        );
        console.log(`routes.property (${target}) ${route.operationId}: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
      },
    );
  });
}

for (const target of testDatabaseTargets()) describeFuzz(target.name, () => target.open());
