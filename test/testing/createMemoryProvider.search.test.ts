import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryProvider, generateContacts } from '../../src/testing';

const contacts = generateContacts(300, 7);

async function allPages(provider: ReturnType<typeof createMemoryProvider>, search: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await provider.listContacts({ search, cursor, limit: 40 });
    ids.push(...page.items.map((contact) => contact.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return ids;
}

describe('createMemoryProvider search reuse', () => {
  it('answers every search in a typed sequence exactly as a fresh provider does', async () => {
    // Queries built the way people type: growing and shrinking fragments of names, emails, phones.
    const fragments = contacts.slice(0, 20).flatMap((contact) => [contact.name, contact.email ?? '', contact.phone]);
    const query = fc
      .tuple(fc.constantFrom(...fragments), fc.nat(), fc.nat())
      .map(([text, start, length]) => text.slice(start % (text.length + 1), (start % (text.length + 1)) + (length % 6)));
    await fc.assert(
      fc.asyncProperty(fc.array(query, { minLength: 1, maxLength: 8 }), async (queries) => {
        const reused = createMemoryProvider({ contacts });
        for (const search of queries) {
          const fresh = createMemoryProvider({ contacts });
          expect(await allPages(reused, search)).toEqual(await allPages(fresh, search));
        }
      }),
      { numRuns: 40, seed: 11 },
    );
  }, 30_000);

  it('finds a contact created after the same search ran', async () => {
    const provider = createMemoryProvider({ contacts });
    const before = await allPages(provider, 'Zzyzx');
    expect(before).toEqual([]);
    const created = await provider.createContact({ input: { name: 'Zzyzx Road', phone: '+1 415 555 0199' } });
    expect(await allPages(provider, 'Zzyzx')).toEqual([created.id]);
  });

  it('widens again when a letter is deleted', async () => {
    const provider = createMemoryProvider({ contacts });
    const narrow = await allPages(provider, 'Ana L');
    const wide = await allPages(provider, 'Ana');
    expect(wide.length).toBeGreaterThan(narrow.length);
    expect(wide).toEqual(await allPages(createMemoryProvider({ contacts }), 'Ana'));
  });
});
