import { act, cleanup, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReachoutDataProvider } from '../../src/core/provider';
import type { Message, Page } from '../../src/core/types';
import { useChatMessages } from '../../src/data/useChatMessages';
import { useChats } from '../../src/data/useChats';
import { useSendMessage } from '../../src/data/useSendMessage';
import { chat, createMockProvider, page, renderWithProvider, withSubscribe } from './helpers';

afterEach(cleanup);

function message(id: string, at: string, direction: Message['direction'] = 'outbound'): Message {
  return {
    id,
    chatId: 'chat-1',
    contactId: 'contact-1',
    direction,
    kind: 'text',
    text: id,
    author: null,
    status: direction === 'outbound' ? 'sent' : null,
    failureReason: null,
    at,
  };
}

describe('useChatMessages', () => {
  it('asks listMessages for the chat with the page size and a signal, newest first', async () => {
    const listMessages = vi.fn<NonNullable<ReachoutDataProvider['listMessages']>>(async () =>
      page([message('m2', '2026-03-01T10:05:00Z'), message('m1', '2026-03-01T10:00:00Z', 'inbound')]),
    );
    const dataProvider = { ...createMockProvider(), listMessages };
    const { result } = renderWithProvider(() => useChatMessages('chat-1', { limit: 10 }), { dataProvider });
    await waitFor(() => expect(result.current.messages.map((item) => item.id)).toEqual(['m2', 'm1']));
    expect(listMessages).toHaveBeenCalledWith({ chatId: 'chat-1', cursor: null, limit: 10 }, { signal: expect.any(AbortSignal) });
    expect(result.current.isSupported).toBe(true);
    expect(result.current.lastInboundAt).toBe('2026-03-01T10:00:00Z');
  });

  it('takes the later of the newest inbound message and the cached chat’s lastInboundAt, live', async () => {
    const listMessages = vi.fn<NonNullable<ReachoutDataProvider['listMessages']>>(async (): Promise<Page<Message>> =>
      page([message('m1', '2026-03-01T10:00:00Z', 'inbound')]),
    );
    const mock = createMockProvider({
      listChats: async () => page([chat({ id: 'chat-1', contactId: 'contact-1', lastInboundAt: '2026-03-01T09:00:00Z' })]),
    });
    const { emit } = withSubscribe(mock);
    const dataProvider = { ...mock, listMessages };
    const { result } = renderWithProvider(
      () => ({ thread: useChatMessages('chat-1'), chats: useChats('contact-1') }),
      { dataProvider },
    );
    await waitFor(() => expect(result.current.chats.chats).toHaveLength(1));
    await waitFor(() => expect(result.current.thread.lastInboundAt).toBe('2026-03-01T10:00:00Z'));
    act(() => emit({ type: 'chat.updated', chat: chat({ id: 'chat-1', contactId: 'contact-1', lastInboundAt: '2026-03-02T08:00:00Z' }) }));
    await waitFor(() => expect(result.current.thread.lastInboundAt).toBe('2026-03-02T08:00:00Z'));
  });

  it('fetches nothing and says so when the provider has no listMessages', () => {
    const { result } = renderWithProvider(() => useChatMessages('chat-1'), { dataProvider: createMockProvider() });
    expect(result.current.isSupported).toBe(false);
    expect(result.current.messages).toEqual([]);
  });
});

describe('useSendMessage', () => {
  it('sends the input as given and puts the answered message first in the chat’s cached messages', async () => {
    const sent = message('m3', '2026-03-01T11:00:00Z');
    const sendMessage = vi.fn<NonNullable<ReachoutDataProvider['sendMessage']>>(async () => sent);
    const listMessages = vi.fn<NonNullable<ReachoutDataProvider['listMessages']>>(async () => page([message('m1', '2026-03-01T10:00:00Z')]));
    const dataProvider = { ...createMockProvider(), listMessages, sendMessage };
    const { result } = renderWithProvider(() => ({ thread: useChatMessages('chat-1'), send: useSendMessage() }), { dataProvider });
    await waitFor(() => expect(result.current.thread.messages).toHaveLength(1));
    const input = { idempotencyKey: 'key-0000-0001', chatId: 'chat-1', text: 'Hello' };
    await act(() => result.current.send.mutateAsync(input));
    expect(sendMessage).toHaveBeenCalledWith({ input });
    await waitFor(() => expect(result.current.thread.messages.map((item) => item.id)).toEqual(['m3', 'm1']));
  });

  it('rejects with UNKNOWN, without calling anything, when the provider has no sendMessage', async () => {
    const { result } = renderWithProvider(() => useSendMessage(), { dataProvider: createMockProvider() });
    expect(result.current.isSupported).toBe(false);
    await expect(result.current.mutateAsync({ idempotencyKey: 'key-0000-0002', chatId: 'chat-1', text: 'x' })).rejects.toMatchObject({
      code: 'UNKNOWN',
    });
  });
});
