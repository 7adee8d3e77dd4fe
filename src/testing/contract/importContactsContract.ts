import type { ReachoutDataProvider } from '../../core/provider';
import { contactSchema } from '../../core/schemas';
import type { Contact, ContactImportBatch, ContactImportRow, ReachoutEvent } from '../../core/types';
import { assert, assertEqual, assertJsonEqual, assertRejectsWith, assertShape, waitUntil } from './assertions';
import { contractFixtures, contractIds } from './contractFixtures';

type Import = NonNullable<ReachoutDataProvider['importContacts']>;

/** What `describeProviderContract` lends the import cases. */
export interface ImportContractContext {
  it: (title: string, body: () => Promise<void>) => void;
  /** Runs `body` with a provider of its own over `contractFixtures`. */
  writing: (body: (provider: ReachoutDataProvider) => Promise<void>) => Promise<void>;
  timeoutMs: number;
}

const ana = contractFixtures.contacts.find((contact) => contact.id === contractIds.ana) as Contact;

function importKey(): string {
  const random = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `contract-import-${random}`;
}

function batch(rows: ContactImportRow[], onDuplicate: 'skip' | 'update', key = importKey()): ContactImportBatch {
  return { idempotencyKey: key, rows, onDuplicate, defaultCountry: 'BR' };
}

async function findByPhone(provider: ReachoutDataProvider, digits: string): Promise<Contact[]> {
  return (await provider.listContacts({ search: digits })).items;
}

/**
 * The `importContacts` cases of the provider contract; each returns at once (passes) when the
 * provider has no `importContacts`, as the method is optional.
 */
