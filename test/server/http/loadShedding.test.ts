import { contractFixtures } from 'reachout/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/src/http/app';
import { createMemoryBackend } from '../memoryBackend';
import { expectProblem, origin, token } from './helpers';

/** A memory backend whose listContacts waits until `release()`. */
function backendWithHeldListContacts() {
  const backend = createMemoryBackend({ provider: contractFixtures });
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const listContacts = backend.provider.listContacts.bind(backend.provider);
  backend.provider.listContacts = async (params, context) => {
    await held;
    return listContacts(params, context);
  };
  return { backend, release };
}

describe('load shedding', () => {
  it('answers 503 RATE_LIMITED with Retry-After past the requests in progress it allows, keeps /healthz answering, and takes requests again once they finish', async () => {
    const { backend, release } = backendWithHeldListContacts();
    const app = createApp({ backend, token, maxRequestsInProgress: 3 });
    const get = (path: string) => app.request(`${origin}${path}`, { headers: { Authorization: `Bearer ${token}` } });

    const inProgress = [get('/api/v1/contacts'), get('/api/v1/contacts'), get('/api/v1/contacts')];
    const shed = await get('/api/v1/senders');
    const healthz = await get('/healthz');

    const problem = await expectProblem(shed, 503, 'RATE_LIMITED');
    expect(shed.headers.get('Retry-After')).toBe('1');
    expect(problem).toMatchObject({ retryAfterMs: 1000, title: 'Service Unavailable' });
    expect(problem.detail).toContain('The server is busy (3 requests in progress)');
    expect(healthz.status).toBe(200);

    release();
    expect((await Promise.all(inProgress)).map((response) => response.status)).toEqual([200, 200, 200]);
    expect((await get('/api/v1/senders')).status).toBe(200);
  });

  it('counts a request that failed as finished', async () => {
    const backend = createMemoryBackend({ provider: contractFixtures });
    const app = createApp({ backend, token, maxRequestsInProgress: 1 });
    const get = (path: string) => app.request(`${origin}${path}`, { headers: { Authorization: `Bearer ${token}` } });

    expect((await get('/api/v1/contacts/nobody')).status).toBe(404);
    expect((await get('/api/v1/contacts?limit=nope')).status).toBe(400);
    expect((await get('/api/v1/senders')).status).toBe(200);
  });
});
