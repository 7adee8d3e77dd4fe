import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { ChatThread } from '../../src/components/chat-thread';
import type { ChatThreadProps } from '../../src/components/chat-thread';
import type { ReachoutDataProvider } from '../../src/core';
import { ReachoutProvider } from '../../src/data';
import { createMemoryProvider } from '../../src/testing';
import type { MemoryProviderOptions } from '../support/ReachoutStory';
import { conversation, storyChatId, windowClosingIn } from './chatThreadWorld';

const minute = 60 * 1000;
const hour = 60 * minute;

/** Story-only settings, read from `parameters.reachout`. */
interface ChatThreadStoryParameters {
  options?: MemoryProviderOptions;
  /** Leave these methods out of the provider, as a host's backend may. */
  without?: Array<'sendMessage' | 'listMessages'>;
  setup?: (provider: ReturnType<typeof createMemoryProvider>) => void;
}

const providers = new WeakMap<ChatThreadStoryParameters, ReachoutDataProvider>();

function providerFor(parameters: ChatThreadStoryParameters): ReachoutDataProvider {
  const existing = providers.get(parameters);
  if (existing) return existing;
  const memory = createMemoryProvider(parameters.options);
  parameters.setup?.(memory);
  const provider: ReachoutDataProvider = { ...memory };
  for (const method of parameters.without ?? []) delete provider[method];
  providers.set(parameters, provider);
  return provider;
}

function ChatThreadStory({ args, parameters }: { args: ChatThreadProps; parameters: ChatThreadStoryParameters }) {
  return (
    <ReachoutProvider dataProvider={providerFor(parameters)}>
      <div style={{ blockSize: 560, inlineSize: 560, maxInlineSize: '100%' }}>
        <ChatThread {...args} />
      </div>
    </ReachoutProvider>
  );
}

const openWindow = (closesInMs: number, count = 8) => ({ options: conversation({ count, lastInboundAt: windowClosingIn(closesInMs) }) });

const meta = {
  title: 'Widgets/ChatThread',
  component: ChatThread,
  args: { chatId: storyChatId },
  render: (args, context) => (
    <ChatThreadStory args={args} parameters={(context.parameters.reachout ?? {}) as ChatThreadStoryParameters} />
  ),
  parameters: {
    reachout: openWindow(3 * hour + 12 * minute + 30_000),
    docs: {
      description: {
        component:
          'The conversation after a notification: messages with delivery marks and day separators, paged back as you scroll, and a composer open only within WhatsApp’s 24-hour window.',
      },
    },
  },
} satisfies Meta<typeof ChatThread>;

export default meta;
type Story = StoryObj<typeof meta>;

const log = (canvasElement: HTMLElement) => within(canvasElement).findByRole('log', { name: 'Conversation' }, { timeout: 5000 });

/** The customer replied 20 h 48 min ago: the composer is open, counting down. */
export const WindowOpen: Story = {
  play: async ({ canvasElement }) => {
    await log(canvasElement);
    await within(canvasElement).findByText('Window closes in 3 h 12 min');
    await expect(within(canvasElement).getByRole('textbox', { name: 'Message' })).toBeEnabled();
  },
};

/** Typing and pressing Enter: the message shows at once, then is marked sent. */
export const ReplyWithEnter: Story = {
  play: async ({ canvasElement }) => {
    const box = await within(canvasElement).findByRole('textbox', { name: 'Message' });
    await userEvent.type(box, 'See you Friday!{Enter}');
    await expect(box).toHaveValue('');
    const thread = await log(canvasElement);
    await within(thread).findByText('See you Friday!');
    await within(thread).findAllByText('Sent');
  },
};

/** The customer has not written for over 24 hours: the composer is locked, "Send template" offered. */
export const WindowClosed: Story = {
  parameters: { reachout: { options: conversation({ count: 6, lastInboundAt: new Date(Date.now() - 30 * hour) }) } },
  play: async ({ canvasElement }) => {
    await log(canvasElement);
    await within(canvasElement).findByText('The customer has not replied in 24 hours: only a template can reopen the conversation');
    await expect(within(canvasElement).getByRole('textbox', { name: 'Message' })).toBeDisabled();
    await expect(within(canvasElement).getByRole('button', { name: 'Send template' })).toBeEnabled();
  },
};

/**
 * The window is closed: "Send template" opens the template and content steps in place of the
 * composer; the template shows at once as its bubble, then sent. The window stays closed until
 * the customer replies.
 */
