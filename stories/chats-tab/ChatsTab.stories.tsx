import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { ChatsTab } from '../../src/components/chats-tab';
import type { ChatsTabProps } from '../../src/components/chats-tab';
import { ReachoutError } from '../../src/core';
import type { Chat, Message } from '../../src/core/types';
import { createReachoutQueryClient } from '../../src/data';
import { fixtures } from '../../src/testing';
import { ReachoutStory } from '../support/ReachoutStory';
import type { MemoryProvider, MemoryProviderOptions } from '../support/ReachoutStory';

/** Story-only settings, read from `parameters.reachout`. */
interface ChatsTabStoryParameters {
  options?: MemoryProviderOptions;
  setup?: (provider: MemoryProvider) => void;
  /** Show failures at once, without the data layer's retries. */
  noRetry?: boolean;
  /** The host's box around the tab. */
  width?: number | string;
}

/** The provider of the story on screen, for play functions that drive it. */
let currentProvider: MemoryProvider | undefined;

function ChatsTabStory({ args, parameters }: { args: ChatsTabProps; parameters: ChatsTabStoryParameters }) {
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
        <ChatsTab {...args} />
      </div>
    </ReachoutStory>
  );
}

const ana = 'contact-ana-lima';

/** Ana's chat after a template: assigned, waiting for her to answer. */
const awaitingReply: Chat = {
  id: 'chat-ana-2',
  contactId: ana,
  status: 'assigned',
  assignee: fixtures.agents[0]!,
  lastInboundAt: null,
  senderId: 'sender-support',
};

/** An earlier chat of Ana's, resolved; she wrote 3 hours ago, so its window is still open. */
const openWindow: Chat = {
  id: 'chat-ana-1',
  contactId: ana,
  status: 'resolved',
  assignee: fixtures.agents[1]!,
  lastInboundAt: new Date(Date.now() - 3 * 60 * 60 * 1000).toISOString(),
  senderId: 'sender-support',
};

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60 * 1000).toISOString();

/** What the chats' cards show as their newest message: the template sent, and Ana's reply in the earlier chat. */
const anaMessages: Message[] = [
  {
    id: 'story-chat-ana-2-template',
    chatId: awaitingReply.id,
    contactId: ana,
    direction: 'outbound',
    kind: 'template',
    text: 'Hi Ana, your order #10423 is on its way with DHL Express. Expected delivery: Friday.',
    author: fixtures.agents[0]!,
    status: 'delivered',
    failureReason: null,
    at: minutesAgo(12),
  },
  {
    id: 'story-chat-ana-1-reply',
    chatId: openWindow.id,
    contactId: ana,
    direction: 'inbound',
    kind: 'text',
    text: 'Thanks! Could you leave it with the neighbour if I am out?',
    author: null,
    status: null,
    failureReason: null,
    at: minutesAgo(180),
  },
];

const anaChats = { chats: [...fixtures.chats, openWindow, awaitingReply], messages: [...fixtures.messages, ...anaMessages] };

const meta = {
  title: 'Widgets/ChatsTab',
  component: ChatsTab,
  args: { contactId: ana, onOpenChat: fn() },
  render: (args, context) => <ChatsTabStory args={args} parameters={(context.parameters.reachout ?? {}) as ChatsTabStoryParameters} />,
  parameters: {
    reachout: { options: anaChats },
    docs: {
      description: {
        component:
          'A contact’s chats with status and assignee, and WhatsApp’s 24-hour reply window: locked until the customer replies, then a live countdown to when it closes.',
      },
    },
  },
} satisfies Meta<typeof ChatsTab>;

export default meta;
type Story = StoryObj<typeof meta>;

async function chatsShown(canvasElement: HTMLElement) {
  const list = await within(canvasElement).findByRole('list', { name: 'Chats' }, { timeout: 5000 });
  await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(0));
  return list;
}

/** One chat waiting for the customer (locked), one with the window open and counting down. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    await chatsShown(canvasElement);
    await within(canvasElement).findByText('Waiting for the customer to reply — free-form messages are locked');
    await within(canvasElement).findByText(/^You can reply until /);
  },
};

/** Finished chats whose windows closed long ago. */
export const WindowClosed: Story = {
  args: { contactId: 'contact-priya-sharma' },
  play: async ({ canvasElement }) => {
    await chatsShown(canvasElement);
    await waitFor(() => expect(within(canvasElement).getAllByText(/^The 24-hour window closed at /)).toHaveLength(2));
  },
};

/** The first page on its way. */
export const Loading: Story = {
  parameters: { reachout: { options: { ...anaChats, latencyMs: 600_000 } } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading…');
  },
};

/** A contact with no chats. */
export const Empty: Story = {
  args: { contactId: 'contact-layla-haddad' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No chats yet');
  },
};

/** The provider cannot be reached: the message for NETWORK, and Retry. */
export const ProviderError: Story = {
  parameters: {
    reachout: {
      options: anaChats,
      noRetry: true,
      setup: (provider: MemoryProvider) => provider.control.failNext('listChats', new ReachoutError('NETWORK', 'Failed to fetch')),
    },
  },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('alert');
  },
};

/** Every request takes 800 ms. */
export const SlowNetwork: Story = {
  parameters: { reachout: { options: { ...anaChats, latencyMs: 800 } } },
  play: async ({ canvasElement }) => {
    await chatsShown(canvasElement);
  },
};

/** The customer replies: the locked chat unlocks and starts counting down 24 hours. */
export const LiveUpdate: Story = {
  parameters: { reachout: { options: { chats: [...fixtures.chats, awaitingReply] } } },
  play: async ({ canvasElement }) => {
    const list = await chatsShown(canvasElement);
    const windowOf = () => list.querySelector<HTMLElement>('li[data-chat-id="chat-ana-2"] [data-slot="chats-tab-window"]');
    await waitFor(() => expect(windowOf()).toHaveAttribute('data-state', 'waiting'));
    currentProvider?.control.receiveReply(ana, 'Hi! Yes, Tuesday works.');
    await waitFor(() => expect(windowOf()).toHaveAttribute('data-state', 'open'));
    await waitFor(() => expect(windowOf()).toHaveTextContent('24h 0m left'));
  },
};

/** A narrow host: the header wraps, the window line stacks. */
export const Narrow: Story = {
  parameters: { reachout: { options: anaChats, width: 320 } },
  play: async ({ canvasElement }) => {
    await chatsShown(canvasElement);
  },
};

export const Dark: Story = { ...Default, globals: { theme: 'dark' } };
export const DarkError: Story = { ...ProviderError, globals: { theme: 'dark' } };
export const RightToLeft: Story = { ...Default, globals: { dir: 'rtl' } };
