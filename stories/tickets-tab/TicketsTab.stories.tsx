import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { TicketsTab } from '../../src/components/tickets-tab';
import type { TicketsTabProps } from '../../src/components/tickets-tab';
import { ReachoutError } from '../../src/core';
import type { Ticket } from '../../src/core/types';
import { createReachoutQueryClient } from '../../src/data';
import { fixtures } from '../../src/testing';
import { ReachoutStory } from '../support/ReachoutStory';
import type { MemoryProvider, MemoryProviderOptions } from '../support/ReachoutStory';

/** Story-only settings, read from `parameters.reachout`. */
interface TicketsTabStoryParameters {
  options?: MemoryProviderOptions;
  setup?: (provider: MemoryProvider) => void;
  /** Show failures at once, without the data layer's retries. */
  noRetry?: boolean;
  /** The host's box around the tab. */
  width?: number | string;
}

/** The provider of the story on screen, for play functions that drive it. */
let currentProvider: MemoryProvider | undefined;

function TicketsTabStory({ args, parameters }: { args: TicketsTabProps; parameters: TicketsTabStoryParameters }) {
  const [queryClient] = useState(() =>
    parameters.noRetry ? createReachoutQueryClient({ defaultOptions: { queries: { retry: false } } }) : undefined,
  );
  return (
    <ReachoutStory
      options={parameters.options}
      setup={(provider) => {
        currentProvider = provider;
        parameters.setup?.(provider);
      }}
      queryClient={queryClient}
    >
      <div style={{ inlineSize: parameters.width ?? '100%', maxInlineSize: '100%' }}>
        <TicketsTab {...args} />
      </div>
    </ReachoutStory>
  );
}

/** A ticket of Priya's still waiting for WhatsApp's first status. */
const verifyingTicket: Ticket = {
  ...fixtures.tickets[0]!,
  id: 'ticket-priya-4',
  status: 'verifying',
  chatId: null,
  createdAt: new Date(Date.now() - 60_000).toISOString(),
  updatedAt: new Date(Date.now() - 60_000).toISOString(),
  notification: { ...fixtures.tickets[0]!.notification, delivery: 'pending' },
};

const meta = {
  title: 'Widgets/TicketsTab',
  component: TicketsTab,
  args: { contactId: 'contact-priya-sharma', onOpenTicket: fn() },
  render: (args, context) => (
    <TicketsTabStory args={args} parameters={(context.parameters.reachout ?? {}) as TicketsTabStoryParameters} />
  ),
  parameters: {
    docs: {
      description: {
        component:
          'A contact’s tickets: status, priority, assignee, delivery (with WhatsApp’s failure reason), template and creation time. Sort by any header, "Load more" by cursor, live verification results.',
      },
    },
  },
} satisfies Meta<typeof TicketsTab>;

export default meta;
type Story = StoryObj<typeof meta>;

async function rowsShown(canvasElement: HTMLElement) {
  const table = await within(canvasElement).findByRole('table', { name: 'Tickets' }, { timeout: 5000 });
  await waitFor(() => expect(table.querySelectorAll('tr[data-ticket-id]').length).toBeGreaterThan(0), { timeout: 5000 });
  return table;
}

/** Priya's resolved, closed and failed tickets, the failure's reason under its delivery. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const table = await rowsShown(canvasElement);
    // Shown once, in its column or (in a narrow frame) under the ticket's reference.
    await waitFor(() =>
      expect(within(table).getAllByText(/131049|marketing/i).filter((element) => element.checkVisibility())).toHaveLength(1),
    );
  },
};

/** Sorted by priority, highest first: the header says so with `aria-sort`. */
export const Sorted: Story = {
  // Every column shown: a desktop's width.
  globals: { viewport: { value: 'desktop1280' } },
  play: async ({ canvasElement }) => {
    const table = await rowsShown(canvasElement);
    const header = within(table).getByRole('columnheader', { name: /Priority/ });
    await userEvent.click(within(header).getByRole('button'));
    await userEvent.click(within(header).getByRole('button'));
    await expect(header).toHaveAttribute('aria-sort', 'descending');
  },
};

