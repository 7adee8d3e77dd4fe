import { describe, expect, it } from 'vitest';
import { defaultSendRate, sendRateFromEnvironment } from '../../../server/src/jobs/campaignSend';

describe('REACHOUT_SEND_RATE', () => {
  it('is 80 when unset or empty, and the number given otherwise', () => {
    expect(sendRateFromEnvironment({})).toBe(defaultSendRate);
    expect(sendRateFromEnvironment({ REACHOUT_SEND_RATE: ' ' })).toBe(80);
    expect(sendRateFromEnvironment({ REACHOUT_SEND_RATE: '100' })).toBe(100);
    expect(sendRateFromEnvironment({ REACHOUT_SEND_RATE: '0.5' })).toBe(0.5);
  });

  it('refuses anything else, naming the variable', () => {
    for (const value of ['0', '-5', 'fast', '1e3', '1001', '0x10']) {
      expect(() => sendRateFromEnvironment({ REACHOUT_SEND_RATE: value })).toThrow(
        `REACHOUT_SEND_RATE must be a number of messages a second above 0 and at most 1000, got "${value}".`,
      );
    }
  });
});
