import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { ContactDetails } from '../../src/components/contact-details';
import type { ContactDetailsProps } from '../../src/components/contact-details';
import { ReachoutError } from '../../src/core';
import { createReachoutQueryClient } from '../../src/data';
import { ReachoutStory } from '../support/ReachoutStory';
import type { MemoryProvider, MemoryProviderOptions } from '../support/ReachoutStory';

/** Story-only settings, read from `parameters.reachout`. */
interface ContactDetailsStoryParameters {
  options?: MemoryProviderOptions;
  setup?: (provider: MemoryProvider) => void;
  /** Show failures at once, without the data layer's retries. */
  noRetry?: boolean;
  width?: number | string;
}

function ContactDetailsStory({ args, parameters }: { args: ContactDetailsProps; parameters: ContactDetailsStoryParameters }) {
  const [queryClient] = useState(() =>
    parameters.noRetry ? createReachoutQueryClient({ defaultOptions: { queries: { retry: false } } }) : undefined,
  );
  return (
    <ReachoutStory options={parameters.options} setup={parameters.setup} queryClient={queryClient}>
      <div style={{ inlineSize: parameters.width ?? '100%', maxInlineSize: '100%' }}>
        <ContactDetails {...args} />
      </div>
    </ReachoutStory>
  );
}

const meta = {
  title: 'Widgets/ContactDetails',
  component: ContactDetails,
  args: { contactId: 'contact-priya-sharma', onOpenChat: fn(), onOpenTicket: fn(), onSent: fn(), onTabChange: fn() },
  render: (args, context) => (
    <ContactDetailsStory args={args} parameters={(context.parameters.reachout ?? {}) as ContactDetailsStoryParameters} />
  ),
  parameters: {
    docs: {
      description: {
        component:
          'A contact\'s page: avatar, name, phone and email, "Send message" (opens the SendMessageWizard), and the Timeline, Tickets and Chats tabs, all updated live.',
      },
    },
  },
} satisfies Meta<typeof ContactDetails>;

export default meta;
type Story = StoryObj<typeof meta>;

async function headerShown(canvasElement: HTMLElement, name: string) {
  await within(canvasElement).findByRole('heading', { name }, { timeout: 5000 });
}

export const Default: Story = {
  play: async ({ canvasElement }) => headerShown(canvasElement, 'Priya Sharma'),
};

/** The Tickets tab, reached with the arrow keys. */
export const TicketsTab: Story = {
  play: async ({ canvasElement }) => {
    await headerShown(canvasElement, 'Priya Sharma');
    const canvas = within(canvasElement);
    canvas.getByRole('tab', { name: 'Timeline' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('tab', { name: 'Tickets' })).toHaveAttribute('aria-selected', 'true');
    await canvas.findByRole('table', { name: 'Tickets' }, { timeout: 5000 });
  },
};

/** "Send message" opens the wizard for this contact. */
export const SendMessage: Story = {
  play: async ({ canvasElement }) => {
    await headerShown(canvasElement, 'Priya Sharma');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Send message' }));
    await screen.findByRole('dialog', { name: 'Send message' });
  },
};

export const Loading: Story = {
  parameters: { reachout: { options: { latencyMs: 600_000 } } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="contact-details"]')).toHaveAttribute('aria-busy', 'true'));
  },
};

/** A slow provider: the skeleton, then the contact. */
export const SlowNetwork: Story = {
  parameters: { reachout: { options: { latencyMs: 800 } } },
  play: async ({ canvasElement }) => headerShown(canvasElement, 'Priya Sharma'),
};

export const NotFound: Story = {
  args: { contactId: 'contact-deleted' },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent('This contact doesn’t exist or was deleted');
  },
};

export const ProviderError: Story = {
  parameters: {
    reachout: {
      noRetry: true,
      setup: (provider: MemoryProvider) => provider.control.failNext('getContact', new ReachoutError('NETWORK', 'Failed to fetch')),
    },
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert', {}, { timeout: 5000 });
    await within(alert).findByRole('button', { name: 'Retry' });
  },
};

/** A contact who asked not to receive proactive messages. */
export const OptedOut: Story = {
  args: { contactId: 'contact-olga-ivanova' },
  play: async ({ canvasElement }) => {
    await headerShown(canvasElement, 'Olga Ivanova');
    await within(canvasElement).findByText('Opted out');
  },
};

/** A phone-width host. */
export const Mobile: Story = {
  parameters: { reachout: { width: 360 } },
  play: Default.play,
};

export const Dark: Story = { ...Default, globals: { theme: 'dark' } };
export const DarkOptedOut: Story = { ...OptedOut, globals: { theme: 'dark' } };
export const DarkError: Story = { ...ProviderError, globals: { theme: 'dark' } };
export const DarkMobile: Story = { ...Mobile, globals: { theme: 'dark' } };
export const RightToLeft: Story = { ...Default, args: { contactId: 'contact-layla-haddad' }, globals: { dir: 'rtl' }, play: async ({ canvasElement }) => headerShown(canvasElement, 'ليلى حداد') };
export const RightToLeftTickets: Story = { ...TicketsTab, globals: { dir: 'rtl' } };
