import '../../../src/styles.css';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TicketsTab } from '../../../src/components/tickets-tab';
import type { TicketsTabProps } from '../../../src/components/tickets-tab';
import { ticketReference } from '../../../src/components/internal/ticketReference';
import { ReachoutError } from '../../../src/core';
import type { Ticket } from '../../../src/core/types';
import { createReachoutQueryClient, ReachoutProvider } from '../../../src/data';
import { createMemoryProvider, fixtures } from '../../../src/testing';
import type { MemoryProvider, MemoryProviderOptions } from '../../../src/testing';

afterEach(() => {
  cleanup();
});

const priya = 'contact-priya-sharma';

/** A ticket of Priya's still waiting for WhatsApp's first status. */
const verifyingTicket: Ticket = {
  ...fixtures.tickets[0]!,
  id: 'ticket-priya-new',
  status: 'verifying',
  chatId: null,
  createdAt: '2026-03-10T10:00:00.000Z',
  updatedAt: '2026-03-10T10:00:00.000Z',
  notification: { ...fixtures.tickets[0]!.notification, delivery: 'pending' },
};

interface RenderTabOptions {
  provider?: MemoryProviderOptions;
  props?: Partial<TicketsTabProps>;
  noRetry?: boolean;
  setup?: (provider: MemoryProvider) => void;
  /** The host's width: the table collapses columns into the ticket's cell when narrow. */
  width?: number;
}

function renderTab(options: RenderTabOptions = {}) {
  const provider = createMemoryProvider(options.provider);
  options.setup?.(provider);
  const queryClient = createReachoutQueryClient(options.noRetry ? { defaultOptions: { queries: { retry: false } } } : {});
  const onOpenTicket = vi.fn<(ticket: Ticket) => void>();
  const user = userEvent.setup();
  render(
    <ReachoutProvider dataProvider={provider} queryClient={queryClient}>
      <div style={{ inlineSize: options.width ?? 1000 }}>
        <TicketsTab contactId={priya} onOpenTicket={onOpenTicket} {...options.props} />
      </div>
    </ReachoutProvider>,
  );
  return { provider, onOpenTicket, user };
}

const table = () => screen.getByRole('table', { name: 'Tickets' });
const rowIds = () =>
  within(table())
    .getAllByRole('row')
    .map((row) => row.getAttribute('data-ticket-id'))
    .filter((id) => id !== null);
const rowOf = (id: string) => {
  const row = table().querySelector<HTMLElement>(`tr[data-ticket-id="${id}"]`);
  if (row === null) throw new Error(`no row for ${id}`);
  return row;
};
const cellOf = (id: string, column: string) => within(rowOf(id)).getAllByRole('cell').find((cell) => cell.dataset.column === column)!;

