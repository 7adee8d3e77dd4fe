import { contractFixtures } from 'reachout/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/src/http/app';
import { createMemoryBackend } from '../memoryBackend';
import { expectProblem, origin, token } from './helpers';

describe('GET /readyz', () => {
  it('answers 200 ready while the server can take work, and 503 with the reason and Retry-After when it cannot, without a token', async () => {
    let reason: string | null = null;
    const app = createApp({ backend: createMemoryBackend({ provider: contractFixtures }), token, unreadiness: async () => reason });

    const ready = await app.request(`${origin}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });

    reason = 'The database is not reachable: connection refused';
    const notReady = await app.request(`${origin}/readyz`);
    expect(notReady.headers.get('Retry-After')).toBe('1');
    const problem = await expectProblem(notReady, 503, 'UNKNOWN');
    expect(problem.detail).toBe('Not ready: The database is not reachable: connection refused');
    // Liveness is another question: the process is up.
    expect((await app.request(`${origin}/healthz`)).status).toBe(200);
  });

  it('is never shed as busy: a probe sees why the server is not ready, not that it is busy', async () => {
    const backend = createMemoryBackend({ provider: contractFixtures });
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const listContacts = backend.provider.listContacts.bind(backend.provider);
    backend.provider.listContacts = async (params, context) => {
      await held;
      return listContacts(params, context);
    };
    const app = createApp({ backend, token, maxRequestsInProgress: 1, unreadiness: async () => null });
    const inProgress = app.request(`${origin}/api/v1/contacts`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await app.request(`${origin}/readyz`)).status).toBe(200);
    release();
    await inProgress;
  });
});
