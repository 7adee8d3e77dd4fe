import { afterAll, describe, it } from 'vitest';
import { describeProviderContract } from 'reachout/testing';
import { createMemoryBackend } from '../memoryBackend';
import { serveOverHttp } from './serveOverHttp';

describeProviderContract('createRestProvider + reference server (memory backend)', {
  test: { describe, it, afterAll },
  createProvider: (world) => {
    const backend = createMemoryBackend({ provider: world });
    return serveOverHttp(backend, () => backend.close(), {
      advanceCampaigns: () => {
        backend.memory.control.advanceCampaigns();
      },
      failMessage: (messageId, reason) => {
        backend.memory.control.setMessageStatus(messageId, 'failed', reason);
      },
    });
  },
});
