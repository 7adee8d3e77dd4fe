import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from 'reachout/core';
import { contractFixtures } from 'reachout/testing';
import { type Database, openDatabase } from '../../../server/src/db';
import { backendWithWorld } from './helpers';

describe('campaign audiences on PGlite', () => {
  let db: Database | undefined;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite', dataDir: null });
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  it('previews an audience of 70,000 picked contacts, more than one statement can take as parameters', async () => {
    const picked: Contact[] = Array.from({ length: 70_000 }, (_, index) => ({
      id: `audience-contact-${index}`,
      name: `Audience ${index}`,
      email: null,
      phone: `+5511976${String(index + 1).padStart(6, '0')}`,
      avatarUrl: null,
      createdAt: '2025-01-01T00:00:00.000Z',
    }));
    const backend = await backendWithWorld(db!, { ...contractFixtures, contacts: [...contractFixtures.contacts, ...picked] });
    try {
      const preflight = await backend.provider.previewCampaign!({
        audience: { contactIds: [...picked.map((contact) => contact.id), 'contract-contact-hugo'] },
        senderId: 'contract-sender-support',
      });
      expect(preflight).toEqual({ total: 70_001, sendable: 70_000, skipped: { active_chat: 1 } });
    } finally {
      await backend.close();
    }
  }, 120_000);
});
