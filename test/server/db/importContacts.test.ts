import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReachoutDataProvider } from 'reachout/core';
import { createDatabaseBackend, type Database, openDatabase } from '../../../server/src/db';

// The bulk statements of the database backend's importContacts (arrays through `unnest`) must
// fill every derived column a single insert fills: the search text, the phone digits, the name
// key, attributes as JSON, the timeline entry.
describe('importContacts on the database backend (PGlite): bulk statements', () => {
  let db: Database;
  let backend: ReturnType<typeof createDatabaseBackend>;
  let provider: ReachoutDataProvider;
  let importContacts: NonNullable<ReachoutDataProvider['importContacts']>;

  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    backend = createDatabaseBackend(db);
    provider = backend.provider;
    if (!backend.provider.importContacts) throw new Error('no importContacts');
    importContacts = backend.provider.importContacts.bind(backend.provider);
  });
  afterAll(async () => {
    await backend.close();
    await db.close();
  });

  it('stores imported contacts so search (by folded name, email or digits), attributes and the timeline find them', async () => {
    const result = await importContacts({
      input: {
        idempotencyKey: 'bulk-1',
        onDuplicate: 'skip',
        defaultCountry: 'BR',
        rows: [
          { row: 2, name: 'Zoë Bulk', email: 'zoe.bulk@example.com', phone: '(61) 99123-4567', attributes: { plan: 'gold', city: 'Brasília' } },
          { row: 3, name: 'Yuri Bulk', phone: '+55 61 99123-4568' },
        ],
      },
    });
    expect(result).toEqual({ created: 2, updated: 0, skipped: [] });
    const byName = await provider.listContacts({ search: 'zoe' });
    expect(byName.items.map((contact) => [contact.name, contact.email, contact.phone, contact.attributes])).toEqual([
      ['Zoë Bulk', 'zoe.bulk@example.com', '+5561991234567', { plan: 'gold', city: 'Brasília' }],
    ]);
    expect((await provider.listContacts({ search: 'ZOE.BULK@' })).items).toHaveLength(1);
    const byDigits = await provider.listContacts({ search: '99123 4568' });
    expect(byDigits.items.map((contact) => [contact.name, contact.email, contact.attributes ?? null])).toEqual([['Yuri Bulk', null, null]]);
    const ordered = await provider.listContacts({ search: 'bulk' });
    expect(ordered.items.map((contact) => contact.name)).toEqual(['Yuri Bulk', 'Zoë Bulk']);
    const [zoe] = byName.items;
    const timeline = await provider.listTimeline({ contactId: zoe?.id ?? '' });
    expect(timeline.items.map((event) => [event.type, event.text])).toEqual([['contact.created', 'Contact imported']]);
  });

  it('updates name, email, attributes and the search text of existing contacts in one batch', async () => {
    const result = await importContacts({
      input: {
        idempotencyKey: 'bulk-2',
        onDuplicate: 'update',
        rows: [
          { row: 2, name: 'Zoe Renamed', email: 'zoe.new@example.com', phone: '+55 61 99123-4567', attributes: { plan: 'silver' } },
          { row: 3, name: 'Yuri Renamed', email: 'yuri@example.com', phone: '+5561991234568' },
        ],
      },
    });
    expect(result).toEqual({ created: 0, updated: 2, skipped: [] });
    expect((await provider.listContacts({ search: 'zoe.bulk' })).items).toEqual([]);
    const renamed = await provider.listContacts({ search: 'renamed' });
    expect(renamed.items.map((contact) => [contact.name, contact.email, contact.phone, contact.attributes])).toEqual([
      ['Yuri Renamed', 'yuri@example.com', '+5561991234568', undefined],
      // Attributes merge: the file's keys replace those values, other keys stay.
      ['Zoe Renamed', 'zoe.new@example.com', '+5561991234567', { plan: 'silver', city: 'Brasília' }],
    ]);
  });

  it('writes a batch of 1,000 rows', async () => {
    const rows = Array.from({ length: 1000 }, (_, index) => ({ row: index + 2, name: `Batch ${index}`, phone: `+55 11 9${String(20_000_000 + index)}` }));
    expect(await importContacts({ input: { idempotencyKey: 'bulk-3', onDuplicate: 'skip', rows } })).toEqual({ created: 1000, updated: 0, skipped: [] });
    expect((await provider.listContacts({ search: 'batch 999' })).items.map((contact) => contact.phone)).toEqual(['+5511920000999']);
  });
});
