import '../../../src/styles.css';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ContactDetails } from '../../../src/components/contact-details';
import type { ContactDetailsProps } from '../../../src/components/contact-details';
import { ReachoutError } from '../../../src/core';
import { createReachoutQueryClient, ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import type { MemoryProvider, MemoryProviderOptions } from '../../../src/testing';

afterEach(cleanup);

function renderDetails(props: Partial<ContactDetailsProps> = {}, options: MemoryProviderOptions = {}, setup?: (provider: MemoryProvider) => void) {
  const provider = createMemoryProvider({ verifyAfterMs: null, ...options });
  setup?.(provider);
  const queryClient = createReachoutQueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <ReachoutProvider dataProvider={provider} queryClient={queryClient}>
      <ContactDetails contactId="contact-ana-lima" {...props} />
    </ReachoutProvider>,
  );
  return { provider, user };
}

const heading = (name: string) => screen.findByRole('heading', { name }, { timeout: 3000 });

describe('ContactDetails', () => {
  it('shows the name as a heading, the formatted phone and the email', async () => {
    renderDetails();
    const title = await heading('Ana Lima');
    const header = title.closest('header') as HTMLElement;
    expect(header.textContent).toContain('ana.lima@example.com');
    // Formatted once the phone chunk has loaded.
    await waitFor(() => expect(header.textContent).toContain('+55 11 98765 4321'));
    expect(screen.getByRole('region', { name: 'Ana Lima' })).toBeTruthy();
    expect(within(header).queryByText('Opted out')).toBeNull();
  });

  it('moves between the Timeline, Tickets and Chats tabs with the arrow keys and shows each widget', async () => {
    const { user } = renderDetails();
    await heading('Ana Lima');
    const timeline = screen.getByRole('tab', { name: 'Timeline' });
    expect(timeline.getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(screen.getByRole('tabpanel', { name: 'Timeline' }).querySelector('[data-slot^="contact-timeline"]')).not.toBeNull());

    timeline.focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Tickets' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Tickets' }));
    await waitFor(() => expect(screen.getByRole('tabpanel', { name: 'Tickets' }).querySelector('[data-slot^="tickets-tab"]')).not.toBeNull());
    expect(document.querySelector('[data-slot^="contact-timeline"]')).toBeNull();

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Chats' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(screen.getByRole('tabpanel', { name: 'Chats' }).querySelector('[data-slot^="chats-tab"]')).not.toBeNull());
    expect(document.querySelector('[data-slot^="tickets-tab"]')).toBeNull();

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Timeline' }).getAttribute('aria-selected')).toBe('true');
  });

  it('follows a controlled tab', async () => {
    renderDetails({ tab: 'tickets' });
    await heading('Ana Lima');
    expect(screen.getByRole('tab', { name: 'Tickets' }).getAttribute('aria-selected')).toBe('true');
  });

  it('opens the Send message wizard for this contact', async () => {
    const { user } = renderDetails();
    await heading('Ana Lima');
    await user.click(screen.getByRole('button', { name: 'Send message' }));
    const dialog = await screen.findByRole('dialog', { name: 'Send message' });
    await waitFor(() => expect(dialog.textContent).toContain('Ana Lima'));
  });

  it('marks an opted-out contact with a badge', async () => {
    renderDetails({ contactId: 'contact-olga-ivanova' });
    const title = await heading('Olga Ivanova');
    expect(within(title.closest('header') as HTMLElement).getByText('Opted out')).toBeTruthy();
  });

  it('says the contact does not exist when the provider answers NOT_FOUND', async () => {
    renderDetails({ contactId: 'contact-nobody' });
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toBe('This contact doesn’t exist or was deleted');
    expect(screen.queryByRole('button', { name: 'Send message' })).toBeNull();
  });

  it('says why loading failed and loads the contact again on Retry', async () => {
    const { user } = renderDetails({}, {}, (provider) => provider.control.failNext('getContact', new ReachoutError('NETWORK', 'offline')));
    const alert = await screen.findByRole('alert', {}, { timeout: 3000 });
    expect(alert.textContent).toContain('This contact couldn’t be loaded');
    expect(alert.textContent).toContain('Can’t reach the server');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await heading('Ana Lima')).toBeTruthy();
  });

  it('shows a ticket sent through the wizard in the Tickets tab without a reload', async () => {
    const { user, provider } = renderDetails({ defaultTab: 'tickets' });
    const ticketId = await sendThroughWizard(user, provider);

    const row = await ticketRow(ticketId);
    expect(row.getAttribute('data-state')).toBe('verifying');
    provider.control.completeVerification(ticketId, 'success');
    await waitFor(() => expect(row.getAttribute('data-state')).not.toBe('verifying'));
  });

  it('shows a failed verification in both the Tickets and the Timeline tabs without a reload', async () => {
    const { user, provider } = renderDetails({ defaultTab: 'tickets' });
    const ticketId = await sendThroughWizard(user, provider);
    const row = await ticketRow(ticketId);

    const failed = provider.control.completeVerification(ticketId, 'failed');
    await waitFor(() => expect(row.getAttribute('data-state')).toBe('failed'));
    expect(failed.notification.failureReason).toBeTruthy();
    expect(row.textContent).toContain(failed.notification.failureReason);

    await user.click(screen.getByRole('tab', { name: 'Timeline' }));
    const timeline = await screen.findByRole('list', { name: 'Timeline' });
    await waitFor(() => expect(within(timeline).getAllByRole('listitem')[0]?.textContent).toContain('Notification failed'));
  });
});

type User = ReturnType<typeof userEvent.setup>;

/** Walks the wizard for Ana with order_update and answers the id of the verifying ticket it made. */
async function sendThroughWizard(user: User, provider: MemoryProvider): Promise<string> {
  await heading('Ana Lima');
  await screen.findByRole('tabpanel', { name: 'Tickets' });
  await user.click(screen.getByRole('button', { name: 'Send message' }));

  await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(await screen.findByRole('radio', { name: /order_update/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.type(screen.getByLabelText('Header {{1}}'), '#10423');
  await user.selectOptions(screen.getByRole('combobox', { name: 'Fill Body {{1}} from' }), 'name');
  await user.type(screen.getByLabelText('Body {{2}}'), 'DHL Express');
  await user.type(screen.getByLabelText('Body {{3}}'), 'Friday');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.type(screen.getByLabelText('Description'), 'Follow up on the delivery');
  await user.click(screen.getByRole('button', { name: 'Create ticket and send' }));

  await waitFor(() => expect(provider.control.snapshot().tickets.some((ticket) => ticket.status === 'verifying')).toBe(true));
  const ticket = provider.control.snapshot().tickets.find((candidate) => candidate.status === 'verifying');
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  if (!ticket) throw new Error('the wizard made no verifying ticket');
  return ticket.id;
}

function ticketRow(ticketId: string): Promise<HTMLElement> {
  return waitFor(() => {
    const found = screen.getByRole('table', { name: 'Tickets' }).querySelector<HTMLElement>(`tr[data-ticket-id="${ticketId}"]`);
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });
}
