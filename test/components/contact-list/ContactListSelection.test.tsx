import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactList } from '../../../src/components/contact-list';
import type { ContactListSelection } from '../../../src/components/contact-list';
import { createReachoutQueryClient, ReachoutProvider } from '../../../src/data';
import { createMemoryProvider, generateContacts } from '../../../src/testing';
import type { MemoryProvider } from '../../../src/testing';
import { allContacts, callsOf, contactRows, grid, Host, renderList, rowNames, rowOf, searchBox } from './helpers';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

afterEach(() => {
  cleanup();
});

function assertMemory(provider: MemoryProvider | null): MemoryProvider {
  if (provider === null) throw new Error('expected a memory provider');
  return provider;
}

/** The fixture book's names, in the list's order. */
async function fixtureNames(): Promise<string[]> {
  return (await allContacts(createMemoryProvider())).map((contact) => contact.name);
}

function renderMultiple(options: Parameters<typeof renderList>[0] = {}) {
  const onSelectionChange = vi.fn<(selection: ContactListSelection | null) => void>();
  const rendered = renderList({
    height: 1000,
    ...options,
    props: { selectionMode: 'multiple', onSelectionChange, ...options.props },
  });
  return { ...rendered, onSelectionChange };
}

const checkboxOf = (name: string) => within(rowOf(name)).getByRole('checkbox', { name: `Select ${name}` }) as HTMLInputElement;
const selectAllBox = () => screen.getByRole('checkbox', { name: 'Select all' }) as HTMLInputElement;
const selectionSummary = () => within(screen.getByRole('toolbar', { name: 'Selection' })).getByRole('status').textContent;
const idOf = (name: string) => rowOf(name).getAttribute('data-contact-id');

