import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useReplyWindow } from '../../../src/components/chats-tab';
import { msUntilReplyWindowChange } from '../../../src/components/chats-tab/useReplyWindow';
import { REPLY_WINDOW_MS } from '../../../src/core';

const start = Date.parse('2026-03-10T10:00:00.000Z');
const iso = (time: number) => new Date(time).toISOString();

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  vi.setSystemTime(start);
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('msUntilReplyWindowChange', () => {
  it('waits for the next whole minute of what remains, or the next second in the last minute', () => {
    expect(msUntilReplyWindowChange(REPLY_WINDOW_MS)).toBe(60_000);
    expect(msUntilReplyWindowChange(REPLY_WINDOW_MS - 10_000)).toBe(50_000);
    expect(msUntilReplyWindowChange(61_000)).toBe(1_000);
    expect(msUntilReplyWindowChange(60_000)).toBe(1_000);
    expect(msUntilReplyWindowChange(2_500)).toBe(500);
  });
});

describe('useReplyWindow', () => {
  it('is closed with no closing time, and sets no timer, while the customer has not written', () => {
    const { result } = renderHook(() => useReplyWindow({ lastInboundAt: null }));
    expect(result.current).toEqual({ state: 'closed', closedAt: null });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is open for 24 hours after the last inbound message and re-renders on the next minute', () => {
    const { result } = renderHook(() => useReplyWindow({ lastInboundAt: iso(start - 10_000) }));
    expect(result.current).toEqual({
      state: 'open',
      closesAt: new Date(start - 10_000 + REPLY_WINDOW_MS),
      remainingMs: REPLY_WINDOW_MS - 10_000,
    });
    expect(vi.getTimerCount()).toBe(1);
    act(() => vi.advanceTimersByTime(49_999));
    expect(result.current.state === 'open' && result.current.remainingMs).toBe(REPLY_WINDOW_MS - 10_000);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current.state === 'open' && result.current.remainingMs).toBe(REPLY_WINDOW_MS - 60_000);
  });

  it('counts the last minute in seconds and closes exactly at the closing time, then stops', () => {
    const closesAt = start + 2_500;
    const { result } = renderHook(() => useReplyWindow({ lastInboundAt: iso(closesAt - REPLY_WINDOW_MS) }));
    expect(result.current.state === 'open' && result.current.remainingMs).toBe(2_500);
    act(() => vi.advanceTimersByTime(500));
    expect(result.current.state === 'open' && result.current.remainingMs).toBe(2_000);
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current.state === 'open' && result.current.remainingMs).toBe(1_000);
    act(() => vi.advanceTimersByTime(1_000));
    expect(result.current).toEqual({ state: 'closed', closedAt: new Date(closesAt) });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('opens again when a new inbound message arrives', () => {
    const { result, rerender } = renderHook(({ lastInboundAt }) => useReplyWindow({ lastInboundAt }), {
      initialProps: { lastInboundAt: null as string | null },
    });
    expect(result.current.state).toBe('closed');
    rerender({ lastInboundAt: iso(start) });
    expect(result.current.state).toBe('open');
    expect(vi.getTimerCount()).toBe(1);
  });

  it('reads the host’s clock when given one', () => {
    const now = () => new Date(start + REPLY_WINDOW_MS);
    const { result } = renderHook(() => useReplyWindow({ lastInboundAt: iso(start) }, { now }));
    expect(result.current).toEqual({ state: 'closed', closedAt: new Date(start + REPLY_WINDOW_MS) });
  });
});
