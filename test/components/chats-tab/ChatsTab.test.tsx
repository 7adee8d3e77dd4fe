import '../../../src/styles.css';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatsTab } from '../../../src/components/chats-tab';
import type { ChatsTabProps } from '../../../src/components/chats-tab';
import { REPLY_WINDOW_MS, ReachoutError } from '../../../src/core';
import type { Chat } from '../../../src/core/types';
import { createReachoutQueryClient, ReachoutProvider } from '../../../src/data';
import { createMemoryProvider, fixtures } from '../../../src/testing';
import type { MemoryProvider, MemoryProviderOptions } from '../../../src/testing';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const ana = 'contact-ana-lima';
const waiting = 'Waiting for the customer to reply — free-form messages are locked';

/** Ana's chat after a proactive template: assigned, the customer has not answered yet. */
const awaitingReply: Chat = {
  id: 'chat-ana-1',
  contactId: ana,
  status: 'assigned',
  assignee: fixtures.agents[0]!,
  lastInboundAt: null,
  senderId: 'sender-support',
};

interface RenderTabOptions {
  contactId?: string;
  provider?: MemoryProviderOptions;
  props?: Partial<ChatsTabProps>;
  setup?: (provider: MemoryProvider) => void;
}

function renderTab(options: RenderTabOptions = {}) {
  const provider = createMemoryProvider({ chats: [...fixtures.chats, awaitingReply], ...options.provider });
  options.setup?.(provider);
  const queryClient = createReachoutQueryClient({ defaultOptions: { queries: { retry: false } } });
  const onOpenChat = vi.fn<(chat: Chat) => void>();
  render(
    <ReachoutProvider dataProvider={provider} queryClient={queryClient}>
      <ChatsTab contactId={options.contactId ?? ana} onOpenChat={onOpenChat} {...options.props} />
    </ReachoutProvider>,
  );
  return { provider, onOpenChat };
}

const chatItem = (id: string) => {
  const item = screen.getByRole('list', { name: 'Chats' }).querySelector<HTMLElement>(`li[data-chat-id="${id}"]`);
  if (item === null) throw new Error(`no chat ${id}`);
  return item;
};
const windowOf = (id: string) => chatItem(id).querySelector<HTMLElement>('[data-slot="chats-tab-window"]')!;