describe('TicketsTab', () => {
  it('lists the contact’s tickets newest first with every column', async () => {
    renderTab();
    await waitFor(() => expect(rowIds()).toEqual(['ticket-priya-3', 'ticket-priya-2', 'ticket-priya-1']));
    const headers = within(table()).getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual(['Ticket', 'Status', 'Delivery', 'Assignee', 'Priority', 'Template', 'Created', 'Actions']);
    expect(cellOf('ticket-priya-1', 'status').textContent).toBe('Resolved');
    expect(cellOf('ticket-priya-1', 'priority').textContent).toBe('Medium');
    expect(cellOf('ticket-priya-1', 'assignee').textContent).toBe('Ana Souza');
    expect(cellOf('ticket-priya-1', 'delivery').textContent).toBe('Read');
    expect(cellOf('ticket-priya-1', 'template').textContent).toBe('order_update');
    const time = cellOf('ticket-priya-1', 'createdAt').querySelector('time');
    expect(time?.getAttribute('dateTime')).toBe('2025-11-03T09:00:00.000Z');
    expect(time?.getAttribute('title')).toMatch(/2025/);
  });

  it('shows a failed delivery with WhatsApp’s reason', async () => {
    renderTab();
    await waitFor(() => expect(rowIds()).toContain('ticket-priya-3'));
    const delivery = cellOf('ticket-priya-3', 'delivery');
    expect(within(delivery).getByText('Failed')).toBeTruthy();
    expect(delivery.textContent).toContain(fixtures.tickets[2]!.notification.failureReason);
  });

  it('shows a verification result live, without the test fetching again', async () => {
    const { provider } = renderTab({ provider: { tickets: [...fixtures.tickets, verifyingTicket] } });
    await waitFor(() => expect(cellOf('ticket-priya-new', 'status').textContent).toBe('Verifying'));
    const listCalls = provider.control.calls.filter((call) => call.method === 'listTickets').length;
    act(() => {
      provider.control.completeVerification('ticket-priya-new', 'failed');
    });
    await waitFor(() => expect(cellOf('ticket-priya-new', 'status').textContent).toBe('Failed'));
    expect(cellOf('ticket-priya-new', 'delivery').textContent).toMatch(/^Failed.+/);
    expect(provider.control.calls.filter((call) => call.method === 'listTickets').length).toBe(listCalls);
  });

  it('shows success live too: the ticket becomes assigned and the message sent', async () => {
    const { provider } = renderTab({ provider: { tickets: [...fixtures.tickets, verifyingTicket] } });
    await waitFor(() => expect(cellOf('ticket-priya-new', 'status').textContent).toBe('Verifying'));
    act(() => {
      provider.control.completeVerification('ticket-priya-new', 'success');
    });
    await waitFor(() => expect(cellOf('ticket-priya-new', 'status').textContent).toBe('Assigned'));
    expect(cellOf('ticket-priya-new', 'delivery').textContent).toBe('Sent');
  });

  it('sorts by a column header: ascending, descending, then back to newest first', async () => {
    const { user } = renderTab();
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    const priority = () => screen.getByRole('columnheader', { name: /Priority/ });
    expect(priority().getAttribute('aria-sort')).toBe('none');
    await user.click(within(priority()).getByRole('button'));
    expect(priority().getAttribute('aria-sort')).toBe('ascending');
    // low (priya-3), medium (priya-1), high (priya-2)
    expect(rowIds()).toEqual(['ticket-priya-3', 'ticket-priya-1', 'ticket-priya-2']);
    await user.click(within(priority()).getByRole('button'));
    expect(priority().getAttribute('aria-sort')).toBe('descending');
    expect(rowIds()).toEqual(['ticket-priya-2', 'ticket-priya-1', 'ticket-priya-3']);
    await user.click(within(priority()).getByRole('button'));
    expect(priority().getAttribute('aria-sort')).toBe('none');
    expect(rowIds()).toEqual(['ticket-priya-3', 'ticket-priya-2', 'ticket-priya-1']);
  });

  it('loads the next page with the cursor when "Load more" is pressed', async () => {
    const { provider, user } = renderTab({ props: { pageSize: 2 } });
    await waitFor(() => expect(rowIds()).toEqual(['ticket-priya-3', 'ticket-priya-2']));
    const firstPage = await createMemoryProvider().listTickets({ contactId: priya, limit: 2 });
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(rowIds()).toEqual(['ticket-priya-3', 'ticket-priya-2', 'ticket-priya-1']));
    const params = provider.control.calls.filter((call) => call.method === 'listTickets').map((call) => call.params);
    expect(params).toEqual([
      { contactId: priya, cursor: null, limit: 2 },
      { contactId: priya, cursor: firstPage.nextCursor, limit: 2 },
    ]);
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();
  });

  it('shows each ticket by a short reference, never its id cut short, with the full id in the title', async () => {
    const longId = '0f8e9a2c-5b1d-4c3e-9f7a-1234567890ab';
    renderTab({ provider: { tickets: [{ ...fixtures.tickets[0]!, id: longId }] } });
    await waitFor(() => expect(rowIds()).toEqual([longId]));
    const reference = cellOf(longId, 'id').querySelector('[data-slot="tickets-tab-id"]') as HTMLElement;
    expect(reference.textContent).toMatch(/^#[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(reference.getAttribute('title')).toBe(longId);
    // Fully shown: no ellipsis cutting it.
    expect(reference.scrollWidth).toBeLessThanOrEqual(reference.clientWidth);
    expect(ticketReference(longId)).toBe(reference.textContent);
    expect(ticketReference('ticket-priya-2')).not.toBe(ticketReference('ticket-priya-3'));
  });

  it.each([
    [1000, ['Ticket', 'Status', 'Delivery', 'Assignee', 'Priority', 'Template', 'Created', 'Actions']],
    [640, ['Ticket', 'Status', 'Delivery', 'Assignee', 'Actions']],
    [360, ['Ticket', 'Status', 'Actions']],
  ])('fits a %i px host without scrolling, the columns that do not fit shown in the ticket’s cell', async (width, headers) => {
    renderTab({ width });
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    expect(within(table()).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(headers);
    const scroller = table().parentElement as HTMLElement;
    expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
    const open = within(table()).getAllByRole('button', { name: /^Open ticket/ })[0] as HTMLElement;
    expect(open.getBoundingClientRect().right).toBeLessThanOrEqual(scroller.getBoundingClientRect().right);
    // Whatever a header no longer names, the row still says.
    const row = within(rowOf('ticket-priya-2'));
    const shown = (text: string) => row.queryAllByText(text).filter((element) => element.checkVisibility());
    for (const text of ['High', 'Bruno Keller', 'support_callback', 'Read']) expect(shown(text)).toHaveLength(1);
    const ticketCell = rowOf('ticket-priya-2').querySelector('td[data-column="id"]') as HTMLElement;
    expect(ticketCell.contains(shown('High')[0] ?? null)).toBe(!headers.includes('Priority'));
    expect(ticketCell.contains(shown('Bruno Keller')[0] ?? null)).toBe(!headers.includes('Assignee'));
  });

  it('calls onOpenTicket with the row’s ticket', async () => {
    const { onOpenTicket, user } = renderTab();
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: `Open ticket ${ticketReference('ticket-priya-2')}` }));
    expect(onOpenTicket).toHaveBeenCalledWith(expect.objectContaining({ id: 'ticket-priya-2' }));
  });

  it('is busy while the first page loads, and says when there are no tickets', async () => {
    renderTab({ provider: { tickets: [] } });
    expect(table().getAttribute('aria-busy')).toBe('true');
    expect(await screen.findByText('No tickets yet')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('explains a failure and loads again on Retry', async () => {
    const { user } = renderTab({
      noRetry: true,
      setup: (provider) => provider.control.failNext('listTickets', new ReachoutError('NETWORK', 'offline')),
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Tickets couldn’t be loaded');
    expect(alert.textContent).toContain('Can’t reach the server');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('leaves out its classes when unstyled but keeps the data attributes', async () => {
    renderTab({ props: { unstyled: true, className: 'host' } });
    await waitFor(() => expect(rowIds()).toHaveLength(3));
    const root = document.querySelector('[data-slot="tickets-tab"]');
    expect(root?.className).toBe('host');
    expect(root?.getAttribute('data-state')).toBe('ready');
    expect(table().className).toBe('');
  });
});
