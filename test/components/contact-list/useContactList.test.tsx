import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useContactList } from '../../../src/components/contact-list';
import type { UseContactListOptions } from '../../../src/components/contact-list';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProvider, MemoryProviderOptions } from '../../../src/testing';
import { callsOf } from './helpers';

afterEach(() => {
  cleanup();
});

function renderContactList(options: UseContactListOptions = {}, providerOptions?: MemoryProviderOptions) {
  const provider: MemoryProvider = createMemoryProvider(providerOptions);
  const wrapper = ({ children }: { children: ReactNode }) => <ReachoutProvider dataProvider={provider}>{children}</ReachoutProvider>;
  const hook = renderHook((props: UseContactListOptions) => useContactList(props), { wrapper, initialProps: options });
  return { ...hook, provider };
}

describe('useContactList', () => {
  it('asks the provider for the first page with the page size', async () => {
    const { result, provider } = renderContactList({ pageSize: 20 });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(callsOf(provider, 'listContacts').map((call) => call.params)).toEqual([{ cursor: null, limit: 20 }]);
  });

  it('sends the trimmed search once typing settles', async () => {
    const { result, provider } = renderContactList({ searchDebounceMs: 30 });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => result.current.setSearch(' h'));
    act(() => result.current.setSearch(' hu'));
    act(() => result.current.setSearch(' hugo '));
    expect(result.current.search).toBe(' hugo ');
    expect(result.current.isStale).toBe(true);
    await waitFor(() => expect(result.current.query).toBe('hugo'));
    await waitFor(() => expect(result.current.isStale).toBe(false));
    expect(callsOf(provider, 'listContacts').map((call) => call.params)).toEqual([
      { cursor: null, limit: 50 },
      { search: 'hugo', cursor: null, limit: 50 },
    ]);
    expect(result.current.contacts.map((contact) => contact.id)).toEqual(['contact-hugo-martin']);
    expect(result.current.total).toBe(1);
  });

  it('without a debounce, the query follows the keystroke in the same render', async () => {
    const { result, provider } = renderContactList({ searchDebounceMs: 0 });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => result.current.setSearch('hugo '));
    expect(result.current.query).toBe('hugo');
    await waitFor(() => expect(result.current.isStale).toBe(false));
    expect(callsOf(provider, 'listContacts').map((call) => call.params)).toEqual([
      { cursor: null, limit: 50 },
      { search: 'hugo', cursor: null, limit: 50 },
    ]);
  });

  it('brings the whole list back as soon as the box is emptied, and typing again waits for the pause', async () => {
    const { result, provider } = renderContactList({ searchDebounceMs: 30 });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    act(() => result.current.setSearch('hugo'));
    await waitFor(() => expect(result.current.query).toBe('hugo'));
    act(() => result.current.clearSearch());
    expect(result.current.query).toBe('');
    // The earlier search must not come back while the new one waits for its pause.
    act(() => result.current.setSearch('ana'));
    expect(result.current.query).toBe('');
    expect(result.current.isStale).toBe(true);
    await waitFor(() => expect(result.current.query).toBe('ana'));
    await waitFor(() => expect(result.current.isStale).toBe(false));
    expect(callsOf(provider, 'listContacts').map((call) => call.params.search ?? '')).toEqual(['', 'hugo', 'ana']);
  });

  it('reports empty and no-results apart', async () => {
    const empty = renderContactList({}, { contacts: [] });
    await waitFor(() => expect(empty.result.current.status).toBe('empty'));
    const noResults = renderContactList({ defaultSearch: 'nobody-at-all' });
    await waitFor(() => expect(noResults.result.current.status).toBe('no-results'));
    expect(noResults.result.current.query).toBe('nobody-at-all');
  });

  it('selects a contact and calls onSelect with it', async () => {
    const onSelect = vi.fn();
    const { result } = renderContactList({ onSelect });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    const contact = result.current.contacts[2];
    if (contact === undefined) throw new Error('no third contact');
    act(() => result.current.select(contact));
    expect(onSelect).toHaveBeenCalledWith(contact);
    expect(result.current.selectedContactId).toBe(contact.id);
  });

  it('hands out cells for the columns asked for, in order', async () => {
    const { result } = renderContactList({
      columns: ['email', { id: 'plan', header: 'Plan', cell: (contact) => contact.attributes?.plan ?? null }],
    });
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.headers.map((header) => header.id)).toEqual(['email', 'plan']);
    expect(result.current.getCells(0).map((cell) => cell.columnId)).toEqual(['email', 'plan']);
    expect(result.current.getCells(10_000)).toEqual([]);
  });

  it('refuses two columns with the same id', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderContactList({ columns: ['name', { id: 'name', header: 'Again', cell: () => null }] })).toThrow(
      'ContactList: two columns have the id "name"',
    );
    vi.restoreAllMocks();
  });
});
