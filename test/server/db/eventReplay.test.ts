import { afterEach, expect, it } from 'vitest';
import { contractFixtures } from 'reachout/testing';
import { createDatabaseBackend, type DatabaseBackend, resetDatabase } from '../../../server/src/db';
import { createApp } from '../../../server/src/http/app';
import { eventsAfter } from '../eventReplay';
import { backendWithWorld, describeOnEachDatabase, eventually, idleSimulatorDelayMs } from './helpers';

const dayMs = 24 * 60 * 60 * 1000;

const backends: DatabaseBackend[] = [];
afterEach(async () => {
  await Promise.all(backends.splice(0).map((backend) => backend.close()));
});

describeOnEachDatabase('event replay and retention', (database) => {
  /** A backend over the contract world whose clock the test moves. */
  async function setup(options: Parameters<typeof backendWithWorld>[2] = {}) {
    const clock = { now: new Date('2026-03-01T12:00:00.000Z') };
    const backend = await backendWithWorld(database(), structuredClone(contractFixtures), { now: () => clock.now, ...options });
    backends.push(backend);
    let contactNumber = 0;
    /** Creates a contact: two events (contact.created, timeline.added). */
    const change = () => {
      contactNumber += 1;
      return backend.provider.createContact({
        input: { name: `Replay Contact ${contactNumber}`, phone: `+1415555${String(1000 + contactNumber).padStart(4, '0')}` },
      });
    };
    const newestId = async () => (await eventsAfter(backend, '0')).at(-1)?.id ?? '0';
    return { backend, clock, change, newestId };
  }

  it('replays every event after the id when they are at most the limit', async () => {
    const { backend, change } = await setup();
    await change();
    await change();

    const replay = await backend.events.since('1', { limit: 3 });

    expect(replay.kind).toBe('events');
    expect(replay.kind === 'events' && replay.events.map((stored) => stored.id)).toEqual(['2', '3', '4']);
  });

  it('answers reset with the newest id instead of replaying more than the limit', async () => {
    const { backend, change } = await setup();
    await change();
    await change();

    expect(await backend.events.since('0', { limit: 3 })).toEqual({ kind: 'reset', lastEventId: '4' });
    expect(await backend.events.since('4', { limit: 3 })).toEqual({ kind: 'events', events: [] });
  });

  it('names the newest id for a replay of nothing from the start (how the stream learns it), and has none when empty', async () => {
    const { backend, change } = await setup();
    expect(await backend.events.since('0', { limit: 0 })).toEqual({ kind: 'events', events: [] });
    await change();

    expect(await backend.events.since('0', { limit: 0 })).toEqual({ kind: 'reset', lastEventId: '2' });
  });

  it.each([
    ['16 digits', '1234567890123456'],
    ['30 digits', '123456789012345678901234567890'],
    ['just above the newest', '3'],
  ])('answers reset for an id this database never issued (%s)', async (_case, lastEventId) => {
    const { backend, change } = await setup();
    await change();

    expect(await backend.events.since(lastEventId, { limit: 1000 })).toEqual({ kind: 'reset', lastEventId: '2' });
  });

  it('answers reset for an id from before the database was reset, then replays from the new ids', async () => {
    const first = await setup();
    for (let round = 0; round < 3; round += 1) await first.change();
    const idBeforeReset = await first.newestId();
    await first.backend.close();
    await resetDatabase(database());
    const second = await setup();
    await second.change();

    expect(await second.backend.events.since(idBeforeReset, { limit: 1000 })).toEqual({ kind: 'reset', lastEventId: '2' });
    expect((await eventsAfter(second.backend, '0')).map((stored) => stored.event.type)).toEqual(['contact.created', 'timeline.added']);
  });

  it('answers an unknown Last-Event-ID over HTTP with reset and goes on live', async () => {
    const { backend, change } = await setup();
    await change();
    const app = createApp({ backend, token: 'event-replay-token-0123' });
    const controller = new AbortController();
    const response = await app.request('/api/v1/events', {
      headers: { Authorization: 'Bearer event-replay-token-0123', 'Last-Event-ID': '123456789012345678901234567890' },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    let text = '';
    /** Each complete block with data: its id, event and data, in order. */
    const blocks = () =>
      text
        .split('\n\n')
        .slice(0, -1)
        .filter((block) => block.includes('data:'))
        .map((block) => Object.fromEntries(block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)])));
    const readBlocks = async (count: number) => {
      while (blocks().length < count) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`The stream ended after ${JSON.stringify(text)}`);
        text += new TextDecoder().decode(value);
      }
      return blocks();
    };

    expect(await readBlocks(1)).toEqual([{ id: '2', event: 'reset', data: '{"type":"reset"}' }]);
    await change();
    expect((await readBlocks(3)).map((block) => [block.id, block.event])).toEqual([
      ['2', 'reset'],
      ['3', 'contact.created'],
      ['4', 'timeline.added'],
    ]);
    controller.abort();
    await reader.cancel().catch(() => undefined);
  });

  it('prunes the events older than the retention but keeps the newest one, and answers reset for a replay from before them', async () => {
    const { backend, clock, change } = await setup({ eventRetentionMs: 7 * dayMs });
    await change();
    clock.now = new Date(clock.now.getTime() + 6 * dayMs);
    await change();
    clock.now = new Date(clock.now.getTime() + 2 * dayMs);

    expect(await backend.pruneEvents()).toBe(2);
    expect((await eventsAfter(backend, '2')).map((stored) => stored.id)).toEqual(['3', '4']);
    expect(await backend.events.since('0', { limit: 1000 })).toEqual({ kind: 'reset', lastEventId: '4' });

    clock.now = new Date(clock.now.getTime() + 30 * dayMs);
    expect(await backend.pruneEvents()).toBe(1);
    // The newest event stays, so a client that saw it resumes without a reset.
    expect(await backend.events.since('4', { limit: 1000 })).toEqual({ kind: 'events', events: [] });
    expect(await backend.events.since('2', { limit: 1000 })).toEqual({ kind: 'reset', lastEventId: '4' });
  });

  it('prunes old events again on its timer while it runs', async () => {
    const { backend, clock, change } = await setup({ eventRetentionMs: 7 * dayMs, eventPruneIntervalMs: 20 });
    await change();
    await change();
    expect((await eventsAfter(backend, '0')).map((stored) => stored.id)).toEqual(['1', '2', '3', '4']);

    clock.now = new Date(clock.now.getTime() + 8 * dayMs);

    await eventually(async () => (await backend.events.since('0', { limit: 1000 })).kind === 'reset', 'the old events are pruned');
    expect(await backend.events.since('4', { limit: 1000 })).toEqual({ kind: 'events', events: [] });
  });

  it('prunes old events when it starts, without being asked', async () => {
    const { change } = await setup();
    await change();
    await change();

    // A restart a month later, over the same data.
    const restarted = createDatabaseBackend(database(), {
      keepDatabaseOpen: true,
      simulatorDelayMs: idleSimulatorDelayMs,
      now: () => new Date('2026-04-01T12:00:00.000Z'),
    });
    backends.push(restarted);

    await eventually(async () => (await restarted.events.since('0', { limit: 1000 })).kind === 'reset', 'the old events are pruned');
    expect((await eventsAfter(restarted, '3')).map((stored) => stored.id)).toEqual(['4']);
  });
});
