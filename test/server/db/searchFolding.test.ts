import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Contact, contactMatchesSearch, contactSearchFields, parseContactSearch } from 'reachout/core';
import { createMemoryProvider, contractFixtures } from 'reachout/testing';
import { type Database, openDatabase } from '../../../server/src/db';
import type { DatabaseBackend } from '../../../server/src/db';
import { backendWithWorld } from './helpers';

// Names and emails where folding in JavaScript and matching with ILIKE in SQL could part ways:
// accents precomposed and combining, case rules beyond ASCII, LIKE's own wildcards, emoji.
const names: [string, string | null][] = [
  ['José Ñúñez', 'jose.nunez@example.com'],
  ['Jose\u0301 Combining', null],
  ['İstanbul İlker', 'ilker@example.tr'],
  ['Straße Weiß', 'STRASSE@example.de'],
  ['ΟΔΥΣΣΕΑΣ Ἀθηνᾶ', 'odysseas@example.gr'],
  ['Ǆemal Ǉubo', null],
  ['ﬁnn Ｆｕｌｌ', 'fullwidth@example.jp'],
  ['100% Real_Name', 'percent%under_score@example.com'],
  ['Back\\slash', null],
  ['Emoji 👩🏽‍💻 Person', null],
  ['Ελένη Петрова 山田', 'eleni@example.com'],
];

const queries = [
  'jose', 'JOSÉ', 'jose\u0301', 'ñu', 'nunez', 'combining', 'istanbul', 'i̇stanbul', 'İLKER', 'strasse', 'straße', 'STRASSE',
  'weiss', 'weiß', 'οδυσσεας', 'ΟΔΥΣΣΕΑΣ', 'ς', 'σ', 'αθηνα', 'ǆemal', 'Ǆ', 'dzemal', 'ǉ', 'finn', 'ﬁ', 'ｆｕｌｌ', 'full',
  '100%', '%', '_', 'real_name', 'real name', 'percent%under', '\\', 'back\\s', '👩🏽', '💻 person', 'петрова', 'ПЕТРОВА',
  '山田', 'ελενη', 'ΕΛΈΝΗ', '@example', '.com', 'a\u0001b', '\u0001', 'x\u0000y',
];

const contacts: Contact[] = names.map(([name, email], index) => ({
  id: `fold-${String(index).padStart(2, '0')}`,
  name,
  email,
  phone: `+4474001000${String(index).padStart(2, '0')}`,
  avatarUrl: null,
  createdAt: '2025-01-01T00:00:00.000Z',
}));

describe('search folding: the SQL side matches as contactMatchesSearch does', () => {
  let db: Database | undefined;
  let backend: DatabaseBackend | undefined;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
    backend = await backendWithWorld(db, { ...contractFixtures, contacts, chats: [], tickets: [], timeline: [], messages: [] });
  });
  afterAll(async () => {
    await backend?.close();
    await db?.close();
  });

  it.each(queries)('finds the same contacts for %j in PGlite and in memory', async (query) => {
    if (!backend) throw new Error('The backend did not open');
    const memory = createMemoryProvider({ ...contractFixtures, contacts, chats: [], tickets: [], timeline: [], messages: [] });
    const search = parseContactSearch(query);
    const expected = contacts
      .filter((contact) => search === null || contactMatchesSearch(contactSearchFields(contact), search))
      .map((contact) => contact.id)
      .sort();
    const idsOf = (page: { items: { id: string }[] }) => page.items.map((item) => item.id).sort();
    expect(idsOf(await memory.listContacts({ search: query, limit: 100 }))).toEqual(expected);
    expect(idsOf(await backend.provider.listContacts({ search: query, limit: 100 }))).toEqual(expected);
    memory.control.dispose();
  });
});