export const WindowClosedTemplateSent: Story = {
  parameters: { reachout: { options: conversation({ count: 6, lastInboundAt: new Date(Date.now() - 30 * hour) }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await log(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Send template' }));
    await userEvent.click(await canvas.findByRole('radio', { name: /support_callback/ }));
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
    await userEvent.type(canvas.getByLabelText('Body {{1}}'), 'Ana');
    await userEvent.type(canvas.getByLabelText('Body {{2}}'), '#4471');
    await userEvent.click(canvas.getByRole('button', { name: 'Send template' }));
    const thread = await log(canvasElement);
    await waitFor(() => {
      const sent = [...thread.querySelectorAll<HTMLElement>('[data-slot="chat-thread-message"][data-kind="template"]')].at(-1);
      return expect(sent?.textContent).toMatch(/we tried to reach you about ticket #4471.*Sent/);
    });
    await expect(canvas.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  },
};

/** A host with its own template flow: "Send template" calls `onSendTemplate` instead. */
export const HostTemplateFlow: Story = {
  args: { onSendTemplate: fn() },
  parameters: { reachout: { options: conversation({ count: 6, lastInboundAt: new Date(Date.now() - 30 * hour) }) } },
  play: async ({ args, canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Send template' }));
    await expect(args.onSendTemplate).toHaveBeenCalledTimes(1);
    await expect(screen.queryByRole('radio', { name: /support_callback/ })).toBeNull();
  },
};

/** A chat with no messages yet. */
export const Empty: Story = {
  // Parameters merge deeply: `messages: []` replaces the default conversation's.
  parameters: { reachout: { options: conversation({ count: 0, lastInboundAt: null }) } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('No messages yet');
  },
};

/** 10,000 messages: only the rows in view are rendered; older pages load as you scroll up. */
export const LongHistory: Story = {
  parameters: { reachout: { options: conversation({ count: 10_000, lastInboundAt: windowClosingIn(20 * hour) }) } },
  play: async ({ canvasElement }) => {
    const thread = await log(canvasElement);
    await waitFor(() => expect(thread.querySelectorAll('[data-slot="chat-thread-message"]').length).toBeGreaterThan(3));
    await expect(thread.querySelectorAll('[data-slot="chat-thread-message"]').length).toBeLessThan(60);
  },
};

/** A message WhatsApp refused: the mark says why. */
export const FailedMessage: Story = {
  parameters: {
    reachout: {
      ...openWindow(5 * hour, 4),
      setup: (provider: ReturnType<typeof createMemoryProvider>) => {
        const last = provider.control.snapshot().messages.filter((message) => message.direction === 'outbound').at(-1);
        if (last) provider.control.setMessageStatus(last.id, 'failed', 'The customer’s number can’t receive messages right now');
      },
    },
  },
  play: async ({ canvasElement }) => {
    const thread = await log(canvasElement);
    await within(thread).findByText('Failed: The customer’s number can’t receive messages right now');
  },
};

/** A data provider without `sendMessage`: the thread is read-only. */
export const ReadOnly: Story = {
  parameters: { reachout: { ...openWindow(5 * hour), without: ['sendMessage'] } },
  play: async ({ canvasElement }) => {
    await log(canvasElement);
    await within(canvasElement).findByText(/This conversation is read-only/);
    await expect(within(canvasElement).queryByRole('textbox', { name: 'Message' })).toBeNull();
  },
};

/** A data provider without `listMessages`: the thread says so. */
export const Unsupported: Story = {
  parameters: { reachout: { ...openWindow(5 * hour), without: ['listMessages', 'sendMessage'] } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText(/Conversations can’t be shown here/);
  },
};

/** Every request takes 800 ms. */
export const SlowNetwork: Story = {
  parameters: { reachout: { options: { ...openWindow(5 * hour).options, latencyMs: 800 } } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByText('Loading messages…');
    await log(canvasElement);
  },
};

export const Dark: Story = { ...WindowOpen, globals: { theme: 'dark' } };
export const DarkWindowClosed: Story = { ...WindowClosed, globals: { theme: 'dark' } };

/** An Arabic conversation, right to left. */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  parameters: {
    reachout: {
      options: conversation({
        count: 6,
        lastInboundAt: windowClosingIn(2 * hour + 30_000),
        lines: {
          template: 'مرحبًا آنا، طلبك رقم 10423 في الطريق.',
          agent: ['مرحبًا، كيف يمكنني مساعدتك؟', 'تم، سيصلك رابط التتبع قريبًا.'],
          customer: ['لم يصل الطرد بعد.', 'شكرًا جزيلًا!'],
        },
      }),
    },
  },
  play: async ({ canvasElement }) => {
    await log(canvasElement);
    await within(canvasElement).findByText('Window closes in 2 h 0 min');
  },
};
