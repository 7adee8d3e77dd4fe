import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ContactTimeline } from '../../src/components/contact-timeline';
import type { ContactTimelineProps } from '../../src/components/contact-timeline';
import { ReachoutError } from '../../src/core';
import { createReachoutQueryClient } from '../../src/data';
import { ReachoutStory } from '../support/ReachoutStory';
import type { MemoryProvider, MemoryProviderOptions } from '../support/ReachoutStory';

/** Story-only settings, read from `parameters.reachout`. */
interface ContactTimelineStoryParameters {
  options?: MemoryProviderOptions;
  setup?: (provider: MemoryProvider) => void;
  /** Show failures at once, without the data layer's retries. */
  noRetry?: boolean;
  /** The host's box around the timeline. */
  width?: number | string;
}

/** The provider of the story on screen, for play functions that drive it. */
let currentProvider: MemoryProvider | undefined;

function ContactTimelineStory({ args, parameters }: { args: ContactTimelineProps; parameters: ContactTimelineStoryParameters }) {
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
      <div style={{ inlineSize: parameters.width ?? 560, maxInlineSize: '100%' }}>
        <ContactTimeline {...args} />
      </div>
    </ReachoutStory>
  );
}

const meta = {
  title: 'Widgets/ContactTimeline',
  component: ContactTimeline,
  args: { contactId: 'contact-priya-sharma' },
  render: (args, context) => (
    <ContactTimelineStory args={args} parameters={(context.parameters.reachout ?? {}) as ContactTimelineStoryParameters} />
  ),
  parameters: {
    docs: {
      description: {
        component:
          'What happened with a contact, newest first: notifications, verification results, deliveries, replies, assignments. Older events with "Load more"; new ones appear at the top, announced politely.',
      },
    },
  },
} satisfies Meta<typeof ContactTimeline>;

export default meta;
type Story = StoryObj<typeof meta>;

async function eventsShown(canvasElement: HTMLElement) {
  const list = await within(canvasElement).findByRole('list', { name: 'Timeline' }, { timeout: 5000 });
  await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0));
  return list;
}

/** Priya's history: three notifications, a failure, replies, assignments. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await eventsShown(canvasElement);
  },
};

/** The first page on its way. */
export const Loading: Story = {
  parameters: { reachout: { options: { latencyMs: 600_000 } } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading…');
  },
};

/** A contact with no history. */
export const Empty: Story = {
  args: { contactId: 'contact-layla-haddad' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Nothing has happened yet');
  },
};

/** The provider cannot be reached: the message for NETWORK, and Retry. */
export const ProviderError: Story = {
  parameters: {
    reachout: {
      noRetry: true,
      setup: (provider: MemoryProvider) => provider.control.failNext('listTimeline', new ReachoutError('NETWORK', 'Failed to fetch')),
    },
  },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('alert');
  },
};

/** Every request takes 800 ms; pages of five, so "Load more" has work to do. */
export const SlowNetwork: Story = {
  args: { pageSize: 5 },
  parameters: { reachout: { options: { latencyMs: 800 } } },
  play: async ({ canvasElement }) => {
    const list = await eventsShown(canvasElement);
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(10), { timeout: 5000 });
  },
};

/** The customer replies while the timeline is open: the event appears at the top and is announced. */
export const LiveUpdate: Story = {
  play: async ({ canvasElement }) => {
    const list = await eventsShown(canvasElement);
    currentProvider?.control.receiveReply('contact-priya-sharma', 'Is my order coming today?');
    await waitFor(() => expect(within(list).getAllByRole('listitem')[0]).toHaveAttribute('data-type', 'customer.replied'));
    await within(canvasElement).findByRole('status');
  },
};

/** A narrow host. */
export const Narrow: Story = {
  parameters: { reachout: { width: 320 } },
  play: async ({ canvasElement }) => {
    await eventsShown(canvasElement);
  },
};

export const Dark: Story = { ...Default, globals: { theme: 'dark' } };
export const DarkError: Story = { ...ProviderError, globals: { theme: 'dark' } };
export const RightToLeft: Story = { ...Default, globals: { dir: 'rtl' } };