describe('ContactList selectionMode="multiple"', () => {
  it('marks the grid multiselectable, with a labelled checkbox in a column of its own', async () => {
    const names = await fixtureNames();
    renderMultiple();
    await waitFor(() => expect(rowNames()).toEqual(names));
    expect(grid().getAttribute('aria-multiselectable')).toBe('true');
    const headerCells = within(grid()).getAllByRole('columnheader');
    expect(within(headerCells[0] as HTMLElement).getByRole('checkbox', { name: 'Select all' })).toBeTruthy();
    const firstCell = within(rowOf('Ana Lima')).getAllByRole('gridcell')[0] as HTMLElement;
    expect(within(firstCell).getByRole('checkbox', { name: 'Select Ana Lima' })).toBeTruthy();
    expect(rowOf('Ana Lima').getAttribute('aria-selected')).toBe('false');
    expect(selectionSummary()).toBe('No contacts selected');
  });

  it('toggles a row on click, on its checkbox too, and reports the ids picked', async () => {
    const names = await fixtureNames();
    const { user, onSelectionChange, onSelect } = renderMultiple();
    await waitFor(() => expect(rowNames()).toEqual(names));
    const [first, second] = names as [string, string];
    await user.click(rowOf(first));
    expect(onSelectionChange).toHaveBeenLastCalledWith({ contactIds: [idOf(first)] });
    await user.click(checkboxOf(second));
    expect(onSelectionChange).toHaveBeenLastCalledWith({ contactIds: [idOf(first), idOf(second)] });
    expect(rowOf(first).getAttribute('aria-selected')).toBe('true');
    expect(checkboxOf(second).checked).toBe(true);
    expect(selectionSummary()).toBe('2 contacts selected');
    // The checkbox never takes focus: the row does, as the grid's roving focus.
    expect(document.activeElement).toBe(rowOf(second));
    await user.click(rowOf(first));
    expect(onSelectionChange).toHaveBeenLastCalledWith({ contactIds: [idOf(second)] });
    await user.click(rowOf(second));
    expect(onSelectionChange).toHaveBeenLastCalledWith(null);
    expect(selectionSummary()).toBe('No contacts selected');
    // A click in multiple mode toggles; it does not pick a contact to open.
    expect(onSelect).not.toHaveBeenCalled();
  });

  it('selects the range from the last toggled row on Shift-click', async () => {
    const names = await fixtureNames();
    const { user, onSelectionChange } = renderMultiple();
    await waitFor(() => expect(rowNames()).toEqual(names));
    await user.click(rowOf(names[1] as string));
    await user.keyboard('{Shift>}');
    await user.click(rowOf(names[4] as string));
    await user.keyboard('{/Shift}');
    const expected = names.slice(1, 5).map(idOf);
    expect(onSelectionChange).toHaveBeenLastCalledWith({ contactIds: expected });
    expect(selectionSummary()).toBe('4 contacts selected');
    expect(rowOf(names[0] as string).getAttribute('aria-selected')).toBe('false');
    expect(rowOf(names[5] as string).getAttribute('aria-selected')).toBe('false');
  });

  it('toggles the active row with Space, extends with Shift+ArrowDown, clears with Escape, opens with Enter', async () => {
    const names = await fixtureNames();
    const { user, onSelectionChange, onSelect } = renderMultiple();
    await waitFor(() => expect(rowNames()).toEqual(names));
    searchBox().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(rowOf(names[1] as string));
    await user.keyboard(' ');
    expect(onSelectionChange).toHaveBeenLastCalledWith({ contactIds: [idOf(names[1] as string)] });
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(document.activeElement).toBe(rowOf(names[3] as string));
    expect(onSelectionChange).toHaveBeenLastCalledWith({ contactIds: names.slice(1, 4).map(idOf) });
    await user.keyboard(' ');
    expect(onSelectionChange).toHaveBeenLastCalledWith({ contactIds: names.slice(1, 3).map(idOf) });
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect.mock.calls[0]?.[0]).toMatchObject({ name: names[3] });
    await user.keyboard('{Escape}');
    expect(onSelectionChange).toHaveBeenLastCalledWith(null);
  });

  it('"Select all" selects everyone the search matches, as { search }, without fetching another page', async () => {
    const contacts = generateContacts(100_000, 3);
    const { user, provider, onSelectionChange } = renderMultiple({ provider: { contacts }, height: 400 });
    const memory = assertMemory(provider);
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    const callsBefore = callsOf(memory, 'listContacts').length;
    expect(callsBefore).toBe(1);
    await user.click(selectAllBox());
    expect(onSelectionChange).toHaveBeenLastCalledWith({ search: '' });
    expect(selectAllBox().checked).toBe(true);
    expect(selectionSummary()).toBe('All 100,000 contacts selected');
    expect(contactRows().every((row) => row.getAttribute('aria-selected') === 'true')).toBe(true);
    expect(callsOf(memory, 'listContacts')).toHaveLength(callsBefore);
    // Ticked again: nobody.
    await user.click(selectAllBox());
    expect(onSelectionChange).toHaveBeenLastCalledWith(null);
  });

  it('"Select all" after a search is that search; a new search clears it, picked rows stay picked', async () => {
    const names = await fixtureNames();
    const { user, onSelectionChange } = renderMultiple({ props: { searchDebounceMs: 0 } });
    await waitFor(() => expect(rowNames()).toEqual(names));
    await user.click(rowOf('Ana Lima'));
    await user.type(searchBox(), 'li');
    await waitFor(() => expect(rowNames().every((name) => name.toLowerCase().includes('li'))).toBe(true));
    // Picked before the search: still picked, shown as such when it matches.
    expect(rowOf('Ana Lima').getAttribute('aria-selected')).toBe('true');
    expect(selectAllBox().indeterminate).toBe(true);
    await user.click(selectAllBox());
    expect(onSelectionChange).toHaveBeenLastCalledWith({ search: 'li' });
    await user.type(searchBox(), 'ma');
    await waitFor(() => expect(onSelectionChange).toHaveBeenLastCalledWith(null));
  });

  it('selects all with Ctrl+A, and unticking one row keeps the other loaded rows', async () => {
    const names = await fixtureNames();
    const { user, onSelectionChange } = renderMultiple();
    await waitFor(() => expect(rowNames()).toEqual(names));
    searchBox().focus();
    await user.keyboard('{ArrowDown}{Control>}a{/Control}');
    expect(onSelectionChange).toHaveBeenLastCalledWith({ search: '' });
    await user.click(rowOf(names[0] as string));
    expect(onSelectionChange).toHaveBeenLastCalledWith({ contactIds: names.slice(1).map(idOf) });
  });

  it('follows a controlled selection, and starts from defaultSelection', async () => {
    const names = await fixtureNames();
    const book = await allContacts(createMemoryProvider());
    const ids = book.slice(0, 2).map((contact) => contact.id);
    const seen: Array<ContactListSelection | null> = [];
    function Controlled() {
      const [selection, setSelection] = useState<ContactListSelection | null>({ contactIds: ids });
      return (
        <>
          <button type="button" onClick={() => setSelection(null)}>
            Host clears
          </button>
          <Host height={1000}>
            <ContactList
              selectionMode="multiple"
              selection={selection}
              onSelectionChange={(next) => {
                seen.push(next);
                setSelection(next);
              }}
            />
          </Host>
        </>
      );
    }
    const user = userEvent.setup();
    render(
      <ReachoutProvider dataProvider={createMemoryProvider()} queryClient={createReachoutQueryClient()}>
        <Controlled />
      </ReachoutProvider>,
    );
    await waitFor(() => expect(rowNames()).toEqual(names));
    expect(selectionSummary()).toBe('2 contacts selected');
    expect(checkboxOf(names[1] as string).checked).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Host clears' }));
    expect(selectionSummary()).toBe('No contacts selected');
    await user.click(rowOf(names[2] as string));
    expect(seen).toEqual([{ contactIds: [book[2]?.id] }]);
    cleanup();

    renderMultiple({ props: { defaultSelection: { search: '' } } });
    await waitFor(() => expect(rowNames()).toEqual(names));
    expect(selectAllBox().checked).toBe(true);
  });

  it('shows the host\'s actions for the selection, and "Clear selection"', async () => {
    const names = await fixtureNames();
    const { user, onSelectionChange } = renderMultiple({
      props: { selectionActions: (selection) => <button type="button">Create campaign for {JSON.stringify(selection)}</button> },
    });
    await waitFor(() => expect(rowNames()).toEqual(names));
    expect(screen.queryByRole('button', { name: /Create campaign/ })).toBeNull();
    await user.click(rowOf(names[0] as string));
    expect(screen.getByRole('button', { name: `Create campaign for {"contactIds":["${idOf(names[0] as string)}"]}` })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Clear selection' }));
    expect(onSelectionChange).toHaveBeenLastCalledWith(null);
    expect(screen.queryByRole('button', { name: /Create campaign/ })).toBeNull();
  });

  it('leaves single selection as it was: no checkboxes, no selection bar, not multiselectable', async () => {
    const names = await fixtureNames();
    const { user, onSelect } = renderList({ height: 1000 });
    await waitFor(() => expect(rowNames()).toEqual(names));
    expect(within(grid()).queryAllByRole('checkbox')).toEqual([]);
    expect(grid().getAttribute('aria-multiselectable')).toBeNull();
    expect(screen.queryByRole('toolbar', { name: 'Selection' })).toBeNull();
    await act(async () => {
      await user.click(rowOf(names[0] as string));
    });
    expect(onSelect).toHaveBeenCalledTimes(1);
  });
});
