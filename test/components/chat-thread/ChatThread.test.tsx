import '../../../src/styles.css';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatThread } from '../../../src/components/chat-thread';
import type { ChatThreadProps } from '../../../src/components/chat-thread';
import { REPLY_WINDOW_MS, ReachoutError } from '../../../src/core';
import type { ReachoutDataProvider } from '../../../src/core';
import { createReachoutQueryClient, ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProvider, MemoryProviderOptions } from '../../../src/testing';
import { conversation, storyChatId, windowClosingIn } from '../../../stories/chat-thread/chatThreadWorld';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const hour = 60 * 60 * 1000;

interface RenderThreadOptions {
  provider?: MemoryProviderOptions;
  without?: Array<'sendMessage' | 'listMessages'>;
  props?: Partial<ChatThreadProps>;
  setup?: (provider: MemoryProvider) => void;
}

function renderThread(options: RenderThreadOptions = {}) {
  const memory = createMemoryProvider({ ...conversation({ count: 6, lastInboundAt: windowClosingIn(5 * hour) }), ...options.provider });
  options.setup?.(memory);
  const dataProvider: ReachoutDataProvider = { ...memory };
  for (const method of options.without ?? []) delete dataProvider[method];
  const queryClient = createReachoutQueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <ReachoutProvider dataProvider={dataProvider} queryClient={queryClient}>
      <div style={{ height: 480, width: 520 }}>
        <ChatThread chatId={storyChatId} {...options.props} />
      </div>
    </ReachoutProvider>,
  );
  return { provider: memory };
}

const log = () => screen.findByRole('log', { name: 'Conversation' });
const textbox = () => screen.getByRole('textbox', { name: 'Message' });
const messageWithText = (text: string) =>
  screen.getByText(text).closest<HTMLElement>('[data-slot="chat-thread-message"]') ?? (() => { throw new Error(`no message "${text}"`); })();

