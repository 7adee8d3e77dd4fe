import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReachoutError } from 'reachout/core';
import { contactNamed, createTestApp, expectProblem, origin, token } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('authentication', () => {
  it('answers 401 UNAUTHORIZED with WWW-Authenticate without a token', async () => {
    const { app } = createTestApp();
    const response = await app.request(`${origin}/api/v1/contacts`);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
    const problem = await expectProblem(response, 401, 'UNAUTHORIZED');
    expect(problem.detail).toContain('Authorization: Bearer');
  });

  it('answers 401 for a wrong token, one of another length, and another scheme', async () => {
    const { request } = createTestApp();
    for (const authorization of [`Bearer ${token.replace(/.$/, 'x')}`, 'Bearer short', `Basic ${token}`]) {
      const response = await request('/api/v1/senders', { headers: { Authorization: authorization } });
      expect(response.headers.get('WWW-Authenticate')).toMatch(/^Bearer/);
      await expectProblem(response, 401, 'UNAUTHORIZED');
    }
  });

  it('accepts the token with any case of the scheme name', async () => {
    const { request } = createTestApp();
    const response = await request('/api/v1/senders', { headers: { Authorization: `bearer ${token}` } });
    expect(response.status).toBe(200);
  });

  it('guards the API before looking at the route or the body', async () => {
    const { app } = createTestApp();
    const response = await app.request(`${origin}/api/v1/contacts`, { method: 'POST', body: '{not json' });
    await expectProblem(response, 401, 'UNAUTHORIZED');
  });
});

describe('request validation', () => {
  it('answers 400 VALIDATION for malformed JSON', async () => {
    const { request } = createTestApp();
    const response = await request('/api/v1/contacts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"name": "Ana",',
    });
    const problem = await expectProblem(response, 400, 'VALIDATION');
    expect(problem.detail).toMatch(/not valid JSON/);
  });

  it('answers 415 VALIDATION for a body that is not JSON', async () => {
    const { request } = createTestApp();
    const response = await request('/api/v1/contacts', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'name=Ana',
    });
    const problem = await expectProblem(response, 415, 'VALIDATION');
    expect(problem.detail).toContain('application/json');
    expect(problem.title).toBe('Unsupported Media Type');
  });

  it('answers 413 VALIDATION for a JSON body over the limit', async () => {
    const { postJson } = createTestApp({ maxJsonBytes: 1024 });
    const response = await postJson('/api/v1/contacts', { name: 'A'.repeat(2000), phone: '+14155550100' });
    await expectProblem(response, 413, 'VALIDATION');
  });

  it('accepts a JSON body just under the limit', async () => {
    const { postJson } = createTestApp({ maxJsonBytes: 1024 });
    const response = await postJson('/api/v1/contacts', { name: 'A'.repeat(100), phone: '+14155550100' });
    expect(response.status).toBe(201);
  });

  it('answers 400 VALIDATION with fieldErrors.limit for a limit over 100, under 1 or not a number', async () => {
    const { request } = createTestApp();
    for (const limit of ['101', '0', 'ten', '2.5']) {
      const problem = await expectProblem(await request(`/api/v1/contacts?limit=${limit}`), 400, 'VALIDATION');
      expect(Object.keys(problem.fieldErrors ?? {})).toEqual(['limit']);
    }
    expect((await request('/api/v1/contacts?limit=100')).status).toBe(200);
  });

  it("answers 400 VALIDATION with fieldErrors.cursor for an unknown cursor (the provider's error)", async () => {
    const { request } = createTestApp();
    const gita = contactNamed('Gita Rao');
    for (const path of ['/api/v1/contacts?cursor=bogus', `/api/v1/contacts/${gita.id}/tickets?cursor=bogus`]) {
      const problem = await expectProblem(await request(path), 400, 'VALIDATION');
      expect(problem.fieldErrors).toHaveProperty('cursor');
    }
  });

  it('answers 404 NOT_FOUND problem for an unknown route, inside and outside the API', async () => {
    const { app, request } = createTestApp();
    const inside = await expectProblem(await request('/api/v1/nothing-here'), 404, 'NOT_FOUND');
    expect(inside.detail).toContain('/api/v1/nothing-here');
    await expectProblem(await app.request(`${origin}/elsewhere`), 404, 'NOT_FOUND');
  });
});

describe('backend failures', () => {
  it('maps each ReachoutError code to its status', async () => {
    const cases = [
      ['FORBIDDEN', 403],
      ['INVALID_NUMBER', 422],
      ['OUTSIDE_WINDOW', 409],
      ['NETWORK', 502],
    ] as const;
    for (const [code, status] of cases) {
      const { backend, request } = createTestApp();
      backend.memory.control.failNext('listSenders', new ReachoutError(code, `Failed with ${code}`));
      const problem = await expectProblem(await request('/api/v1/senders'), status, code);
      expect(problem.detail).toBe(`Failed with ${code}`);
    }
  });

  it('answers 429 with retryAfterMs and a Retry-After header in seconds', async () => {
    const { backend, request } = createTestApp();
    backend.memory.control.failNext(
      'listSenders',
      new ReachoutError('RATE_LIMITED', 'Too many sends', { retryAfterMs: 2500 }),
    );
    const response = await request('/api/v1/senders');
    expect(response.headers.get('Retry-After')).toBe('3');
    const problem = await expectProblem(response, 429, 'RATE_LIMITED');
    expect(problem.retryAfterMs).toBe(2500);
  });

  it('answers 500 UNKNOWN for an unexpected error without leaking it, and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { backend, request } = createTestApp();
    backend.memory.control.failNext('listContacts', new Error('connection to db.internal:5432 refused'));
    const problem = await expectProblem(await request('/api/v1/contacts'), 500, 'UNKNOWN');
    expect(JSON.stringify(problem)).not.toContain('db.internal');
    expect(log).toHaveBeenCalled();
    expect(String(log.mock.calls.flat().map((value) => (value instanceof Error ? value.message : value)))).toContain(
      'db.internal',
    );
  });
});
