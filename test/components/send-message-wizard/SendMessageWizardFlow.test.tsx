import '../../../src/styles.css';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ReachoutError } from '../../../src/core';
import { ticketReference } from '../../../src/components/internal/ticketReference';
import { renderWizard } from './dialogHelpers';
import { hugoMartin } from './helpers';

afterEach(cleanup);

type User = ReturnType<typeof userEvent.setup>;

async function toContentOf(user: User, template: RegExp) {
  await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(await screen.findByRole('radio', { name: template }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
}

const previewImage = () => document.querySelector<HTMLImageElement>('[data-slot="template-preview-image"]');
const errorOf = (field: HTMLElement) =>
  (field.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('SendMessageWizard image links', () => {
  it('refuses an http:// image link, as its hint asks for https', async () => {
    const { user } = renderWizard();
    await toContentOf(user, /seasonal_promo/);
    const link = screen.getByLabelText('Image link');
    await user.type(link, 'http://cdn.example.com/sale.png');
    await user.tab();
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(errorOf(link)).toContain('Enter a link that starts with https://');
    await user.clear(link);
    await user.type(link, 'https://cdn.example.com/sale.png');
    expect(link.getAttribute('aria-invalid')).toBeNull();
  });

  it('does not request a link that is not a URL for the preview', async () => {
    const { user } = renderWizard();
    await toContentOf(user, /seasonal_promo/);
    const link = screen.getByLabelText('Image link');
    await user.type(link, 'not a url');
    await user.tab();
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(previewImage()).toBeNull();
    expect(performance.getEntriesByType('resource').some((entry) => entry.name.includes('not%20a%20url'))).toBe(false);
    await user.clear(link);
    await user.type(link, 'https://cdn.example.com/sale.png');
    await waitFor(() => expect(previewImage()?.getAttribute('src')).toBe('https://cdn.example.com/sale.png'));
  });

  it('takes the link the host’s upload answers, even over http', async () => {
    const { user, provider } = renderWizard();
    provider.uploadMedia = async () => ({ url: 'http://localhost:8787/media/1' });
    await toContentOf(user, /seasonal_promo/);
    await user.upload(screen.getByLabelText('Upload a file'), new File(['png'], 'sale.png', { type: 'image/png' }));
    const link = screen.getByLabelText('Image link') as HTMLInputElement;
    await waitFor(() => expect(link.value).toBe('http://localhost:8787/media/1'));
    expect(link.getAttribute('aria-invalid')).toBeNull();
  });
});

async function sendOrderUpdate(user: User, assignee?: string) {
  await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.click(await screen.findByRole('radio', { name: /order_update/ }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await user.type(screen.getByLabelText('Header {{1}}'), '#1');
  await user.type(screen.getByLabelText('Body {{1}}'), 'Ana');
  await user.type(screen.getByLabelText('Body {{2}}'), 'DHL');
  await user.type(screen.getByLabelText('Body {{3}}'), 'Friday');
  await user.click(screen.getByRole('button', { name: 'Next' }));
  if (assignee !== undefined) await user.selectOptions(await screen.findByRole('combobox', { name: 'Assignee' }), assignee);
  await user.click(screen.getByRole('button', { name: 'Create ticket and send' }));
}

/** The status step's own buttons (the dialog's × is also named "Close"). */
const statusActions = () =>
  within(document.querySelector<HTMLElement>('[data-slot="send-message-wizard-step"] [data-slot="send-message-wizard-footer"]') as HTMLElement);
const statusNotice = () => document.querySelector<HTMLElement>('[data-slot="send-message-wizard-status"]');
const summary = () => document.querySelector<HTMLElement>('[data-slot="send-message-wizard-summary"]');
const lastMarker = () => {
  const items = within(screen.getByRole('list', { name: 'Steps' })).getAllByRole('listitem');
  return items.at(-1) as HTMLElement;
};

describe('SendMessageWizard status step', () => {
  it('says what was sent while verifying: ticket reference, template, number and assignee, with a spinner', async () => {
    const { user, provider } = renderWizard();
    await sendOrderUpdate(user, 'Bruno Keller');
    await waitFor(() => expect(statusNotice()?.textContent).toMatch(/Verifying the number/));
    const ticket = provider.control.snapshot().tickets.find((entry) => entry.status === 'verifying');
    expect(ticket).toBeDefined();
    expect(statusNotice()?.querySelector('[data-slot="send-message-wizard-spinner"]')).not.toBeNull();
    const text = summary()?.textContent ?? '';
    expect(text).toContain(ticketReference(ticket?.id ?? ''));
    expect(text).toContain('order_update');
    expect(text).toContain('+55 11 98765 4321');
    expect(text).toContain('Bruno Keller');
    provider.control.completeVerification(ticket?.id ?? '', 'success');
    await waitFor(() => expect(statusNotice()?.textContent).toMatch(/Message sent/));
    expect(statusNotice()?.querySelector('[data-slot="send-message-wizard-spinner"]')).toBeNull();
  });

  it('offers Close after a failed verification, and marks the last step failed rather than done', async () => {
    const { user, provider, onOpenChange } = renderWizard();
    await sendOrderUpdate(user);
    await waitFor(() => expect(statusNotice()?.textContent).toMatch(/Verifying the number/));
    const ticketId = provider.control.snapshot().tickets.find((entry) => entry.status === 'verifying')?.id ?? '';
    provider.control.completeVerification(ticketId, 'failed');
    await waitFor(() => expect(statusNotice()?.textContent).toMatch(/WhatsApp could not deliver it/));
    expect(lastMarker().getAttribute('data-state')).toBe('failed');
    expect(lastMarker().getAttribute('aria-current')).toBe('step');
    const marker = lastMarker().querySelector('[data-slot="send-message-wizard-stepper-number"]') as HTMLElement;
    const accent = getComputedStyle(screen.getByRole('button', { name: 'Edit' }).parentElement as HTMLElement).getPropertyValue('--reachout-color-accent');
    expect(getComputedStyle(marker).backgroundColor).not.toBe(colourOf(accent));
    expect(summary()?.textContent).toContain('Unassigned');
    await user.click(statusActions().getByRole('button', { name: 'Close' }));
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('offers Close and Retry when the send itself failed on the network', async () => {
    const { user, provider } = renderWizard();
    provider.control.failNext('sendNotification', new ReachoutError('NETWORK', 'offline'));
    await sendOrderUpdate(user);
    await screen.findByText('Can’t reach the server. Check your connection and try again.');
    expect(statusActions().getByRole('button', { name: 'Retry' })).toBeTruthy();
    expect(statusActions().getByRole('button', { name: 'Close' })).toBeTruthy();
    expect(lastMarker().getAttribute('data-state')).toBe('failed');
  });
});

/** A CSS colour as the browser computes it. */
function colourOf(value: string) {
  const probe = document.createElement('div');
  probe.style.color = value;
  document.body.append(probe);
  const result = getComputedStyle(probe).color;
  probe.remove();
  return result;
}

describe('SendMessageWizard active chat', () => {
  it('closes the wizard when "Open chat" hands the chat to the host', async () => {
    const { user, onOpenChat, onOpenChange } = renderWizard({ props: { contactId: hugoMartin } });
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Open chat' }));
    expect(onOpenChat).toHaveBeenCalledWith(expect.objectContaining({ contactId: hugoMartin }));
    expect(onOpenChange).toHaveBeenCalledWith(false);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Send message' })).toBeNull());
  });
});
