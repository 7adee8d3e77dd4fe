import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReachoutError } from '../../../src/core';
import type { CallContext, ReachoutDataProvider } from '../../../src/core/provider';
import type { Contact, Page } from '../../../src/core/types';
import { createMemoryProvider, generateContacts } from '../../../src/testing';
import type { MemoryProvider } from '../../../src/testing';
import { allContacts, callsOf, contactRows, deferred, grid, renderList, rowNames, rowOf, searchBox } from './helpers';

afterEach(() => {
  cleanup();
});

function assertMemory(provider: MemoryProvider | null): MemoryProvider {
  if (provider === null) throw new Error('expected a memory provider');
  return provider;
}

/** The fixture book, in the order the list shows it. */
async function fixtureNames(): Promise<string[]> {
  return (await allContacts(createMemoryProvider())).map((contact) => contact.name);
}

describe('ContactList', () => {
  it('shows the contacts in a grid named "Contacts" with a header row and the count', async () => {
    renderList({ height: 1000 });
    const names = await fixtureNames();
    await waitFor(() => expect(rowNames()).toEqual(names));
    const headers = within(grid()).getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual(['Name', 'Phone', 'Email', 'Created']);
    expect(screen.getByRole('status').textContent).toBe(`${names.length} contacts`);
    expect(grid().getAttribute('aria-rowcount')).toBe(String(names.length + 1));
    expect(rowOf('Ana Lima').getAttribute('aria-rowindex')).toBe('2');
  });

  it('formats phones for people, and shows email and creation date', async () => {
    renderList();
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    const cells = within(rowOf('Ana Lima')).getAllByRole('gridcell').map((cell) => cell.textContent);
    expect(cells).toEqual(['ALAna Lima', '+55 11 98765 4321', 'ana.lima@example.com', 'Mar 14, 2025']);
  });

  it('keeps a bounded DOM for 100,000 contacts and tells screen readers the total', async () => {
    renderList({ provider: { contacts: generateContacts(100_000, 1) } });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    expect(within(grid()).getAllByRole('row').length).toBeLessThan(60);
    expect(grid().getAttribute('aria-rowcount')).toBe('100001');
    expect(screen.getByRole('status').textContent).toBe('100,000 contacts');
  });

  it('counts what is loaded, as a lower bound, when the provider gives no total ("50+ contacts")', async () => {
    const memory = createMemoryProvider({ contacts: generateContacts(120, 3) });
    const withoutTotals: ReachoutDataProvider = {
      ...memory,
      listContacts: async (params, context) => {
        const { total: _total, ...page } = await memory.listContacts(params, context);
        return page;
      },
    };
    renderList({ provider: withoutTotals });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('50+ contacts'));
  });

  it('puts the phone under the name on a phone-sized host, so names are not cut to a few letters', async () => {
    renderList({ width: 358, height: 600 });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    const row = rowOf('Chidi Okafor');
    const name = row.querySelector<HTMLElement>('[data-column="name"] [data-slot="contact-list-name"]')!;
    const phone = row.querySelector<HTMLElement>('[data-column="phone"]')!;
    expect(name.scrollWidth).toBeLessThanOrEqual(name.clientWidth);
    expect(phone.getBoundingClientRect().top).toBeGreaterThan(name.getBoundingClientRect().top);
    expect(phone.getBoundingClientRect().bottom).toBeLessThanOrEqual(row.getBoundingClientRect().bottom);
    // Still a cell of its own, named by its column header.
    expect(phone.getAttribute('role')).toBe('gridcell');
    await waitFor(() => expect(phone.textContent).toBe('+234 803 123 4567'));
  });

  it('fetches the next page, by cursor, when scrolled near the end', async () => {
    const contacts = generateContacts(240, 7);
    const reference = createMemoryProvider({ contacts });
    const firstPage = await reference.listContacts({ limit: 50 });
    const { provider } = renderList({ provider: { contacts } });
    const memory = assertMemory(provider);
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    expect(callsOf(memory, 'listContacts').map((call) => call.params)).toEqual([{ cursor: null, limit: 50 }]);

    const viewport = document.querySelector<HTMLElement>('[data-slot="contact-list-viewport"]');
    if (viewport === null) throw new Error('no viewport');
    viewport.scrollTop = viewport.scrollHeight;
    await waitFor(() => expect(callsOf(memory, 'listContacts')).toHaveLength(2));
    expect(callsOf(memory, 'listContacts')[1]?.params).toEqual({ cursor: firstPage.nextCursor, limit: 50 });
    // The rows of the new page render as the user keeps scrolling.
    await waitFor(() => expect(grid().getAttribute('aria-busy')).toBeNull());
    viewport.scrollTop = viewport.scrollHeight;
    await waitFor(() => expect(contactRows().some((row) => Number(row.getAttribute('aria-rowindex')) > 52)).toBe(true));
  });

  it('sends one request per settled search, keeping the text in the box', async () => {
    const { provider, user } = renderList();
    const memory = assertMemory(provider);
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    await user.type(searchBox(), 'ana');
    expect(searchBox().value).toBe('ana');
    await waitFor(() => expect(rowNames()).toEqual(['Ana Lima']));
    expect(callsOf(memory, 'listContacts').map((call) => call.params.search)).toEqual([undefined, 'ana']);
    expect(screen.getByRole('status').textContent).toBe('1 contact');
  });

  it('shows the last search even when an earlier one answers after it', async () => {
    const memory = createMemoryProvider();
    const slow = deferred<void>();
    const signals: Record<string, AbortSignal | undefined> = {};
    // A backend that ignores aborts: the answer to "an" arrives after the one to "ana".
    const provider: ReachoutDataProvider = {
      ...memory,
      listContacts: async (params, context?: CallContext): Promise<Page<Contact>> => {
        signals[params.search ?? ''] = context?.signal;
        if (params.search === 'an') {
          await slow.promise;
          return memory.listContacts(params);
        }
        return memory.listContacts(params, context);
      },
    };
    const { user } = renderList({ provider });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));

    await user.type(searchBox(), 'an');
    await waitFor(() => expect(signals.an).toBeDefined());
    await user.type(searchBox(), 'a');
    await waitFor(() => expect(rowNames()).toEqual(['Ana Lima']));
    expect(signals.an?.aborted).toBe(true);

    await act(async () => {
      slow.resolve();
      await slow.promise;
    });
    // "an" also matches Olga Ivanova; that answer is never shown for "ana".
    expect(rowNames()).toEqual(['Ana Lima']);
    expect(grid().hasAttribute('data-stale')).toBe(false);
  });

  it('dims the previous results while a search loads, and marks the grid busy', async () => {
    const memory = createMemoryProvider();
    const gate = deferred<void>();
    const provider: ReachoutDataProvider = {
      ...memory,
      listContacts: async (params, context) => {
        if (params.search) await gate.promise;
        return memory.listContacts(params, context);
      },
    };
    const { user } = renderList({ provider });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    const names = rowNames();
    await user.type(searchBox(), 'priya');
    await waitFor(() => expect(grid().hasAttribute('data-stale')).toBe(true));
    expect(grid().getAttribute('aria-busy')).toBe('true');
    expect(rowNames()).toEqual(names);
    expect(searchBox().value).toBe('priya');

    await act(async () => {
      gate.resolve();
      await gate.promise;
    });
    await waitFor(() => expect(rowNames()).toEqual(['Priya Sharma']));
    expect(grid().hasAttribute('data-stale')).toBe(false);
  });

  it.each(['98765 43210', '+91 98765-43210', '(987) 654-3210', '0091 9876543210'])(
    'finds a contact by phone typed as %s',
    async (typed) => {
      const { user } = renderList();
      await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
      await user.type(searchBox(), typed);
      await waitFor(() => expect(rowNames()).toEqual(['Priya Sharma']));
    },
  );

  it('shows new search results from the top, wherever the previous list was scrolled', async () => {
    const { user } = renderList({ provider: { contacts: generateContacts(300, 8) } });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    const viewport = document.querySelector('[data-slot="contact-list-viewport"]') as HTMLElement;
    const rowIndexes = () => contactRows().map((row) => Number(row.getAttribute('aria-rowindex')));
    viewport.scrollTop = 30 * 56;
    await waitFor(() => expect(Math.max(...rowIndexes())).toBeGreaterThan(35));
    // A letter most generated names and emails contain, so the new list is long too.
    await user.type(searchBox(), 'a');
    await waitFor(() => expect(grid().hasAttribute('data-stale')).toBe(false));
    await waitFor(() => expect(viewport.scrollTop).toBe(0));
    await waitFor(() => expect(Math.max(...rowIndexes())).toBeLessThan(25));
    expect(rowIndexes()).toContain(2);
  });

  it('says when a search finds nobody, and Clear search brings everyone back', async () => {
    const { user } = renderList({ props: { defaultSearch: 'Zebulon' } });
    await screen.findByText('No contacts match “Zebulon”');
    expect(screen.queryByRole('grid')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    expect(searchBox().value).toBe('');
  });

  it('empties the search box on Escape', async () => {
    const { user } = renderList({ props: { defaultSearch: 'priya' } });
    await waitFor(() => expect(rowNames()).toEqual(['Priya Sharma']));
    searchBox().focus();
    await user.keyboard('{Escape}');
    expect(searchBox().value).toBe('');
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(1));
  });

  it('shows skeleton rows and aria-busy while the first page loads', async () => {
    const memory = createMemoryProvider();
    const gate = deferred<void>();
    renderList({
      provider: {
        ...memory,
        listContacts: async (params, context) => {
          await gate.promise;
          return memory.listContacts(params, context);
        },
      },
    });
    expect(grid().getAttribute('aria-busy')).toBe('true');
    expect(document.querySelectorAll('[data-slot="contact-list-skeleton"]').length).toBeGreaterThan(0);
    expect(contactRows()).toHaveLength(0);
    await act(async () => {
      gate.resolve();
      await gate.promise;
    });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    expect(grid().getAttribute('aria-busy')).toBeNull();
  });

  it('pulses only the first load; a page loading under the rows stays still, the busy bar moves by transform', async () => {
    const memory = createMemoryProvider({ contacts: generateContacts(20, 7) });
    const firstPage = deferred<void>();
    const nextPage = deferred<void>();
    renderList({
      props: { pageSize: 5 },
      provider: {
        ...memory,
        listContacts: async (params, context) => {
          await (params.cursor ? nextPage.promise : firstPage.promise);
          return memory.listContacts(params, context);
        },
      },
    });
    const animationOf = (element: Element, pseudo?: string) => getComputedStyle(element, pseudo).animationName;
    const firstLoadSkeleton = document.querySelector('[data-slot="contact-list-skeleton-rows"] [data-slot="contact-list-skeleton"]');
    expect(firstLoadSkeleton).not.toBeNull();
    expect(animationOf(firstLoadSkeleton as Element)).toBe('reachout-contact-list-pulse');

    await act(async () => {
      firstPage.resolve();
      await firstPage.promise;
    });
    // Five rows fill less than the host: the next page is asked for at once and held back.
    await waitFor(() => expect(contactRows()).toHaveLength(5));
    await waitFor(() => expect(grid().getAttribute('aria-busy')).toBe('true'));
    const placeholder = grid().querySelector('[data-slot="contact-list-body"] [data-state="loading"] [data-slot="contact-list-skeleton"]');
    expect(placeholder).not.toBeNull();
    expect(animationOf(placeholder as Element)).toBe('none');

    const header = grid().querySelector('[data-slot="contact-list-header"]') as Element;
    expect(animationOf(header, '::after')).toBe('reachout-contact-list-progress');
    const bar = header.getAnimations({ subtree: true }).find((animation) => animation instanceof CSSAnimation);
    const keyframes = bar?.effect instanceof KeyframeEffect ? bar.effect.getKeyframes() : [];
    expect(keyframes.map((keyframe) => keyframe.transform)).toEqual(['translateX(-100%)', 'translateX(334%)']);
    expect(keyframes.some((keyframe) => 'insetInlineStart' in keyframe || 'left' in keyframe)).toBe(false);

    await act(async () => {
      nextPage.resolve();
      await nextPage.promise;
    });
    await waitFor(() => expect(contactRows()).toHaveLength(10));
  });

  it('offers the create action on an empty book, as the one "Create contact" button', async () => {
    const { user, onCreateContact } = renderList({ provider: { contacts: [] } });
    await screen.findByText('No contacts yet');
    const buttons = screen.getAllByRole('button', { name: 'Create contact' });
    expect(buttons).toHaveLength(1);
    await user.click(buttons[0] as HTMLElement);
    expect(onCreateContact).toHaveBeenCalledTimes(1);
  });

  it('has no create button when the host gives no onCreateContact', async () => {
    renderList({ props: { onCreateContact: undefined } });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    expect(screen.queryByRole('button', { name: 'Create contact' })).toBeNull();
  });

  it('calls the toolbar create action', async () => {
    const { user, onCreateContact } = renderList();
    await user.click(screen.getByRole('button', { name: 'Create contact' }));
    expect(onCreateContact).toHaveBeenCalledTimes(1);
  });

  it('explains a provider failure in plain words, and Retry loads the list', async () => {
    const memory = createMemoryProvider();
    memory.control.failNext('listContacts', new ReachoutError('NETWORK', 'Failed to fetch'));
    const { user } = renderList({ provider: memory, noRetry: true });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Contacts couldn’t be loaded');
    expect(alert.textContent).toContain('Can’t reach the server. Check your connection and try again.');
    expect(alert.textContent).not.toContain('Failed to fetch');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(callsOf(memory, 'listContacts')).toHaveLength(2);
  });

  it('keeps the loaded rows when a later page fails, and Retry fetches that page', async () => {
    const contacts = generateContacts(120, 3);
    const memory = createMemoryProvider({ contacts });
    const { user } = renderList({ provider: memory, noRetry: true });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    memory.control.failNext('listContacts', new ReachoutError('FORBIDDEN', 'No'));
    const viewport = document.querySelector<HTMLElement>('[data-slot="contact-list-viewport"]');
    if (viewport === null) throw new Error('no viewport');
    viewport.scrollTop = viewport.scrollHeight;
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You don’t have permission to do this.');
    expect(contactRows().length).toBeGreaterThan(0);
    const cursor = callsOf(memory, 'listContacts')[1]?.params.cursor;
    expect(cursor).toEqual(expect.any(String));
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(callsOf(memory, 'listContacts')[2]?.params.cursor).toBe(cursor);
  });
});

