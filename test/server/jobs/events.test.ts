import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { ReachoutEvent } from 'reachout/core';
import { contractFixtures } from 'reachout/testing';
import type { ReachoutBackend, StoredEvent } from '../../../server/src/backend';
import { createDatabaseBackend, type Database, openDatabase } from '../../../server/src/db';
import { backendWithWorld, eventually, idleSimulatorDelayMs } from '../db/helpers';

const postgresUrl = process.env.REACHOUT_TEST_DATABASE_URL;

// Two servers are two Database objects (two pools, two queues) on one PostgreSQL database.
describe.skipIf(!postgresUrl)('events across servers on one PostgreSQL', () => {
  const databaseName = `reachout_events_${process.pid}_${Date.now()}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  let first: Database;
  let second: Database;
  let a: ReachoutBackend;
  let b: ReachoutBackend;

  beforeAll(async () => {
    await admin(`create database ${databaseName}`);
    const url = new URL(postgresUrl ?? '');
    url.pathname = `/${databaseName}`;
    first = await openDatabase({ kind: 'postgres', url: url.toString() });
    second = await openDatabase({ kind: 'postgres', url: url.toString() });
    a = await backendWithWorld(first, contractFixtures);
    b = createDatabaseBackend(second, { simulatorDelayMs: idleSimulatorDelayMs, keepDatabaseOpen: true });
  }, 60_000);

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await first?.close();
    await second?.close();
    await admin(`drop database if exists ${databaseName} with (force)`);
  });

  it('delivers a change made on one server to the listeners of the other, once each and in id order', async () => {
    const seenOnB: StoredEvent[] = [];
    const unsubscribe = b.events.subscribe((stored) => seenOnB.push(stored));
    try {
      const created = [];
      for (let index = 0; index < 6; index++) {
        const server = index % 2 === 0 ? a : b;
        created.push(await server.provider.createContact({ input: { name: `Relay ${index}`, phone: `+4474009876${10 + index}` } }));
      }
      const contactEvents = () => seenOnB.filter((stored) => stored.event.type === 'contact.created');
      await eventually(() => Promise.resolve(contactEvents().length >= created.length), 'B saw every contact created');
      expect(contactEvents().map((stored) => (stored.event as Extract<ReachoutEvent, { type: 'contact.created' }>).contact.id)).toEqual(
        created.map((contact) => contact.id),
      );
      const ids = seenOnB.map((stored) => Number(stored.id));
      expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
    } finally {
      unsubscribe();
    }
  }, 30_000);
});
