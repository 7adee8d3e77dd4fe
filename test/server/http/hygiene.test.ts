import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/src/db';
import { encodeCursor } from 'reachout/core';
import { orderSend } from '../db/helpers';
import { createDatabaseTestApp, rowCounts, testDatabaseTargets } from './databaseApp';
import { expectProblem } from './helpers';

// Issue #13 row 2: each of these inputs answered 500 over the database backend (PostgreSQL refuses
// NUL and lone surrogates; deep JSON overflowed the stack; loose cursor dates failed in SQL).

const contactId = 'contract-contact-oscar';
/** Has past tickets and a timeline: pages with a next cursor. */
const gitaId = 'contract-contact-gita';
const nul = '\u0000';
const loneSurrogate = '\ud800';

const validContact = { name: 'Nadia Hygiene', phone: '+14155550199', email: 'nadia@example.com' };

for (const target of testDatabaseTargets()) {
  describe(`hygiene at the HTTP edge (${target.name})`, () => {
    let db: Database | undefined;
    let closeDatabase: (() => Promise<void>) | undefined;
    let subject: Awaited<ReturnType<typeof createDatabaseTestApp>> | undefined;

    beforeAll(async () => {
      const opened = await target.open();
      db = opened.db;
      closeDatabase = opened.close;
    });
    afterEach(async () => {
      await subject?.close();
      subject = undefined;
    });
    afterAll(async () => {
      await closeDatabase?.();
    });

    async function open() {
      if (!db) throw new Error('The database did not open');
      subject = await createDatabaseTestApp(db);
      return subject;
    }

    /** Expects a `400 VALIDATION` naming `field`, and no row written. */
    async function expectRefused(send: () => Response | Promise<Response>, field: string) {
      if (!db) throw new Error('The database did not open');
      const before = await rowCounts(db);
      const problem = await expectProblem(await send(), 400, 'VALIDATION');
      expect(problem.fieldErrors, problem.detail).toHaveProperty([field]);
      expect(await rowCounts(db)).toEqual(before);
      return problem;
    }

    describe('NUL characters', () => {
      it.each([
        ['name', { ...validContact, name: `Na${nul}dia` }],
        ['email', { ...validContact, email: `nadia${nul}@example.com` }],
        ['avatarUrl', { ...validContact, avatarUrl: `https://example.com/${nul}.png` }],
      ])('refuses a contact with NUL in its %s as 400 naming the field', async (field, body) => {
        const { postJson } = await open();
        const problem = await expectRefused(() => postJson('/api/v1/contacts', body), field);
        expect(problem.fieldErrors?.[field]).toMatch(/NUL/);
      });

      it.each([
        ['ticket.description', (input: ReturnType<typeof orderSend>) => ({ ...input, ticket: { ...input.ticket, description: `Hi${nul}` } })],
        ['parameters.body.2', (input: ReturnType<typeof orderSend>) => ({ ...input, parameters: { body: { ...input.parameters.body, '2': `#4${nul}2` } } })],
        ['contactId', (input: ReturnType<typeof orderSend>) => ({ ...input, contactId: `${contactId}${nul}` })],
        ['senderId', (input: ReturnType<typeof orderSend>) => ({ ...input, senderId: `x${nul}` })],
        ['ticket.assigneeId', (input: ReturnType<typeof orderSend>) => ({ ...input, ticket: { ...input.ticket, assigneeId: `x${nul}` } })],
      ])('refuses a send with NUL in %s as 400 naming the field', async (field, tamper) => {
        const { postJson } = await open();
        const input = tamper(orderSend(contactId, `hygiene-nul-${field}`));
        await expectRefused(
          () => postJson('/api/v1/notifications', input, { 'Idempotency-Key': input.idempotencyKey }),
          field,
        );
      });

      it('refuses NUL in an object key, naming the key with the NUL escaped', async () => {
        const { postJson } = await open();
        const input = orderSend(contactId, 'hygiene-nul-key');
        const tampered = { ...input, parameters: { body: { ...input.parameters.body, [`3${nul}`]: 'x' } } };
        await expectRefused(
          () => postJson('/api/v1/notifications', tampered, { 'Idempotency-Key': input.idempotencyKey }),
          'parameters.body.3\\u0000',
        );
      });

      it('refuses NUL in a path id as 400 naming the parameter', async () => {
        const { request } = await open();
        for (const path of [
          `/api/v1/contacts/${contactId}%00`,
          `/api/v1/contacts/${contactId}%00/tickets`,
          '/api/v1/tickets/x%00',
          '/api/v1/senders/x%00/templates',
        ]) {
          await expectRefused(() => request(path), 'id');
        }
      });

      it('refuses NUL in the simulated reply text', async () => {
        const { postJson } = await open();
        await expectRefused(() => postJson(`/api/v1/simulator/contacts/${contactId}/reply`, { text: `ok${nul}` }), 'text');
      });

      it('refuses NUL in a query value', async () => {
        const { request } = await open();
        await expectRefused(() => request('/api/v1/agents?search=gr%00ace'), 'search');
      });

      it('refuses a cursor whose position holds NUL as an unknown cursor', async () => {
        const { request } = await open();
        const cursor = encodeCursor('contacts', [`oscar${nul}`, `Oscar${nul}`, `${contactId}${nul}`]);
        await expectRefused(() => request(`/api/v1/contacts?cursor=${cursor}`), 'cursor');
      });

      it('refuses an upload whose filename holds NUL, and stores nothing', async () => {
        const { request } = await open();
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
        const form = new FormData();
        form.append('file', new Blob([png], { type: 'image/png' }), `photo${nul}.png`);
        form.append('purpose', 'avatar');
        await expectRefused(() => request('/api/v1/media', { method: 'POST', body: form }), 'file');
      });
    });

    describe('lone surrogates', () => {
      it('refuses a lone surrogate in a contact name (sent as a JSON escape) as 400 naming the field', async () => {
        const { postJsonText } = await open();
        const text = JSON.stringify({ ...validContact, name: `Na${loneSurrogate}dia` });
        expect(text).toContain('\\ud800');
        const problem = await expectRefused(() => postJsonText('/api/v1/contacts', text), 'name');
        expect(problem.fieldErrors?.name).toMatch(/surrogate/);
      });

      it('refuses a lone surrogate in a send description and in a path id', async () => {
        const { postJsonText, request } = await open();
        const input = orderSend(contactId, 'hygiene-surrogate');
        const text = JSON.stringify({ ...input, ticket: { ...input.ticket, description: `a${'\udc00'}b` } });
        await expectRefused(
          () => postJsonText('/api/v1/notifications', text, { 'Idempotency-Key': input.idempotencyKey }),
          'ticket.description',
        );
        // %ED%A0%80 is a surrogate in UTF-8: not decodable, so the id is taken as typed and not found.
        await expectProblem(await request('/api/v1/contacts/%ED%A0%80'), 404, 'NOT_FOUND');
      });

      it('accepts a well-formed pair (an emoji) in the same field', async () => {
        const { postJson } = await open();
        const response = await postJson('/api/v1/contacts', { ...validContact, name: 'Nadia 🎉' });
        expect(response.status).toBe(201);
      });
    });

    describe('deeply nested JSON', () => {
      function nested(depth: number): string {
        return `${'['.repeat(depth)}${']'.repeat(depth)}`;
      }

      it('refuses a send nested 5,000 deep as 400 before anything recursive runs, and stores nothing', async () => {
        const { postJsonText } = await open();
        const input = orderSend(contactId, 'hygiene-deep-0001');
        const text = JSON.stringify({ ...input, message: { ...input.message, extra: 0 } }).replace('"extra":0', `"extra":${nested(5000)}`);
        const problem = await expectRefused(
          () => postJsonText('/api/v1/notifications', text, { 'Idempotency-Key': input.idempotencyKey }),
          'body',
        );
        expect(problem.detail).toMatch(/32/);
      });

      it('accepts a body exactly 32 levels deep and refuses 33', async () => {
        const { postJsonText } = await open();
        // The contact object is level 1; `extra` adds arrays below it (unknown keys are dropped).
        const body = (depth: number) =>
          JSON.stringify({ ...validContact, extra: 0 }).replace('"extra":0', `"extra":${nested(depth - 1)}`);
        expect((await postJsonText('/api/v1/contacts', body(32))).status).toBe(201);
        await expectRefused(() => postJsonText('/api/v1/contacts', body(33)), 'body');
      });
    });

    describe('cursor dates', () => {
      it.each(['0', '12', '+275760-09-13T00:00:00.000Z', '2026-02-30T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2026-01-01'])(
        'refuses a tickets cursor dated %j as an unknown cursor',
        async (time) => {
          const { request } = await open();
          const cursor = encodeCursor('tickets', [time, 'contract-ticket-1']);
          const problem = await expectRefused(() => request(`/api/v1/contacts/${gitaId}/tickets?cursor=${cursor}`), 'cursor');
          expect(problem.fieldErrors?.cursor).toMatch(/Unknown cursor/);
        },
      );

      it('still follows a cursor the server made itself', async () => {
        const { request } = await open();
        const first = (await (await request(`/api/v1/contacts/${gitaId}/timeline?limit=1`)).json()) as { nextCursor: string };
        expect(first.nextCursor).toEqual(expect.any(String));
        expect((await request(`/api/v1/contacts/${gitaId}/timeline?limit=1&cursor=${first.nextCursor}`)).status).toBe(200);
      });
    });

    describe('limit', () => {
      it.each(['0x10', '1e1', '%205', '5%20', '5.0', '+5', '05', '-0'])('refuses limit=%s as 400 naming limit', async (limit) => {
        const { request } = await open();
        await expectRefused(() => request(`/api/v1/contacts?limit=${limit}`), 'limit');
      });

      it('accepts 1 and 100', async () => {
        const { request } = await open();
        for (const limit of ['1', '100']) expect((await request(`/api/v1/contacts?limit=${limit}`)).status).toBe(200);
      });
    });

    describe('ids that cannot exist', () => {
      it('answers 404 for a path id longer than any id, without asking the database', async () => {
        const { request } = await open();
        await expectProblem(await request(`/api/v1/contacts/${'x'.repeat(5000)}`), 404, 'NOT_FOUND');
        await expectProblem(await request(`/api/v1/tickets/${'x'.repeat(5000)}`), 404, 'NOT_FOUND');
      });

      it('refuses a send whose contactId is longer than any id as 400 naming it', async () => {
        const { postJson } = await open();
        const input = { ...orderSend(contactId, 'hygiene-long-id'), contactId: 'x'.repeat(5000) };
        await expectRefused(() => postJson('/api/v1/notifications', input, { 'Idempotency-Key': input.idempotencyKey }), 'contactId');
      });
    });
  });
}
