import { contactPageSchema, contactSchema } from '../../core/schemas';
import { assert, assertEqual, assertJsonEqual, assertRejectsWith, assertShape } from './assertions';
import { contractIds } from './contractFixtures';
import { assertNoDuplicates, contactsInOrder, idsOf, walkPages, world, type ContractSuite } from './contractHelpers';

/** The contract cases of `listContacts`, `getContact` and `createContact`. */
export function describeContactsContract({ describe, it, reading, writing }: ContractSuite): void {
  describe('listContacts', () => {
    it('lists every contact once, by name then id, across pages of the requested size', async () => {
      await reading(async (provider) => {
        const { items, pages } = await walkPages(
          (cursor) => provider.listContacts({ cursor, limit: 5 }),
          5,
          'listContacts({ limit: 5 })',
        );
        for (const page of pages) assertShape(contactPageSchema, page, 'a listContacts page');
        assertNoDuplicates(idsOf(items), 'listContacts');
        assertJsonEqual(idsOf(items), idsOf(contactsInOrder), 'contact ids in order');
        assertEqual(pages.length, Math.ceil(world.contacts.length / 5), 'number of pages');
      });
    });

    it('answers the whole list in one page without a limit when it has fewer than 50 contacts', async () => {
      await reading(async (provider) => {
        const page = await provider.listContacts({});
        assertEqual(page.items.length, world.contacts.length, 'contacts on the first page');
        assertEqual(page.nextCursor, null, 'nextCursor of the only page');
        if (page.total !== undefined) assertEqual(page.total, world.contacts.length, 'total');
      });
    });

    it('refuses a cursor it did not issue with VALIDATION', async () => {
      await reading(async (provider) => {
        await assertRejectsWith(
          provider.listContacts({ cursor: 'not-a-real-cursor!!', limit: 5 }),
          'VALIDATION',
          'listContacts with a garbled cursor',
        );
      });
    });

    it('refuses a cursor of another list with VALIDATION on the cursor field', async () => {
      await reading(async (provider) => {
        const contactsCursor = (await provider.listContacts({ limit: 1 })).nextCursor;
        const ticketsCursor = (await provider.listTickets({ contactId: contractIds.gita, limit: 1 })).nextCursor;
        assert(contactsCursor !== null && ticketsCursor !== null, 'the first pages of limit 1 have a nextCursor');
        const refusals: [string, () => Promise<unknown>][] = [
          ['listTickets with a listContacts cursor', () => provider.listTickets({ contactId: contractIds.gita, cursor: contactsCursor, limit: 1 })],
          ['listTimeline with a listTickets cursor', () => provider.listTimeline({ contactId: contractIds.gita, cursor: ticketsCursor, limit: 1 })],
          ['listChats with a listTickets cursor', () => provider.listChats({ contactId: contractIds.gita, cursor: ticketsCursor, limit: 1 })],
          ['listContacts with a listTickets cursor', () => provider.listContacts({ cursor: ticketsCursor, limit: 1 })],
          ['listTemplates with a listContacts cursor', () => provider.listTemplates({ senderId: contractIds.supportSender, cursor: contactsCursor, limit: 1 })],
        ];
        for (const [what, call] of refusals) {
          const error = await assertRejectsWith(call(), 'VALIDATION', what);
          assert(
            typeof error.fieldErrors?.cursor === 'string' && error.fieldErrors.cursor.length > 0,
            `${what}: VALIDATION names the cursor field, got ${JSON.stringify(error.fieldErrors)}`,
          );
        }
      });
    });

    it('never answers more than 100 contacts in a page', async () => {
      await reading(async (provider) => {
        try {
          const page = await provider.listContacts({ limit: 500 });
          assert(page.items.length <= 100, `limit 500 answered ${page.items.length} items`);
        } catch (error) {
          // Refusing is fine too, as long as it is a VALIDATION error.
          await assertRejectsWith(Promise.reject(error), 'VALIDATION', 'listContacts({ limit: 500 })');
        }
      });
    });

    it('searches names and emails case-insensitively', async () => {
      await reading(async (provider) => {
        assertJsonEqual(idsOf((await provider.listContacts({ search: 'LIMA' })).items), [contractIds.ana], 'search "LIMA"');
        assertJsonEqual(
          idsOf((await provider.listContacts({ search: 'Gita.Rao@' })).items),
          [contractIds.gita],
          'search "Gita.Rao@" (email)',
        );
        assertJsonEqual(
          idsOf((await provider.listContacts({ search: 'maria' })).items),
          [contractIds.mariaFirst, contractIds.mariaSecond],
          'search "maria" (two contacts with the same name, by id)',
        );
      });
    });

    it('finds a phone number however it is typed', async () => {
      await reading(async (provider) => {
        for (const typed of ['+55 11 98765-4321', '(11) 98765-4321', '11987654321', '5511987654321', '+5511987654321', '011 98765 4321']) {
          const page = await provider.listContacts({ search: typed });
          assertJsonEqual(idsOf(page.items), [contractIds.ana], `search "${typed}"`);
        }
        const partial = await provider.listContacts({ search: '98765-4321' });
        assert(idsOf(partial.items).includes(contractIds.ana), 'search "98765-4321" (part of a number) finds Ana Lima');
      });
    });

    it('does not match phone numbers for a query without digits', async () => {
      await reading(async (provider) => {
        const page = await provider.listContacts({ search: '(-)' });
        assertJsonEqual(idsOf(page.items), [], 'search "(-)"');
      });
    });

    it('answers an empty last page for a search without results', async () => {
      await reading(async (provider) => {
        const page = await provider.listContacts({ search: 'zz no such contact zz' });
        assertJsonEqual(page.items, [], 'items');
        assertEqual(page.nextCursor, null, 'nextCursor');
        if (page.total !== undefined) assertEqual(page.total, 0, 'total');
      });
    });

    it('pages search results in the same order', async () => {
      await reading(async (provider) => {
        const expected = contactsInOrder.filter(
          (contact) => contact.name.toLowerCase().includes('ar') || (contact.email ?? '').includes('ar'),
        );
        const { items } = await walkPages(
          (cursor) => provider.listContacts({ search: 'ar', cursor, limit: 2 }),
          2,
          'listContacts({ search: "ar", limit: 2 })',
        );
        assertJsonEqual(idsOf(items), idsOf(expected), 'search "ar" across pages');
      });
    });
  });

  describe('getContact', () => {
    it('answers the contact with that id', async () => {
      await reading(async (provider) => {
        const contact = await provider.getContact({ id: contractIds.ana });
        assertShape(contactSchema, contact, 'getContact');
        assertJsonEqual(
          { id: contact.id, name: contact.name, email: contact.email, phone: contact.phone },
          { id: contractIds.ana, name: 'Ana Lima', email: 'ana.lima@contract.example', phone: '+5511987654321' },
          'getContact',
        );
      });
    });

    it('rejects an unknown id with NOT_FOUND', async () => {
      await reading(async (provider) => {
        await assertRejectsWith(provider.getContact({ id: 'contract-no-such-contact' }), 'NOT_FOUND', 'getContact');
      });
    });

    it('answers snapshots: changing an answer does not change the contact', async () => {
      await reading(async (provider) => {
        const first = await provider.getContact({ id: contractIds.bruno });
        first.name = 'Changed by the caller';
        const second = await provider.getContact({ id: contractIds.bruno });
        assertEqual(second.name, 'Bruno Costa', 'name after the caller changed its copy');
      });
    });
  });

  describe('createContact', () => {
    it('creates a contact with its phone in E.164 and finds it afterwards', async () => {
      await writing(async ({ provider }) => {
        const created = await provider.createContact({
          input: { name: 'Zoe Adams', email: 'zoe.adams@contract.example', phone: '+44 7400 654321' },
        });
        assertShape(contactSchema, created, 'createContact');
        assertEqual(created.phone, '+447400654321', 'phone');
        assertEqual(created.name, 'Zoe Adams', 'name');
        assertEqual(created.email, 'zoe.adams@contract.example', 'email');
        assert(created.id.length > 0, 'the new contact has an id');
        assertEqual((await provider.getContact({ id: created.id })).id, created.id, 'getContact of the new contact');
        const found = await provider.listContacts({ search: '7400 654321' });
        assertJsonEqual(idsOf(found.items), [created.id], 'search by the new phone');
        const all = await walkPages((cursor) => provider.listContacts({ cursor, limit: 100 }), 100, 'listContacts');
        assertEqual(all.items.at(-1)?.id, created.id, 'Zoe Adams sorts last');
      });
    });

    it('stores a missing email as null', async () => {
      await writing(async ({ provider }) => {
        const created = await provider.createContact({ input: { name: 'Yusuf Bello', phone: '+2348031234568' } });
        assertEqual(created.email, null, 'email');
        assertEqual(created.avatarUrl, null, 'avatarUrl');
      });
    });

    it('rejects a phone another contact has, however typed, with CONFLICT on the phone field', async () => {
      await writing(async ({ provider }) => {
        const error = await assertRejectsWith(
          provider.createContact({ input: { name: 'Ana Again', phone: '+55 (11) 98765-4321' } }),
          'CONFLICT',
          'createContact with Ana Lima’s phone',
        );
        assert(
          typeof error.fieldErrors?.phone === 'string' && error.fieldErrors.phone.length > 0,
          `CONFLICT names the phone field in fieldErrors, got ${JSON.stringify(error.fieldErrors)}`,
        );
        const matches = await provider.listContacts({ search: '5511987654321' });
        assertEqual(matches.items.length, 1, 'contacts with that phone after the conflict');
      });
    });

    it('rejects invalid input with VALIDATION and a message per field', async () => {
      await writing(async ({ provider }) => {
        const error = await assertRejectsWith(
          provider.createContact({ input: { name: '', email: 'not-an-email', phone: 'call me' } }),
          'VALIDATION',
          'createContact with an empty name, a bad email and a bad phone',
        );
        for (const field of ['name', 'email', 'phone']) {
          assert(
            typeof error.fieldErrors?.[field] === 'string',
            `VALIDATION has a message for ${field}, got ${JSON.stringify(error.fieldErrors)}`,
          );
        }
        const page = await provider.listContacts({});
        assertEqual(page.items.length, world.contacts.length, 'contacts after the refused create');
      });
    });
  });
}
