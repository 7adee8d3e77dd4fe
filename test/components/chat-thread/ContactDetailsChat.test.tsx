import '../../../src/styles.css';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, expect, it, vi } from 'vitest';
import { ContactDetails } from '../../../src/components/contact-details';
import type { Chat } from '../../../src/core/types';
import { createReachoutQueryClient, ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';

afterEach(() => {
  cleanup();
});

it('opens a chat from the Chats tab in place, as a ChatThread, and goes back to the chats', async () => {
  const onOpenChat = vi.fn<(chat: Chat) => void>();
  render(
    <ReachoutProvider
      dataProvider={createMemoryProvider()}
      queryClient={createReachoutQueryClient({ defaultOptions: { queries: { retry: false } } })}
    >
      <ContactDetails contactId="contact-hugo-martin" defaultTab="chats" onOpenChat={onOpenChat} />
    </ReachoutProvider>,
  );
  const user = userEvent.setup();
  const chats = await screen.findByRole('list', { name: 'Chats' });
  await user.click(await within(chats).findByRole('button', { name: 'Open chat' }));
  const thread = await screen.findByRole('log', { name: 'Conversation' });
  expect(await within(thread).findByText('The parcel came back? I was home all day.')).toBeInTheDocument();
  expect(onOpenChat).toHaveBeenCalledWith(expect.objectContaining({ id: 'chat-hugo-1' }));
  await user.click(screen.getByRole('button', { name: 'Back to chats' }));
  expect(await screen.findByRole('list', { name: 'Chats' })).toBeInTheDocument();
});