describe('ContactList keyboard and selection', () => {
  it('moves with ArrowDown, ArrowUp, Home and End, and selects with Enter', async () => {
    const { user, onSelect } = renderList();
    const names = await fixtureNames();
    await waitFor(() => expect(rowNames()[0]).toBe(names[0]));
    // The last contact is below the fold: End scrolls it into view.
    expect(rowNames()).not.toContain(names.at(-1));
    searchBox().focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rowOf(names[0] as string));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(rowOf(names[2] as string));
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(rowOf(names[1] as string));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(rowOf(names.at(-1) as string));
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(rowOf(names[0] as string));
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect.mock.calls[0]?.[0]).toMatchObject({ id: 'contact-chidi-okafor', name: names[1] });
    expect(rowOf(names[1] as string).getAttribute('aria-selected')).toBe('true');
    expect(rowOf(names[1] as string).getAttribute('data-state')).toBe('selected');
    expect(rowOf(names[0] as string).getAttribute('aria-selected')).toBe('false');
  });

  it('keeps one row in the tab order, the active one', async () => {
    const { user } = renderList();
    const names = await fixtureNames();
    await waitFor(() => expect(rowNames()[0]).toBe(names[0]));
    expect(contactRows().filter((row) => row.tabIndex === 0)).toEqual([rowOf(names[0] as string)]);
    searchBox().focus();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Create contact' }));
    await user.tab();
    expect(document.activeElement).toBe(rowOf(names[0] as string));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    await user.tab({ shift: true });
    await user.tab();
    expect(document.activeElement).toBe(rowOf(names[2] as string));
    expect(rowOf(names[2] as string).hasAttribute('data-active')).toBe(true);
  });

  it('moves a page at a time with PageDown and PageUp, scrolling the row into view', async () => {
    const { user } = renderList({ provider: { contacts: generateContacts(100, 4) } });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    searchBox().focus();
    await user.keyboard('{ArrowDown}{PageDown}');
    const afterPageDown = Number((document.activeElement as HTMLElement).getAttribute('aria-rowindex'));
    expect(afterPageDown).toBeGreaterThan(4);
    await user.keyboard('{PageDown}');
    const active = document.activeElement as HTMLElement;
    const viewport = document.querySelector('[data-slot="contact-list-viewport"]') as HTMLElement;
    const rowBox = active.getBoundingClientRect();
    const viewportBox = viewport.getBoundingClientRect();
    expect(rowBox.top).toBeGreaterThanOrEqual(viewportBox.top - 1);
    expect(rowBox.bottom).toBeLessThanOrEqual(viewportBox.bottom + 1);
    await user.keyboard('{PageUp}');
    expect(Number((document.activeElement as HTMLElement).getAttribute('aria-rowindex'))).toBe(afterPageDown);
  });

  it('reaches the last contact of the whole book with End, loading the pages in between', async () => {
    const contacts = generateContacts(230, 7);
    const { user, provider } = renderList({ provider: { contacts } });
    const last = (await allContacts(assertMemory(provider))).at(-1) as Contact;
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    searchBox().focus();
    await user.keyboard('{ArrowDown}{End}');
    await waitFor(() => expect(document.activeElement).toBe(rowOf(last.name)));
    expect((document.activeElement as HTMLElement).getAttribute('aria-rowindex')).toBe(String(230 + 1));
    await user.keyboard('{Home}');
    expect((document.activeElement as HTMLElement).getAttribute('aria-rowindex')).toBe('2');
  });

  it('moves a whole page with PageDown even past the loaded rows, loading the next page first', async () => {
    // Slow pages: the scroll-driven prefetch has not answered when the key is pressed.
    const { user } = renderList({ provider: { contacts: generateContacts(120, 3), latencyMs: 150 }, props: { pageSize: 20 } });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    searchBox().focus();
    await user.keyboard('{ArrowDown}{PageDown}');
    const rowIndex = () => Number((document.activeElement as HTMLElement).getAttribute('aria-rowindex'));
    const step = rowIndex() - 2;
    expect(step).toBeGreaterThan(1);
    let expected = rowIndex();
    while (expected + step <= 121) {
      expected += step;
      await user.keyboard('{PageDown}');
      await waitFor(() => expect(rowIndex()).toBe(expected));
    }
  });

  it('selects a contact on click', async () => {
    const { user, onSelect } = renderList();
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    await user.click(rowOf('Hugo Martin'));
    expect(onSelect).toHaveBeenCalledTimes(1);
    expect(onSelect.mock.calls[0]?.[0]).toMatchObject({ id: 'contact-hugo-martin' });
    expect(document.activeElement).toBe(rowOf('Hugo Martin'));
    expect(rowOf('Hugo Martin').getAttribute('aria-selected')).toBe('true');
  });

  it('keeps the active row, focused, when a contact is added above it', async () => {
    const { user, provider } = renderList();
    const memory = assertMemory(provider);
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    searchBox().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(rowOf('Hugo Martin'));
    await act(async () => {
      await memory.createContact({ input: { name: 'Aaron Abbott', phone: '+14155550100' } });
    });
    await waitFor(() => expect(rowNames()[0]).toBe('Aaron Abbott'));
    expect(document.activeElement).toBe(rowOf('Hugo Martin'));
    expect(rowOf('Hugo Martin').tabIndex).toBe(0);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(rowOf('Emily Clarke'));
  });

  it('keeps the active row in the DOM when the list scrolls far away from it', async () => {
    const { user } = renderList({ provider: { contacts: generateContacts(300, 5) } });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    searchBox().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    const active = document.activeElement as HTMLElement;
    const viewport = document.querySelector('[data-slot="contact-list-viewport"]') as HTMLElement;
    viewport.scrollTop = 40 * 56;
    await waitFor(() => expect(contactRows().some((row) => Number(row.getAttribute('aria-rowindex')) > 40)).toBe(true));
    expect(active.isConnected).toBe(true);
    expect(document.activeElement).toBe(active);
  });

  it('scrolls a selection the host starts with into view', async () => {
    const contacts = generateContacts(45, 6);
    const target = (await allContacts(createMemoryProvider({ contacts })))[40] as Contact;
    renderList({ provider: { contacts }, props: { defaultSelectedContactId: target.id } });
    await waitFor(() => expect(contactRows().some((row) => row.getAttribute('data-contact-id') === target.id)).toBe(true));
    const row = contactRows().find((candidate) => candidate.getAttribute('data-contact-id') === target.id) as HTMLElement;
    const viewport = document.querySelector('[data-slot="contact-list-viewport"]') as HTMLElement;
    await waitFor(() => expect(row.getBoundingClientRect().bottom).toBeLessThanOrEqual(viewport.getBoundingClientRect().bottom + 1));
    expect(row.getAttribute('aria-selected')).toBe('true');
    // Tabbing into the list lands on the selected contact.
    expect(row.tabIndex).toBe(0);
  });
});

