import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../server/src/db';
import type { Database } from '../../../server/src/db';
import { databaseUnreadiness } from '../../../server/src/db/readiness';
import { describeOnEachDatabase } from './helpers';

describeOnEachDatabase('readiness of the database', (database) => {
  it('is ready once the database is open, its migrations run and its job queue installed', async () => {
    expect(await databaseUnreadiness(database())).toBeNull();
  });
});

describe('readiness of a database that cannot answer', () => {
  it('says the database is not reachable once it is closed, without throwing', async () => {
    const closed = await openDatabase({ kind: 'pglite', dataDir: null });
    await closed.close();
    expect(await databaseUnreadiness(closed)).toMatch(/^The database is not reachable: /);
  });

  it('says so when the database does not answer in time', async () => {
    const hanging = { drizzle: { execute: () => new Promise(() => {}) }, queue: { isInstalled: async () => true } } as unknown as Database;
    expect(await databaseUnreadiness(hanging, { timeoutMs: 50 })).toBe('The database did not answer within 50 ms');
  });

  it('says so when the job queue is not installed', async () => {
    const withoutQueue = { drizzle: { execute: async () => ({}) }, queue: { isInstalled: async () => false } } as unknown as Database;
    expect(await databaseUnreadiness(withoutQueue)).toBe('The job queue is not installed on the database');
  });
});
