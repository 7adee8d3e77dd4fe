import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createRestProvider } from 'reachout/rest';
import type { ContractSubject } from 'reachout/testing';
import type { ReachoutBackend } from '../../../server/src/backend';
import { createApp } from '../../../server/src/http/app';

const token = 'rest-contract-token-0123456789';

/**
 * The contract subject a host gets over HTTP: `backend` behind the reference server's app on a
 * real socket, reached through `createRestProvider` with a bearer token.
 */
export async function serveOverHttp(
  backend: ReachoutBackend,
  closeBackend: () => Promise<void>,
  hooks: Pick<ContractSubject, 'advanceCampaigns' | 'failMessage'> = {},
): Promise<ContractSubject> {
  const app = createApp({ backend, token });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => {
    if (server.listening) resolve();
    else server.once('listening', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const provider = createRestProvider({
    baseUrl: `http://127.0.0.1:${port}/api/v1`,
    headers: async () => ({ Authorization: `Bearer ${token}` }),
    reconnect: { initialDelayMs: 50, maxDelayMs: 200 },
  });
  return {
    provider,
    completeVerification: async (ticketId, result) => {
      if (!backend.simulator) throw new Error('The backend has no simulator');
      await backend.simulator.completeVerification(ticketId, result);
    },
    ...hooks,
    dispose: async () => {
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeBackend();
    },
  };
}
