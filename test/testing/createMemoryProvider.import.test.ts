import { describe, expect, it } from 'vitest';
import { createMemoryProvider } from '../../src/testing';
import { indexInSorted, mergeIntoSorted } from '../../src/testing/internal/importContacts';

const byNumber = (left: number, right: number) => left - right;

describe('mergeIntoSorted', () => {
  it('inserts unsorted additions into a sorted array in place, keeping it sorted, equal items after existing ones', () => {
    const target = [1, 3, 5, 7];
    mergeIntoSorted(target, [8, 0, 5, 4], byNumber);
    expect(target).toEqual([0, 1, 3, 4, 5, 5, 7, 8]);
    const empty: number[] = [];
    mergeIntoSorted(empty, [2, 1], byNumber);
    expect(empty).toEqual([1, 2]);
  });

  it('finds an item’s index by binary search', () => {
    const target = [1, 3, 5, 7, 9];
    expect(target.map((item) => indexInSorted(target, item, byNumber))).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('createMemoryProvider importContacts', () => {
  it('lists imported contacts in name order among the seeded ones, and updates one without duplicating it', async () => {
    const provider = createMemoryProvider({ contacts: [] , seed: 3 });
    await provider.createContact({ input: { name: 'Maria', phone: '+5511900000001' } });
    await provider.importContacts({
      input: {
        idempotencyKey: 'import-order-1',
        onDuplicate: 'update',
        rows: [
          { row: 2, name: 'Zed', phone: '+5511900000002' },
          { row: 3, name: 'Abel', phone: '+5511900000003' },
          { row: 4, name: 'Nora', phone: '+5511900000004' },
        ],
      },
    });
    await provider.importContacts({
      input: { idempotencyKey: 'import-order-2', onDuplicate: 'update', rows: [{ row: 2, name: 'Aaron', phone: '+5511900000002' }] },
    });
    const page = await provider.listContacts({ limit: 10 });
    expect(page.items.map((contact) => contact.name)).toEqual(['Aaron', 'Abel', 'Maria', 'Nora']);
    expect((await provider.listContacts({ search: 'zed' })).items).toEqual([]);
    provider.control.dispose();
  });
});
