import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, seedDemoData } from '../../../server/src/db';
import type { Database } from '../../../server/src/db';
import { contacts, timelineEvents } from '../../../server/src/db/schema';

describe('seedDemoData', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    await seedDemoData(db, { contacts: 25 });
  }, 60_000);
  afterAll(async () => {
    await db.close();
  });

  it('gives every seeded contact one "Contact created" entry at its creation time, as a created contact has', async () => {
    const seeded = await db.drizzle.select({ id: contacts.id, createdAt: contacts.createdAt }).from(contacts);
    const created = await db.drizzle
      .select({ contactId: timelineEvents.contactId, at: timelineEvents.at, text: timelineEvents.text })
      .from(timelineEvents)
      .where(eq(timelineEvents.type, 'contact.created'));
    expect(seeded.length).toBeGreaterThan(25);
    expect(created.map((event) => event.contactId).sort()).toEqual(seeded.map((contact) => contact.id).sort());
    const createdAtOf = new Map(seeded.map((contact) => [contact.id, contact.createdAt.getTime()]));
    for (const event of created) {
      expect(event.at.getTime()).toBe(createdAtOf.get(event.contactId));
      expect(event.text).toBe('Contact created');
    }
  });
});