export function describeImportContactsContract({ it, writing, timeoutMs }: ImportContractContext): void {
  /** Runs `body` with the provider's `importContacts`, when it has one. */
  const importing = (body: (importContacts: Import, provider: ReachoutDataProvider) => Promise<void>) =>
    writing(async (provider) => {
      if (!provider.importContacts) return;
      await body(provider.importContacts.bind(provider), provider);
    });

  it('importContacts creates valid rows with E.164 phones, and with skip leaves an existing contact alone (CONFLICT)', async () => {
    await importing(async (importContacts, provider) => {
      const result = await importContacts({
        input: batch(
          [
            { row: 2, name: 'Zoe Import', email: 'zoe@contract.example', phone: '(61) 99123-4567', attributes: { plan: 'gold' } },
            { row: 3, name: 'Ana Renamed', phone: '+55 11 98765 4321' },
          ],
          'skip',
        ),
      });
      assertJsonEqual(
        result,
        { created: 1, updated: 0, skipped: [{ row: 3, code: 'CONFLICT', message: result.skipped[0]?.message ?? '' }] },
        'result',
      );
      assert((result.skipped[0]?.message.length ?? 0) > 0, 'a skipped row says why');
      const [zoe] = await findByPhone(provider, '61991234567');
      assertShape(contactSchema, zoe, 'the imported contact');
      assertEqual(zoe?.phone, '+5561991234567', 'phone read with the default country');
      assertEqual(zoe?.email, 'zoe@contract.example', 'email');
      assertJsonEqual(zoe?.attributes, { plan: 'gold' }, 'attributes');
      assertEqual((await provider.getContact({ id: contractIds.ana })).name, ana.name, 'Ana’s name after skip');
    });
  });

  it('importContacts with update changes name, email and attributes of the contact with that phone, never the phone', async () => {
    await importing(async (importContacts, provider) => {
      const result = await importContacts({
        input: batch(
          [{ row: 2, name: 'Ana Updated', email: 'ana.new@contract.example', phone: '(11) 98765-4321', attributes: { city: 'Santos' } }],
          'update',
        ),
      });
      assertJsonEqual(result, { created: 0, updated: 1, skipped: [] }, 'result');
      const updated = await provider.getContact({ id: contractIds.ana });
      assertEqual(updated.name, 'Ana Updated', 'name');
      assertEqual(updated.email, 'ana.new@contract.example', 'email');
      assertEqual(updated.phone, ana.phone, 'phone');
      assertEqual(updated.createdAt, ana.createdAt, 'createdAt');
      assertJsonEqual(updated.attributes, { city: 'Santos' }, 'attributes');
      assertEqual((await findByPhone(provider, '5511987654321')).length, 1, 'contacts with that phone');
    });
  });

  it('importContacts writes the good rows of a batch with a bad one, and reports the bad one and the repeated phone', async () => {
    await importing(async (importContacts, provider) => {
      const result = await importContacts({
        input: batch(
          [
            { row: 2, name: 'Yara Good', phone: '+5561991110001' },
            { row: 3, name: 'Xena Bad', phone: 'call me' },
            { row: 4, name: 'Walt Good', phone: '+5561991110002' },
            { row: 5, name: 'Walt Twin', phone: '(61) 99111-0002' },
          ],
          'skip',
        ),
      });
      assertEqual(result.created, 2, 'created');
      assertJsonEqual(
        result.skipped.map((skip) => [skip.row, skip.code]),
        [
          [3, 'VALIDATION'],
          [5, 'DUPLICATE_IN_FILE'],
        ],
        'skipped rows',
      );
      assertEqual((await findByPhone(provider, '5561991110001')).length, 1, 'Yara written');
      assertEqual((await findByPhone(provider, '5561991110002'))[0]?.name, 'Walt Good', 'the first row with a phone wins');
    });
  });

  it('importContacts answers a retried batch (same key) with the first result without writing again; another batch under the key is CONFLICT', async () => {
    await importing(async (importContacts, provider) => {
      const input = batch(
        [
          { row: 2, name: 'Vera Retry', phone: '+5561992220001' },
          { row: 3, name: 'Ana Again', phone: ana.phone },
        ],
        'update',
      );
      const first = await importContacts({ input });
      const second = await importContacts({ input: structuredClone(input) });
      assertJsonEqual(second, first, 'the retry’s result');
      assertEqual(first.created, 1, 'created');
      assertEqual(first.updated, 1, 'updated');
      assertEqual((await findByPhone(provider, '5561992220001')).length, 1, 'contacts after the retry');
      const total = (await provider.listContacts({ limit: 100 })).items.length;
      assertEqual(total, contractFixtures.contacts.length + 1, 'contacts after the retry');
      await assertRejectsWith(
        importContacts({ input: { ...input, rows: [{ row: 2, name: 'Other', phone: '+5561992220009' }] } }),
        'CONFLICT',
        'importContacts with a used key and other rows',
      );
    });
  });

  it('importContacts refuses a batch of more than 1,000 rows with VALIDATION, writing nothing', async () => {
    await importing(async (importContacts, provider) => {
      const rows = Array.from({ length: 1001 }, (_, index) => ({
        row: index + 2,
        name: `Bulk ${index}`,
        phone: `+55619930${String(index).padStart(5, '0')}`,
      }));
      await assertRejectsWith(importContacts({ input: batch(rows, 'skip') }), 'VALIDATION', 'importContacts with 1,001 rows');
      assertEqual((await findByPhone(provider, '55619930')).length, 0, 'contacts written');
    });
  });

  it('importContacts emits one contacts.imported event per batch with its new and updated contacts (run when the provider has subscribe)', async () => {
    await importing(async (importContacts, provider) => {
      if (!provider.subscribe) return;
      const events: ReachoutEvent[] = [];
      // Subscribed before both batches: a backend may deliver a batch's event after answering it.
      const unsubscribe = provider.subscribe((event) => events.push(event));
      try {
        await importContacts({ input: batch([{ row: 2, name: 'Ulla Event', phone: '+5561993330003' }], 'skip') });
        await importContacts({
          input: batch(
            [
              { row: 2, name: 'Uma Event', phone: '+5561993330001' },
              { row: 3, name: 'Ugo Event', phone: '+5561993330002' },
              { row: 4, name: 'Ulla Event Updated', phone: '+5561993330003' },
            ],
            'update',
          ),
        });
        const imported = () => events.filter((event) => event.type === 'contacts.imported');
        await waitUntil(() => imported().length >= 2, timeoutMs / 2, 'no contacts.imported event for each of the two batches');
        // Events arrive in order: anything after the second batch's event would be here by now too.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const [first, second, ...more] = imported();
        assertEqual(more.length, 0, 'contacts.imported events beyond one per batch');
        if (first?.type !== 'contacts.imported' || second?.type !== 'contacts.imported') throw new Error('unreachable');
        assertEqual(first.created.map((contact) => contact.name).join(', '), 'Ulla Event', 'created contacts of the first batch');
        assertEqual(second.created.map((contact) => contact.name).sort().join(', '), 'Ugo Event, Uma Event', 'created contacts of the event');
        assertEqual(second.updated.map((contact) => contact.name).join(', '), 'Ulla Event Updated', 'updated contacts of the event');
        const perContact = events.filter(
          (event) => (event.type === 'contact.created' || event.type === 'contact.updated') && event.contact.name.includes(' Event'),
        );
        assertEqual(perContact.length, 0, 'contact.created/contact.updated events of imported contacts');
      } finally {
        unsubscribe();
      }
    });
  });
}