/** The first page on its way: a busy table. */
export const Loading: Story = {
  parameters: { reachout: { options: { latencyMs: 600_000 } } },
  play: async ({ canvasElement }) => {
    const table = await within(canvasElement).findByRole('table', { name: 'Tickets' });
    await expect(table).toHaveAttribute('aria-busy', 'true');
  },
};

/** A contact with no tickets yet. */
export const Empty: Story = {
  args: { contactId: 'contact-layla-haddad' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No tickets yet');
  },
};

/** The provider cannot be reached: the message for NETWORK, and Retry. */
export const ProviderError: Story = {
  parameters: {
    reachout: {
      noRetry: true,
      setup: (provider: MemoryProvider) => provider.control.failNext('listTickets', new ReachoutError('NETWORK', 'Failed to fetch')),
    },
  },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('alert');
  },
};

/** Every request takes 800 ms; pages of two, so "Load more" has work to do. */
export const SlowNetwork: Story = {
  args: { pageSize: 2 },
  parameters: { reachout: { options: { latencyMs: 800 } } },
  play: async ({ canvasElement }) => {
    const table = await rowsShown(canvasElement);
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(table.querySelectorAll('tr[data-ticket-id]')).toHaveLength(3), { timeout: 5000 });
  },
};

/** A ticket verifying; the play function completes its verification and the row updates in place. */
export const LiveUpdate: Story = {
  parameters: { reachout: { options: { tickets: [...fixtures.tickets, verifyingTicket] } } },
  play: async ({ canvasElement }) => {
    const table = await rowsShown(canvasElement);
    const row = () => table.querySelector<HTMLElement>('tr[data-ticket-id="ticket-priya-4"]');
    await waitFor(() => expect(row()).toHaveAttribute('data-state', 'verifying'));
    currentProvider?.control.completeVerification('ticket-priya-4', 'success');
    await waitFor(() => expect(row()).toHaveAttribute('data-state', 'assigned'));
  },
};

/** A narrow host: Ticket, Status and the action stay columns; the rest show under the reference. */
export const Narrow: Story = {
  parameters: { reachout: { width: 360 } },
  play: async ({ canvasElement }) => {
    const table = await rowsShown(canvasElement);
    const headers = within(table).getAllByRole('columnheader').map((header) => header.textContent);
    await expect(headers).toEqual(['Ticket', 'Status', 'Actions']);
    const scroller = table.parentElement as HTMLElement;
    await expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
  },
};

/** A backend with UUID ticket ids: a short reference ("#7KQ2MD") shown whole, the title the whole id. */
export const LongIds: Story = {
  parameters: {
    reachout: {
      options: {
        tickets: fixtures.tickets.map((ticket, index) => ({ ...ticket, id: `0193f6c2-7b1e-7c4a-9d2e-5f8a1b3c${String(index).padStart(4, '0')}` })),
      },
    },
  },
  play: async ({ canvasElement }) => {
    await rowsShown(canvasElement);
    const id = canvasElement.querySelector<HTMLElement>('[data-slot="tickets-tab-id"]');
    await expect(id?.title).toMatch(/^0193f6c2-/);
    await expect(id?.textContent).toMatch(/^#[0-9A-Z]{6}$/);
    await expect(id && id.scrollWidth <= id.clientWidth).toBe(true);
  },
};

export const Dark: Story = { ...Default, globals: { theme: 'dark' } };
export const DarkEmpty: Story = { ...Empty, globals: { theme: 'dark' } };
export const DarkError: Story = { ...ProviderError, globals: { theme: 'dark' } };
export const RightToLeft: Story = { ...Default, globals: { dir: 'rtl' } };
