import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, useState } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatsTab } from '../../../src/components/chats-tab';
import { ContactTimeline } from '../../../src/components/contact-timeline';
import { TicketsTab } from '../../../src/components/tickets-tab';
import type { TicketsTabSorting } from '../../../src/components/tickets-tab';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

afterEach(() => {
  cleanup();
});

const priya = 'contact-priya-sharma';

function Providers({ children }: { children: ReactNode }) {
  const [provider] = useState(() => createMemoryProvider());
  return <ReachoutProvider dataProvider={provider}>{children}</ReachoutProvider>;
}

describe('tab parts', () => {
  it('recompose: the host’s class is merged, the ref reaches the element, props are spread', async () => {
    const tableRef = createRef<HTMLTableElement>();
    const listRef = createRef<HTMLOListElement>();
    const chatsRef = createRef<HTMLUListElement>();
    render(
      <Providers>
        <TicketsTab.Root contactId={priya} data-testid="tickets">
          <TicketsTab.Table ref={tableRef} className="host-table" data-extra="1" />
        </TicketsTab.Root>
        <ContactTimeline.Root contactId={priya}>
          <ContactTimeline.List ref={listRef} className="host-list" />
        </ContactTimeline.Root>
        <ChatsTab.Root contactId={priya}>
          <ChatsTab.List ref={chatsRef} className="host-chats" />
        </ChatsTab.Root>
      </Providers>,
    );
    await waitFor(() => expect(screen.getByRole('table', { name: 'Tickets' }).querySelectorAll('tr[data-ticket-id]')).toHaveLength(3));
    await screen.findByRole('list', { name: 'Timeline' });
    await screen.findByRole('list', { name: 'Chats' });
    expect(tableRef.current?.className).toBe('reachout-tickets-tab__table host-table');
    expect(tableRef.current?.dataset.extra).toBe('1');
    expect(screen.getByTestId('tickets').getAttribute('data-slot')).toBe('tickets-tab');
    expect(listRef.current?.className).toBe('reachout-contact-timeline__list host-list');
    expect(chatsRef.current?.className).toBe('reachout-chats-tab__list host-chats');
  });

  it('unstyled drops Reachout’s classes but keeps data attributes', async () => {
    render(
      <Providers>
        <ContactTimeline contactId={priya} unstyled />
        <ChatsTab contactId={priya} unstyled />
      </Providers>,
    );
    const list = await screen.findByRole('list', { name: 'Timeline' });
    const chats = await screen.findByRole('list', { name: 'Chats' });
    expect(list.className).toBe('');
    expect(chats.className).toBe('');
    expect(list.querySelector('[data-type]')).not.toBeNull();
    expect(document.querySelectorAll('[class*="reachout-"]')).toHaveLength(0);
  });

  it('names the missing Root when a part is used alone', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<Providers><TicketsTab.Table /></Providers>)).toThrow(/inside <TicketsTab.Root>/);
    expect(() => render(<Providers><ContactTimeline.List /></Providers>)).toThrow(/inside <ContactTimeline.Root>/);
    expect(() => render(<Providers><ChatsTab.List /></Providers>)).toThrow(/inside <ChatsTab.Root>/);
    vi.restoreAllMocks();
  });

  it('lets the host control the sort order', async () => {
    const onSortingChange = vi.fn<(sorting: TicketsTabSorting) => void>();
    render(
      <Providers>
        <TicketsTab contactId={priya} sorting={{ columnId: 'template', direction: 'ascending' }} onSortingChange={onSortingChange} />
      </Providers>,
    );
    const table = await screen.findByRole('table', { name: 'Tickets' });
    await waitFor(() =>
      expect([...table.querySelectorAll('tr[data-ticket-id]')].map((row) => row.getAttribute('data-ticket-id'))).toEqual([
        'ticket-priya-1',
        'ticket-priya-3',
        'ticket-priya-2',
      ]),
    );
    const template = within(table).getByRole('columnheader', { name: /Template/ });
    expect(template.getAttribute('aria-sort')).toBe('ascending');
    await userEvent.setup().click(within(template).getByRole('button'));
    expect(onSortingChange).toHaveBeenCalledWith({ columnId: 'template', direction: 'descending' });
    // Controlled: the order stays until the host passes a new one.
    expect(template.getAttribute('aria-sort')).toBe('ascending');
  });
});