describe('ContactList columns', () => {
  it('shows the columns the host asks for, in its order, with its own cells', async () => {
    renderList({
      props: {
        columns: ['phone', 'name', { id: 'city', header: 'City', cell: (contact) => contact.attributes?.city ?? '—' }],
      },
    });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    expect(within(grid()).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Phone', 'Name', 'City']);
    const cells = within(rowOf('Ana Lima')).getAllByRole('gridcell');
    expect(cells.map((cell) => cell.getAttribute('data-column'))).toEqual(['phone', 'name', 'city']);
    expect(cells[2]?.textContent).toBe('São Paulo');
    expect(within(rowOf('Olga Ivanova')).getAllByRole('gridcell')[2]?.textContent).toBe('—');
  });

  it('hides the email and created columns in a narrow host', async () => {
    renderList({ width: 360 });
    await waitFor(() => expect(contactRows().length).toBeGreaterThan(0));
    const visible = (element: Element) => getComputedStyle(element).display !== 'none';
    const headers = within(grid()).getAllByRole('columnheader').filter(visible);
    expect(headers.map((header) => header.textContent)).toEqual(['Name', 'Phone']);
    // The create button keeps its name with only its icon showing.
    expect(screen.getByRole('button', { name: 'Create contact' })).toBeTruthy();
  });
});
