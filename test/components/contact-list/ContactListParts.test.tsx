import '../../../src/styles.css';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContactList, useContactListContext } from '../../../src/components/contact-list';
import type { ContactListAvatarProps, ContactListEmptyProps } from '../../../src/components/contact-list';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProviderOptions } from '../../../src/testing';
import { contactRows, grid, Host, rowOf, searchBox } from './helpers';

afterEach(() => {
  cleanup();
});

function withProvider(children: ReactNode, options?: MemoryProviderOptions) {
  const provider = createMemoryProvider(options);
  return render(
    <ReachoutProvider dataProvider={provider}>
      <Host>{children}</Host>
    </ReachoutProvider>,
  );
}

describe('ContactList parts', () => {
  it('forwards its ref to the root and merges the host className', async () => {
    const ref = createRef<HTMLDivElement>();
    withProvider(<ContactList ref={ref} className="host-list" data-testid="list" />);
    const root = screen.getByTestId('list');
    expect(ref.current).toBe(root);
    expect(root.getAttribute('data-slot')).toBe('contact-list');
    expect(root.className).toBe('reachout-contact-list host-list');
    await waitFor(() => expect(root.getAttribute('data-state')).toBe('ready'));
  });

  it('leaves out every Reachout class when unstyled, keeping slots and behaviour', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    const { container } = withProvider(<ContactList unstyled onSelect={onSelect} onCreateContact={() => {}} />);
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    expect(container.querySelector('[class*="reachout-"]')).toBeNull();
    expect(container.querySelector('[data-slot="contact-list-grid"]')).toBe(grid());
    searchBox().focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ name: 'Ana Lima' }));
  });

  it('names every part with data-slot and merges className on each', async () => {
    withProvider(
      <ContactList.Root onCreateContact={() => {}} className="root">
        <ContactList.Toolbar className="toolbar">
          <ContactList.Search className="search" />
          <ContactList.CreateButton className="create" />
        </ContactList.Toolbar>
        <ContactList.Count className="count" />
        <ContactList.Grid className="grid" />
      </ContactList.Root>,
    );
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    const expected: Record<string, string> = {
      'contact-list': 'reachout-contact-list root',
      'contact-list-toolbar': 'reachout-contact-list__toolbar toolbar',
      'contact-list-search': 'reachout-contact-list__search search',
      'contact-list-create': 'reachout-contact-list__create create',
      'contact-list-count': 'reachout-contact-list__count count',
      'contact-list-grid': 'reachout-contact-list__grid grid',
    };
    for (const [slot, className] of Object.entries(expected)) {
      expect(document.querySelector(`[data-slot="${slot}"]`)?.className, slot).toBe(className);
    }
    for (const slot of ['contact-list-viewport', 'contact-list-body', 'contact-list-row', 'contact-list-cell', 'contact-list-avatar']) {
      expect(document.querySelector(`[data-slot="${slot}"]`), slot).not.toBeNull();
    }
  });

  it('forwards refs and spreads props on the parts', async () => {
    const searchRef = createRef<HTMLInputElement>();
    const gridRef = createRef<HTMLDivElement>();
    const onKeyDown = vi.fn();
    withProvider(
      <ContactList.Root>
        <ContactList.Search ref={searchRef} placeholder="Find someone" data-testid="search" />
        <ContactList.Grid ref={gridRef} onKeyDown={onKeyDown} title="All contacts" />
      </ContactList.Root>,
    );
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    expect(searchRef.current).toBe(searchBox());
    expect(searchBox().placeholder).toBe('Find someone');
    searchBox().focus();
    expect(gridRef.current).toBe(grid());
    expect(grid().title).toBe('All contacts');
    const user = userEvent.setup();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(onKeyDown).toHaveBeenCalled();
    expect(document.activeElement).toBe(rowOf('Chidi Okafor'));
  });

  it('lets the host stop a key by preventing its default', async () => {
    const user = userEvent.setup();
    withProvider(
      <ContactList.Root>
        <ContactList.Search />
        <ContactList.Grid onKeyDown={(event) => event.key === 'ArrowDown' && event.preventDefault()} />
      </ContactList.Root>,
    );
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    searchBox().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(rowOf('Ana Lima'));
  });

  it('says which Root a part needs when used outside one', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      withProvider(<ContactList.Search />),
    ).toThrow('<ContactList.Search> must be used inside <ContactList.Root> (ContactListRoot)');
    vi.restoreAllMocks();
  });

  it('renders the host components for the empty panel and the avatar', async () => {
    function MyEmpty(props: ContactListEmptyProps) {
      const { list } = useContactListContext();
      return list.status === 'empty' ? <p {...props}>Nobody here yet</p> : null;
    }
    function Initial({ contact }: ContactListAvatarProps) {
      return <b data-testid="avatar">{contact.name[0]}</b>;
    }
    withProvider(<ContactList components={{ Empty: MyEmpty }} />, { contacts: [] });
    await screen.findByText('Nobody here yet');
    cleanup();
    withProvider(<ContactList components={{ Avatar: Initial }} />);
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    expect(within(rowOf('Ana Lima')).getByTestId('avatar').textContent).toBe('A');
    expect(document.querySelector('[data-slot="contact-list-avatar"]')).toBeNull();
  });

  it('does not re-render the rows’ cells while the list state around them changes', async () => {
    const renders = vi.fn();
    function CountingAvatar({ contact }: ContactListAvatarProps) {
      renders(contact.id);
      return <b>{contact.name[0]}</b>;
    }
    const memory = createMemoryProvider();
    const provider = {
      ...memory,
      // A search that never answers: the rows on screen stay, dimmed, while the Root re-renders.
      listContacts: (params: Parameters<typeof memory.listContacts>[0], context: Parameters<typeof memory.listContacts>[1]) =>
        params.search ? new Promise<never>(() => {}) : memory.listContacts(params, context),
    };
    const user = userEvent.setup();
    const { unmount } = render(
      <ReachoutProvider dataProvider={provider}>
        <Host>
          <ContactList components={{ Avatar: CountingAvatar }} searchDebounceMs={0} />
        </Host>
      </ReachoutProvider>,
    );
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    const rowsShown = contactRows().length;
    const rendersBefore = renders.mock.calls.length;
    expect(rendersBefore).toBe(rowsShown);
    await user.type(searchBox(), 'zz');
    await waitFor(() => expect(grid().hasAttribute('data-stale')).toBe(true));
    expect(contactRows()).toHaveLength(rowsShown);
    expect(renders.mock.calls.length).toBe(rendersBefore);
    unmount();
  });

  it('shows initials on a colour that stays the same for a contact', async () => {
    withProvider(<ContactList />);
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    const avatar = rowOf('Hugo Martin').querySelector<HTMLElement>('[data-slot="contact-list-avatar"]');
    expect(avatar?.textContent).toBe('HM');
    expect(avatar?.getAttribute('aria-hidden')).toBe('true');
    const hue = avatar?.style.getPropertyValue('--reachout-contact-list-avatar-hue');
    cleanup();
    withProvider(<ContactList />);
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    const again = rowOf('Hugo Martin').querySelector<HTMLElement>('[data-slot="contact-list-avatar"]');
    expect(again?.style.getPropertyValue('--reachout-contact-list-avatar-hue')).toBe(hue);
    const other = rowOf('Ana Lima').querySelector<HTMLElement>('[data-slot="contact-list-avatar"]');
    expect(other?.style.getPropertyValue('--reachout-contact-list-avatar-hue')).not.toBe(hue);
  });

  it('falls back to initials when the picture fails to load', async () => {
    const contact = {
      id: 'contact-broken-picture',
      name: 'Broken Picture',
      email: null,
      phone: '+14155550123',
      avatarUrl: 'data:image/png;base64,bm90LWFuLWltYWdl',
      createdAt: '2025-01-01T00:00:00.000Z',
    };
    withProvider(<ContactList />, { contacts: [contact] });
    await waitFor(() => expect(contactRows()).toHaveLength(1));
    const avatar = () => rowOf('Broken Picture').querySelector('[data-slot="contact-list-avatar"]');
    await waitFor(() => expect(avatar()?.getAttribute('data-state')).toBe('initials'));
    expect(avatar()?.textContent).toBe('BP');
    expect(avatar()?.querySelector('img')).toBeNull();
  });

  it('follows a controlled search, telling the host what the user types', async () => {
    const onSearchChange = vi.fn();
    function ControlledList() {
      const [search, setSearch] = useState('priya');
      return (
        <ContactList
          search={search}
          onSearchChange={(next) => {
            onSearchChange(next);
            setSearch(next.toLowerCase());
          }}
        />
      );
    }
    const user = userEvent.setup();
    withProvider(<ControlledList />);
    await waitFor(() => expect(contactRows().map((row) => row.getAttribute('data-contact-id'))).toEqual(['contact-priya-sharma']));
    await user.clear(searchBox());
    await user.type(searchBox(), 'HUGO');
    expect(onSearchChange).toHaveBeenLastCalledWith('hugO');
    expect(searchBox().value).toBe('hugo');
    await waitFor(() => expect(contactRows().map((row) => row.getAttribute('data-contact-id'))).toEqual(['contact-hugo-martin']));
  });

  it('shows the selection the host controls', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    withProvider(<ContactList selectedContactId="contact-ana-lima" onSelect={onSelect} />);
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    await user.click(rowOf('Hugo Martin'));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ id: 'contact-hugo-martin' }));
    // The host did not change `selectedContactId`: Ana stays selected.
    expect(rowOf('Ana Lima').getAttribute('aria-selected')).toBe('true');
    expect(rowOf('Hugo Martin').getAttribute('aria-selected')).toBe('false');
  });
});
