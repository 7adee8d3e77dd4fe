import { afterAll, describe, it } from 'vitest';
import { createMemoryProvider, describeProviderContract } from '../../src/testing';

describeProviderContract('createMemoryProvider', {
  test: { describe, it, afterAll },
  createProvider: (world) => {
    const provider = createMemoryProvider(world);
    return {
      provider,
      completeVerification: (ticketId, result) => {
        provider.control.completeVerification(ticketId, result);
      },
      advanceCampaigns: () => {
        provider.control.advanceCampaigns();
      },
      failMessage: (messageId, reason) => {
        provider.control.setMessageStatus(messageId, 'failed', reason);
      },
      dispose: () => provider.control.dispose(),
    };
  },
});

describeProviderContract('createMemoryProvider with latency', {
  test: { describe, it, afterAll },
  createProvider: (world) => {
    // Campaigns move on their own here, as on a server's queue.
    const provider = createMemoryProvider({ ...world, latencyMs: { min: 0, max: 3 }, seed: 7, campaignStepMs: 20 });
    return { provider, dispose: () => provider.control.dispose() };
  },
});
