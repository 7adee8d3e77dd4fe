import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MessageTemplate } from 'reachout/core';
import { fixtures } from 'reachout/testing';
import { createTemplateCache, type TemplateCache } from '../../../server/src/whatsapp/templateCache';

// The fixture arrays, from `fixtures` (reachout/testing exports no bare arrays).
const { templates: fixtureTemplates } = fixtures;

const [first, second] = fixtureTemplates as [MessageTemplate, MessageTemplate];

/** A cache over a fake Meta whose answer and clock the test sets; `reads` counts the loads. */
function setup(maxAgeMs = 60_000) {
  let clock = 0;
  let answer: MessageTemplate[] = [first];
  let pending: Array<() => void> | null = null;
  const state = { reads: 0 };
  const cache: TemplateCache = createTemplateCache({
    maxAgeMs,
    now: () => clock,
    load: () => {
      state.reads += 1;
      // Meta answers what it had when asked, however late the answer arrives.
      const snapshot = answer;
      if (pending) return new Promise((resolve) => pending?.push(() => resolve(snapshot)));
      return Promise.resolve(snapshot);
    },
  });
  caches.push(cache);
  return {
    cache,
    state,
    advance: (ms: number) => (clock += ms),
    answer: (templates: MessageTemplate[]) => (answer = templates),
    /** Loads wait until `release` from now on. */
    hold: () => (pending = []),
    release: () => {
      const waiting = pending ?? [];
      pending = null;
      for (const resolve of waiting) resolve();
    },
  };
}

const caches: TemplateCache[] = [];
afterEach(() => {
  for (const cache of caches.splice(0)) cache.close();
  vi.useRealTimers();
});

describe('createTemplateCache', () => {
  it('reuses its copy while it is younger than maxAgeMs, and reads again once it is not', async () => {
    const { cache, state, advance, answer } = setup();
    expect(await cache.list()).toEqual([first]);
    answer([first, second]);
    advance(59_999);
    expect(await cache.list()).toEqual([first]);
    expect(await cache.find(first.id)).toEqual(first);
    expect(state.reads).toBe(1);
    advance(1);
    expect(await cache.list()).toEqual([first, second]);
    expect(state.reads).toBe(2);
  });

  it('reads again after invalidate, and does not keep a read that started before it', async () => {
    const { cache, state, answer, hold, release } = setup();
    await cache.list();
    cache.invalidate();
    hold();
    const started = cache.list();
    // The template changes at Meta and its webhook arrives while that read is on its way.
    answer([second]);
    cache.invalidate();
    release();
    expect(await started).toEqual([first]);
    expect(await cache.list()).toEqual([second]);
    expect(state.reads).toBe(3);
  });

  it('looks for a template its fresh copy lacks in one new read, then answers undefined', async () => {
    const { cache, state, answer } = setup();
    await cache.list();
    answer([first, second]);
    expect(await cache.find(second.id)).toEqual(second);
    expect(state.reads).toBe(2);
    expect(await cache.find('no-such-template')).toBeUndefined();
    expect(state.reads).toBe(3);
  });

  it('shares one read among concurrent callers, and one caller giving up does not fail the others', async () => {
    const { cache, state, hold, release } = setup();
    hold();
    const controller = new AbortController();
    const givingUp = cache.list(controller.signal);
    const waiting = cache.list();
    controller.abort();
    await expect(givingUp).rejects.toMatchObject({ name: 'AbortError' });
    release();
    expect(await waiting).toEqual([first]);
    expect(state.reads).toBe(1);
  });

  it('refreshes its copy in the background every maxAgeMs, so a send after that does not wait for Meta', async () => {
    vi.useFakeTimers();
    const { cache, state, advance, answer } = setup(300_000);
    await cache.list();
    answer([first, second]);
    advance(300_000);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(state.reads).toBe(2);
    expect(await cache.list()).toEqual([first, second]);
    expect(state.reads).toBe(2);
  });

  it('reads every time with maxAgeMs 0, and schedules no refresh', async () => {
    vi.useFakeTimers();
    const { cache, state } = setup(0);
    await cache.list();
    await cache.list();
    expect(state.reads).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
