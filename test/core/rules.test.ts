import { describe, expect, it } from 'vitest';
import { isChatActive, REPLY_WINDOW_MS, replyWindow } from '../../src/core/rules';

describe('isChatActive', () => {
  it('is true for open, assigned and queued chats only', () => {
    expect(['open', 'assigned', 'queued', 'resolved', 'closed'].filter((status) =>
      isChatActive({ status: status as 'open' }),
    )).toEqual(['open', 'assigned', 'queued']);
  });
});

describe('replyWindow', () => {
  const now = new Date('2026-11-25T12:00:00.000Z');

  it('is closed and never opened until the customer writes', () => {
    expect(replyWindow({ lastInboundAt: null }, now)).toEqual({ state: 'closed', closedAt: null });
  });

  it('is open for 24 hours after the last inbound message', () => {
    const lastInboundAt = new Date(now.getTime() - 60_000).toISOString();
    expect(replyWindow({ lastInboundAt }, now)).toEqual({
      state: 'open',
      closesAt: new Date(now.getTime() - 60_000 + REPLY_WINDOW_MS),
      remainingMs: REPLY_WINDOW_MS - 60_000,
    });
  });

  it('closes exactly at 24 hours', () => {
    const lastInboundAt = new Date(now.getTime() - REPLY_WINDOW_MS).toISOString();
    expect(replyWindow({ lastInboundAt }, now)).toEqual({ state: 'closed', closedAt: now });
    const justBefore = new Date(now.getTime() - REPLY_WINDOW_MS + 1).toISOString();
    expect(replyWindow({ lastInboundAt: justBefore }, now)).toMatchObject({ state: 'open', remainingMs: 1 });
  });

  it('treats an unparsable timestamp as never opened', () => {
    expect(replyWindow({ lastInboundAt: 'yesterday' }, now)).toEqual({ state: 'closed', closedAt: null });
  });
});