describe('ChatsTab', () => {
  it('shows each chat’s status, assignee and reply window', async () => {
    renderTab({ contactId: 'contact-priya-sharma' });
    await screen.findByRole('list', { name: 'Chats' });
    const first = chatItem('chat-priya-2');
    expect(within(first).getByText('Closed')).toBeTruthy();
    expect(within(first).getByText('Bruno Keller')).toBeTruthy();
    // Her last message was long ago: the window has closed.
    expect(windowOf('chat-priya-2').getAttribute('data-state')).toBe('closed');
    expect(windowOf('chat-priya-2').textContent).toMatch(/^The 24-hour window closed at .+ — free-form messages are locked$/);
  });

  it('names a chat by a short reference, never its id, and shows its newest message, who wrote it and when', async () => {
    const at = new Date(Date.now() - 5 * 60 * 1000).toISOString();
    const message = (id: string, direction: 'inbound' | 'outbound', text: string, minutesAgo: number) => ({
      id,
      chatId: 'chat-ana-1',
      contactId: ana,
      direction,
      kind: 'text' as const,
      text,
      author: direction === 'outbound' ? fixtures.agents[0]! : null,
      status: direction === 'outbound' ? ('read' as const) : null,
      failureReason: null,
      at: new Date(Date.parse(at) - minutesAgo * 60 * 1000).toISOString(),
    });
    renderTab({
      provider: {
        messages: [message('m-1', 'inbound', 'Where is my\nparcel?', 10), message('m-2', 'outbound', 'It arrives on Friday.', 0)],
      },
    });
    await screen.findByRole('list', { name: 'Chats' });
    const item = chatItem('chat-ana-1');
    const title = item.querySelector<HTMLElement>('[data-slot="chats-tab-chat-title"]')!;
    expect(title.textContent).toMatch(/^Chat #[0-9A-Z]{6}$/);
    expect(title.textContent).not.toContain('chat-ana-1');
    expect(title.title).toBe('chat-ana-1');
    const last = await waitFor(() => item.querySelector<HTMLElement>('[data-slot="chats-tab-last-message"]') ?? Promise.reject(new Error('no last message')));
    expect(last.querySelector('[data-slot="chats-tab-last-message-text"]')?.textContent).toBe(`${fixtures.agents[0]!.name}: It arrives on Friday.`);
    expect(last.querySelector('time')?.textContent).toBe('5 minutes ago');
  });

  it('shows no last message when the provider cannot list messages', async () => {
    renderTab({ setup: (memory) => delete (memory as Partial<MemoryProvider>).listMessages });
    await screen.findByRole('list', { name: 'Chats' });
    expect(chatItem('chat-ana-1').querySelector('[data-slot="chats-tab-last-message"]')).toBeNull();
  });

  it('is locked until the customer replies, then unlocked with a countdown', async () => {
    const { provider } = renderTab();
    await waitFor(() => expect(windowOf('chat-ana-1').textContent).toBe(waiting));
    expect(windowOf('chat-ana-1').getAttribute('data-state')).toBe('waiting');
    act(() => {
      provider.control.receiveReply(ana, 'Hi! Yes, Tuesday works.');
    });
    await waitFor(() => expect(windowOf('chat-ana-1').getAttribute('data-state')).toBe('open'));
    expect(within(windowOf('chat-ana-1')).getByRole('status').textContent).toMatch(/^You can reply until .+/);
    expect(windowOf('chat-ana-1').querySelector('[data-slot="chats-tab-countdown"]')?.textContent).toBe('24h 0m left');
  });

  it('closes the window 24 hours after the reply (fake clock)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const start = Date.parse('2026-03-10T10:00:00.000Z');
    vi.setSystemTime(start);
    const { provider } = renderTab({ provider: { now: () => new Date(Date.now()) } });
    // waitFor polls with the timers faked here: advance the clock instead.
    const settle = async () => {
      for (let step = 0; step < 5; step += 1) await act(() => vi.advanceTimersByTimeAsync(0));
    };
    const countdown = () => windowOf('chat-ana-1').querySelector('[data-slot="chats-tab-countdown"]')?.textContent;
    await settle();
    expect(windowOf('chat-ana-1').textContent).toBe(waiting);

    act(() => {
      provider.control.receiveReply(ana, 'Hello');
    });
    await settle();
    expect(windowOf('chat-ana-1').getAttribute('data-state')).toBe('open');
    expect(countdown()).toBe('24h 0m left');

    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(countdown()).toBe('23h 59m left');

    // Jump to 90 s before closing: the pending minute timer fires 60 s later, at 30 s left.
    vi.setSystemTime(start + REPLY_WINDOW_MS - 90_000);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(countdown()).toBe('30 seconds left');
    await act(() => vi.advanceTimersByTimeAsync(29_000));
    expect(countdown()).toBe('1 second left');
    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(windowOf('chat-ana-1').getAttribute('data-state')).toBe('closed');
    expect(windowOf('chat-ana-1').textContent).toMatch(/^The 24-hour window closed at /);
    expect(countdown()).toBeUndefined();
  });

  it('calls onOpenChat with the chat from its "Open chat" button', async () => {
    const { onOpenChat } = renderTab();
    const user = userEvent.setup();
    await screen.findByRole('list', { name: 'Chats' });
    await user.click(within(chatItem('chat-ana-1')).getByRole('button', { name: 'Open chat' }));
    expect(onOpenChat).toHaveBeenCalledWith(expect.objectContaining({ id: 'chat-ana-1' }));
  });

  it('says when the contact has no chats, and explains a failure with Retry', async () => {
    renderTab({ contactId: 'contact-layla-haddad' });
    expect(await screen.findByText('No chats yet')).toBeTruthy();
    cleanup();
    renderTab({ setup: (provider) => provider.control.failNext('listChats', new ReachoutError('NETWORK', 'offline')) });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Chats couldn’t be loaded');
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Retry' }));
    await screen.findByRole('list', { name: 'Chats' });
  });
});