describe('ChatThread', () => {
  it('shows the notification as its template bubble, then the conversation with day separators and delivery marks', async () => {
    renderThread();
    const thread = await log();
    const template = thread.querySelector<HTMLElement>('[data-slot="chat-thread-message"][data-kind="template"]');
    expect(template?.querySelector('[data-slot="template-preview-bubble"]')).not.toBeNull();
    expect(template?.textContent).toContain('your order #10423 is on its way');
    expect(thread.querySelectorAll('[data-slot="chat-thread-day"]').length).toBeGreaterThan(0);
    const outbound = thread.querySelector<HTMLElement>('[data-message-id="story-message-2"]')!;
    expect(outbound).toHaveAttribute('data-direction', 'outbound');
    expect(within(outbound).getByText('Read')).toBeInTheDocument();
    expect(messageWithText('Can you send it again?')).toHaveAttribute('data-direction', 'inbound');
    expect(screen.getByText('Window closes in 4 h 59 min')).toBeInTheDocument();
  });

  it('names the day separators after the given clock: "Yesterday", else the date in the locale', async () => {
    const world = conversation({ count: 3, lastInboundAt: new Date(2026, 2, 10, 12, 0) });
    renderThread({ provider: world, props: { now: () => new Date(2026, 2, 11, 9, 0) } });
    const thread = await log();
    expect(within(thread).getByText('Yesterday')).toBeInTheDocument();
    cleanup();
    renderThread({ provider: world, props: { now: () => new Date(2026, 2, 20, 9, 0) } });
    expect(within(await log()).getByText('March 10, 2026')).toBeInTheDocument();
  });

  it('sends with Enter: the message shows pending at once, turns sent, then read when WhatsApp says so', async () => {
    const { provider } = renderThread({ provider: { latencyMs: 150 } });
    const user = userEvent.setup();
    await log();
    await user.type(textbox(), 'See you on Friday!{Enter}');
    expect(textbox()).toHaveValue('');
    const pending = messageWithText('See you on Friday!');
    expect(within(pending).getByText('Sending')).toBeInTheDocument();
    await waitFor(() => expect(within(messageWithText('See you on Friday!')).getByText('Sent')).toBeInTheDocument());
    const send = provider.control.calls.find((call) => call.method === 'sendMessage');
    expect(send?.params).toEqual({ input: { idempotencyKey: expect.any(String), chatId: storyChatId, text: 'See you on Friday!' } });
    const sent = provider.control.snapshot().messages.find((message) => message.text === 'See you on Friday!')!;
    act(() => {
      provider.control.setMessageStatus(sent.id, 'read');
    });
    await waitFor(() => expect(within(messageWithText('See you on Friday!')).getByText('Read')).toBeInTheDocument());
  });

  it('adds a line with Shift+Enter instead of sending', async () => {
    const { provider } = renderThread();
    const user = userEvent.setup();
    await log();
    await user.type(textbox(), 'First line{Shift>}{Enter}{/Shift}second line');
    expect(textbox()).toHaveValue('First line\nsecond line');
    expect(provider.control.calls.some((call) => call.method === 'sendMessage')).toBe(false);
  });

  it('marks a failed send with the reason, and Retry sends it again with the same idempotency key', async () => {
    const { provider } = renderThread({
      setup: (memory) => memory.control.failNext('sendMessage', new ReachoutError('NETWORK', 'Failed to fetch')),
    });
    const user = userEvent.setup();
    await log();
    await user.type(textbox(), 'Are you there?{Enter}');
    const failed = await screen.findByRole('alert');
    expect(failed.textContent).toContain('Can’t reach the server');
    expect(within(messageWithText('Are you there?')).getByText(/^Failed: Can’t reach the server/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(messageWithText('Are you there?')).getByText('Sent')).toBeInTheDocument());
    const keys = provider.control.calls
      .filter((call) => call.method === 'sendMessage')
      .map((call) => (call.method === 'sendMessage' ? call.params.input.idempotencyKey : null));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(screen.getAllByText('Are you there?')).toHaveLength(1);
  });

  it('offers Retry on a message WhatsApp failed after accepting it, sending it again with its key as the same row', async () => {
    const { provider } = renderThread();
    const user = userEvent.setup();
    await log();
    await user.type(textbox(), 'Your refund is on its way{Enter}');
    await waitFor(() => expect(within(messageWithText('Your refund is on its way')).getByText('Sent')).toBeInTheDocument());
    const id = messageWithText('Your refund is on its way').getAttribute('data-message-id')!;
    act(() => {
      provider.control.setMessageStatus(id, 'failed', 'Number blocked');
    });
    await screen.findByRole('button', { name: 'Retry' });
    expect(screen.queryByRole('button', { name: 'Discard' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(messageWithText('Your refund is on its way')).getByText('Sent')).toBeInTheDocument());
    expect(messageWithText('Your refund is on its way')).toHaveAttribute('data-message-id', id);
    expect(screen.getAllByText('Your refund is on its way')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    const keys = provider.control.calls.flatMap((call) => (call.method === 'sendMessage' ? [call.params.input.idempotencyKey] : []));
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('retries a failed template send with the same key and input, keeping one template bubble', async () => {
    const { provider } = renderThread({
      provider: conversation({ count: 4, lastInboundAt: new Date(Date.now() - 30 * hour) }),
      setup: (memory) => memory.control.failNext('sendMessage', new ReachoutError('NETWORK', 'Failed to fetch')),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Send template' }));
    await user.click(await screen.findByRole('radio', { name: /support_callback/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Body {{1}}'), 'Ana');
    await user.type(screen.getByLabelText('Body {{2}}'), '#4471');
    await user.click(screen.getByRole('button', { name: 'Send template' }));
    const templates = () =>
      [...document.querySelectorAll<HTMLElement>('[data-slot="chat-thread-message"][data-kind="template"]')].filter((element) =>
        element.textContent?.includes('ticket #4471'),
      );
    await screen.findByRole('button', { name: 'Retry' });
    expect(within(templates()[0]!).getByText(/^Failed: Can’t reach the server/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(templates()[0]!).getByText('Sent')).toBeInTheDocument());
    expect(templates()).toHaveLength(1);
    const inputs = provider.control.calls.flatMap((call) => (call.method === 'sendMessage' ? [call.params.input] : []));
    expect(inputs).toHaveLength(2);
    expect(inputs[1]).toEqual(inputs[0]);
  });

  it('shows a send once when the provider reports its copy before answering, and keeps Retry on a failed one', async () => {
    let answer: () => void = () => {};
    let failAnswer = false;
    renderThread({
      setup: (memory) => {
        const sendMessage = memory.sendMessage.bind(memory);
        // A server's event stream can bring `message.added` before the POST's answer.
        memory.sendMessage = async (params, context) => {
          const message = await sendMessage(params, context);
          await new Promise<void>((resolve) => (answer = resolve));
          if (failAnswer) throw new ReachoutError('NETWORK', 'Failed to fetch');
          return message;
        };
      },
    });
    const user = userEvent.setup();
    await log();
    await user.type(textbox(), 'Only once{Enter}');
    await waitFor(() => expect(messageWithText('Only once')).not.toHaveAttribute('data-message-id', expect.stringMatching(/^outgoing:/)));
    expect(screen.getAllByText('Only once')).toHaveLength(1);
    act(() => answer());
    await waitFor(() => expect(within(messageWithText('Only once')).getByText('Sent')).toBeInTheDocument());
    expect(screen.getAllByText('Only once')).toHaveLength(1);

    failAnswer = true;
    await user.type(textbox(), 'Answer lost{Enter}');
    await waitFor(() => expect(messageWithText('Answer lost')).not.toHaveAttribute('data-message-id', expect.stringMatching(/^outgoing:/)));
    act(() => answer());
    await screen.findByRole('button', { name: 'Retry' });
    expect(screen.getAllByText('Answer lost')).toHaveLength(1);
  });

  it('sends once however fast Enter is pressed, even three presses in one task', async () => {
    const { provider } = renderThread({ provider: { latencyMs: 50 } });
    const user = userEvent.setup();
    await log();
    await user.type(textbox(), 'Once');
    // Dispatched in one task, with no re-render between them, as a held-down key can.
    act(() => {
      for (let press = 0; press < 3; press += 1) fireEvent.keyDown(textbox(), { key: 'Enter' });
    });
    await waitFor(() => expect(within(messageWithText('Once')).getByText('Sent')).toBeInTheDocument());
    expect(provider.control.calls.filter((call) => call.method === 'sendMessage')).toHaveLength(1);
  });

  it('shows the customer’s new message live', async () => {
    const { provider } = renderThread();
    await log();
    act(() => {
      provider.control.receiveReply('contact-ana-lima', 'One more question!');
    });
    expect(await screen.findByText('One more question!')).toBeInTheDocument();
  });

  it('locks the composer when the window closes (fake clock), explaining why', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const start = Date.parse('2026-03-10T10:00:00.000Z');
    vi.setSystemTime(start);
    renderThread({ provider: conversation({ count: 4, lastInboundAt: new Date(start - REPLY_WINDOW_MS + 90_000) }) });
    const settle = async () => {
      for (let step = 0; step < 5; step += 1) await act(() => vi.advanceTimersByTimeAsync(0));
    };
    await settle();
    expect(textbox()).toBeEnabled();
    expect(screen.getByText('Window closes in 1 min')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.getByText('Window closes in 30 s')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(textbox()).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    expect(screen.getByText('The customer has not replied in 24 hours: only a template can reopen the conversation')).toBeInTheDocument();
  });

  it('offers the built-in "Send template" only once a message names the chat’s contact', async () => {
    renderThread({ provider: conversation({ count: 0, lastInboundAt: null }) });
    await screen.findByText('No messages yet');
    expect(screen.getByText('The customer has not replied yet: only a template can be sent until they do')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send template' })).toBeNull();
  });

  it('calls the host’s onSendTemplate instead of opening the template panel, for a host with its own flow', async () => {
    const onSendTemplate = vi.fn();
    renderThread({ provider: conversation({ count: 4, lastInboundAt: new Date(Date.now() - 30 * hour) }), props: { onSendTemplate } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Send template' }));
    expect(onSendTemplate).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('radio', { name: /order_update/ })).toBeNull();
  });

  it('sends a template from "Send template" when the window is closed: pending at once as its bubble, then sent; the reply reopens the window', async () => {
    const { provider } = renderThread({ provider: { ...conversation({ count: 4, lastInboundAt: new Date(Date.now() - 30 * hour) }), latencyMs: 150 } });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Send template' }));
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    await user.click(await screen.findByRole('radio', { name: /order_update/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Header {{1}}'), '#1002');
    await user.type(screen.getByLabelText('Body {{1}}'), 'Ana');
    await user.type(screen.getByLabelText('Body {{2}}'), 'DHL');
    await user.type(screen.getByLabelText('Body {{3}}'), 'Friday');
    await user.click(screen.getByRole('button', { name: 'Send template' }));

    const text = 'Hi Ana, good news: your order is on its way with DHL. Expected delivery: Friday.';
    const sentTemplates = () =>
      [...document.querySelectorAll<HTMLElement>('[data-slot="chat-thread-message"][data-kind="template"]')].filter((element) =>
        element.textContent?.includes(text),
      );
    const pending = sentTemplates()[0]!;
    expect(pending).toHaveAttribute('data-kind', 'template');
    expect(pending.querySelector('[data-slot="template-preview-bubble"]')).not.toBeNull();
    expect(within(pending).getByText('Sending')).toBeInTheDocument();
    // The panel is gone and focus is back on "Send template": the window stays closed until the customer writes.
    expect(screen.getByRole('button', { name: 'Send template' })).toHaveFocus();
    await waitFor(() => expect(within(sentTemplates()[0]!).getByText('Sent')).toBeInTheDocument());
    const send = provider.control.calls.find((call) => call.method === 'sendMessage');
    expect(send?.method === 'sendMessage' && send.params.input).toMatchObject({
      chatId: storyChatId,
      template: { name: 'order_update', language: 'en_US' },
      parameters: { header: { type: 'text', text: '#1002' }, body: { '1': 'Ana', '2': 'DHL', '3': 'Friday' } },
    });
    expect(sentTemplates()).toHaveLength(1);
    expect(textbox()).toBeDisabled();

    act(() => {
      provider.control.receiveReply('contact-ana-lima', 'Thanks, Friday is fine');
    });
    await waitFor(() => expect(textbox()).toBeEnabled());
    expect(screen.queryByRole('button', { name: 'Send template' })).toBeNull();
  });

  it('asks for a template before going on, and closes the template panel with Escape, giving focus back', async () => {
    renderThread({ provider: conversation({ count: 4, lastInboundAt: new Date(Date.now() - 30 * hour) }) });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Send template' }));
    await screen.findByRole('radio', { name: /order_update/ });
    expect(screen.getByRole('heading', { name: 'Send template' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByRole('alert').textContent).toBe('Choose a template to continue');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form', { name: 'Send template' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Send template' })).toHaveFocus();
    expect(textbox()).toBeDisabled();
  });

  it('can be used with the keyboard only: Tab to the box, type, Enter', async () => {
    const { provider } = renderThread();
    const user = userEvent.setup();
    await log();
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('log', { name: 'Conversation' }));
    await user.tab();
    expect(document.activeElement).toBe(textbox());
    await user.keyboard('Typed only{Enter}');
    await waitFor(() => expect(provider.control.calls.some((call) => call.method === 'sendMessage')).toBe(true));
    expect(await screen.findByText('Typed only')).toBeInTheDocument();
  });

  it('shows a counter near the 4,096-character limit and refuses to send past it', async () => {
    renderThread();
    await log();
    act(() => {
      // Typing 4,000 characters key by key would be slow: paste them.
      textbox().focus();
    });
    const user = userEvent.setup();
    await user.paste('a'.repeat(4000));
    expect(screen.getByText('96 characters left')).toBeInTheDocument();
    await user.paste('b'.repeat(100));
    expect(screen.getByText('4 characters too many')).toBeInTheDocument();
    expect(textbox()).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('loads older messages when scrolled to the top, keeping the same message in view', async () => {
    const { provider } = renderThread({
      provider: { ...conversation({ count: 200, lastInboundAt: windowClosingIn(5 * hour) }), latencyMs: 150 },
      props: { pageSize: 30 },
    });
    const thread = await log();
    await waitFor(() => expect(thread.scrollTop).toBeGreaterThan(0));
    const listCalls = () => provider.control.calls.filter((call) => call.method === 'listMessages').length;
    const before = listCalls();
    act(() => {
      thread.scrollTop = 0;
      thread.dispatchEvent(new Event('scroll'));
    });
    // The message at the top of the view while the older page is on its way.
    const offsetOf = (node: HTMLElement) => node.getBoundingClientRect().top - thread.getBoundingClientRect().top;
    const topMessage = await waitFor(() => {
      const found = [...thread.querySelectorAll<HTMLElement>('[data-slot="chat-thread-message"]')].find((node) => offsetOf(node) >= 0);
      if (!found) throw new Error('no message in view');
      return found;
    });
    const id = topMessage.dataset.messageId;
    const offsetBefore = offsetOf(topMessage);
    await waitFor(() => expect(listCalls()).toBeGreaterThan(before));
    await waitFor(() => expect(thread.scrollTop).toBeGreaterThan(500));
    // Once the older rows are measured at their real height, the message is exactly where it was.
    await waitFor(() => {
      const again = thread.querySelector<HTMLElement>(`[data-message-id="${id}"]`);
      expect(again).not.toBeNull();
      expect(Math.abs(offsetOf(again!) - offsetBefore)).toBeLessThan(1);
    });
  });

  it('follows a new message at the bottom, and leaves the view alone when the person has scrolled up', async () => {
    const { provider } = renderThread({ provider: conversation({ count: 60, lastInboundAt: windowClosingIn(5 * hour) }) });
    const thread = await log();
    await waitFor(() => expect(thread.scrollTop).toBeGreaterThan(0));
    const inView = (node: HTMLElement) => {
      const box = node.getBoundingClientRect();
      const view = thread.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom + 1;
    };
    act(() => {
      provider.control.receiveReply('contact-ana-lima', 'At the bottom, followed');
    });
    await waitFor(() => expect(inView(messageWithText('At the bottom, followed'))).toBe(true));

    act(() => {
      thread.scrollTop -= 600;
      thread.dispatchEvent(new Event('scroll'));
    });
    const scrolledTo = thread.scrollTop;
    const heightBefore = thread.scrollHeight;
    act(() => {
      provider.control.receiveReply('contact-ana-lima', 'While reading older ones');
    });
    // The new message has made the thread taller, below the view.
    await waitFor(() => expect(thread.scrollHeight).toBeGreaterThan(heightBefore));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(thread.scrollTop).toBe(scrolledTo);
  });

  it('says the thread is read-only without sendMessage, and that conversations are not offered without listMessages', async () => {
    renderThread({ without: ['sendMessage'] });
    await log();
    expect(screen.getByText(/This conversation is read-only/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    cleanup();
    renderThread({ without: ['sendMessage', 'listMessages'] });
    expect(await screen.findByText(/Conversations can’t be shown here/)).toBeInTheDocument();
  });
});
