import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SendMessageWizard } from '../../../src/components/send-message-wizard';
import { buildTemplateMessage, ReachoutError } from '../../../src/core';
import { ReachoutProvider } from '../../../src/data';
import { createMemoryProvider } from '../../../src/testing';
import { dialog, renderWizard } from './dialogHelpers';
import { anaLima, callsOf, hugoMartin, olgaIvanova, orderUpdate } from './helpers';

afterEach(cleanup);

const expectedParameters = {
  header: { type: 'text' as const, text: '#10423' },
  body: { '1': 'Ana Lima', '2': 'DHL Express', '3': 'Friday' },
};

/** The status step's visible text (the announcer repeats it for screen readers). */
function visibleStatus() {
  return document.querySelector('[data-slot="send-message-wizard-status"]')?.textContent ?? '';
}

function currentStep() {
  return within(screen.getByRole('list', { name: 'Steps' })).getByRole('listitem', { current: 'step' }).textContent;
}

describe('SendMessageWizard', () => {
  it('walks the whole flow with the mouse and sends the exact payload', async () => {
    const { user, provider, onSent } = renderWizard();
    expect(dialog()).toBeTruthy();
    expect(currentStep()).toContain('Recipient');
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    expect((screen.getByLabelText('To') as HTMLInputElement).value).toBe('+55 11 98765 4321');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(currentStep()).toContain('Template');
    await user.click(await screen.findByRole('radio', { name: /order_update/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(currentStep()).toContain('Content');
    await user.type(screen.getByLabelText('Header {{1}}'), '#10423');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Fill Body {{1}} from' }), 'name');
    await user.type(screen.getByLabelText('Body {{2}}'), 'DHL Express');
    await user.type(screen.getByLabelText('Body {{3}}'), 'Friday');
    expect(within(dialog()).getByLabelText(/Preview of order_update/).textContent).toContain('Ana Lima');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    expect(currentStep()).toContain('Ticket');
    await user.selectOptions(screen.getByLabelText('Priority'), 'urgent');
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Assignee' }), 'Bruno Keller');
    await user.type(screen.getByLabelText('Description'), 'Follow up on the delivery');
    await user.click(screen.getByRole('button', { name: 'Create ticket and send' }));

    await waitFor(() => expect(visibleStatus()).toMatch(/Verifying the number with WhatsApp/));
    const [call, ...more] = callsOf(provider, 'sendNotification');
    expect(more).toHaveLength(0);
    expect(call?.params.input).toEqual({
      idempotencyKey: expect.any(String),
      contactId: anaLima,
      senderId: 'sender-support',
      to: '+5511987654321',
      template: { id: orderUpdate().id, name: 'order_update', language: 'en_US' },
      parameters: expectedParameters,
      message: buildTemplateMessage({ to: '+5511987654321', template: orderUpdate(), parameters: expectedParameters }),
      ticket: { priority: 'urgent', assigneeId: 'agent-bruno-keller', description: 'Follow up on the delivery' },
    });

    const ticketId = provider.control.snapshot().tickets.find((ticket) => ticket.status === 'verifying')?.id ?? '';
    provider.control.completeVerification(ticketId, 'success');
    await waitFor(() => expect(visibleStatus()).toMatch(/Message sent\. Ticket created \(Assigned\)/));
    expect(screen.getByRole('status').textContent).toContain('Message sent');
    expect(onSent).toHaveBeenCalledTimes(1);
    expect(onSent).toHaveBeenCalledWith(expect.objectContaining({ id: ticketId }));
  });

  it('walks the whole flow with the keyboard only', async () => {
    const { user, provider } = renderWizard();
    const radio = await screen.findByRole('radio', { name: /Acme Support/ });
    // Tab from the dialog's first focus to the first sender, choose it with Space.
    while (document.activeElement !== radio) await user.tab();
    await user.keyboard(' ');
    expect((radio as HTMLInputElement).checked).toBe(true);
    while (document.activeElement !== screen.getByRole('button', { name: 'Next' })) await user.tab();
    await user.keyboard('{Enter}');

    expect(currentStep()).toContain('Template');
    expect(document.activeElement?.textContent).toBe('Template');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search templates' }));
    await user.keyboard('order_up');
    await waitFor(() => expect(screen.getAllByRole('radio')).toHaveLength(1));
    await user.tab();
    await user.keyboard(' ');
    expect((screen.getByRole('radio', { name: /order_update/ }) as HTMLInputElement).checked).toBe(true);
    while (document.activeElement !== screen.getByRole('button', { name: 'Next' })) await user.tab();
    await user.keyboard('{Enter}');

    expect(currentStep()).toContain('Content');
    await user.tab();
    expect(document.activeElement).toBe(screen.getByLabelText('Header {{1}}'));
    await user.keyboard('#10423');
    await user.tab(); // Fill Header {{1}} from
    await user.tab();
    await user.keyboard('Ana Lima');
    await user.tab(); // Fill Body {{1}} from
    await user.tab();
    await user.keyboard('DHL Express');
    await user.tab();
    await user.tab();
    await user.keyboard('Friday');
    while (document.activeElement !== screen.getByRole('button', { name: 'Next' })) await user.tab();
    await user.keyboard('{Enter}');

    expect(currentStep()).toContain('Ticket');
    while (document.activeElement !== screen.getByRole('button', { name: 'Create ticket and send' })) await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(visibleStatus()).toMatch(/Verifying the number with WhatsApp/));
    expect(callsOf(provider, 'sendNotification')[0]?.params.input.parameters).toEqual(expectedParameters);
  });

  it('sends once when "Create ticket and send" is clicked three times', async () => {
    const { user, provider } = renderWizard({ provider: { latencyMs: 50 } });
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /order_update/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Header {{1}}'), '#1');
    await user.type(screen.getByLabelText('Body {{1}}'), 'Ana');
    await user.type(screen.getByLabelText('Body {{2}}'), 'DHL');
    await user.type(screen.getByLabelText('Body {{3}}'), 'Friday');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.tripleClick(screen.getByRole('button', { name: 'Create ticket and send' }));
    await waitFor(() => expect(visibleStatus()).toMatch(/Verifying the number with WhatsApp/));
    expect(callsOf(provider, 'sendNotification')).toHaveLength(1);
  });

  it('blocks a contact with an active chat and offers Open chat', async () => {
    const { user, onOpenChat } = renderWizard({ props: { contactId: hugoMartin } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This contact has an active chat');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(currentStep()).toContain('Recipient');
    await user.click(within(alert).getByRole('button', { name: 'Open chat' }));
    expect(onOpenChat).toHaveBeenCalledWith(expect.objectContaining({ contactId: hugoMartin }));
  });

  it('starts with focus on the step title, one Tab away from the first field', async () => {
    const { user } = renderWizard();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Recipient'));
    await screen.findByRole('radio', { name: /Acme Support/ });
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: /Acme Support/ }));
  });

  it('blocks an opted-out contact', async () => {
    renderWizard({ props: { contactId: olgaIvanova } });
    expect((await screen.findByRole('alert')).textContent).toContain('opted out');
    expect(screen.queryByRole('button', { name: 'Open chat' })).toBeNull();
  });

  it('shows a disconnected sender disabled with the reason', async () => {
    renderWizard();
    const legacy = (await screen.findByRole('radio', { name: /Acme UK/ })) as HTMLInputElement;
    expect(legacy.disabled).toBe(true);
    expect(document.getElementById(legacy.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Disconnected: can’t send');
  });

  it('lists templates that are not approved as disabled and says why', async () => {
    const { user } = renderWizard({ props: { defaultStep: 'recipient' } });
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const pending = (await screen.findByRole('radio', { name: /winter_newsletter/ })) as HTMLInputElement;
    expect(pending.disabled).toBe(true);
    expect(document.getElementById(pending.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Pending review: can’t be sent until WhatsApp approves it',
    );
  });

  it('previews the template under the pointer and under the keyboard focus', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.hover(await screen.findByText('seasonal_promo'));
    expect(screen.getByLabelText(/Preview of seasonal_promo/)).toBeTruthy();
    await user.hover(screen.getByText('invoice_ready'));
    expect(screen.getByLabelText(/Preview of invoice_ready/)).toBeTruthy();
    expect(screen.queryByLabelText(/Preview of seasonal_promo/)).toBeNull();
    // Moving away (inside the modal: the body does not take pointer events) leaves the focused one.
    screen.getByRole('radio', { name: /pickup_ready/ }).focus();
    await user.hover(screen.getByRole('searchbox', { name: 'Search templates' }));
    expect(screen.getByLabelText(/Preview of pickup_ready/)).toBeTruthy();
  });

  it('searches templates on the provider after typing pauses', async () => {
    const { user, provider } = renderWizard();
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('radio', { name: /order_update/ });
    await user.type(screen.getByRole('searchbox', { name: 'Search templates' }), 'invoice');
    await waitFor(() => expect(screen.getAllByRole('radio')).toHaveLength(1));
    const searches = callsOf(provider, 'listTemplates').map((call) => call.params.search);
    expect(searches).toContain('invoice');
    expect(searches).not.toContain('i');
  });

  it('keeps Next from moving on with invalid content and points at the fields', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /order_update/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const next = screen.getByRole('button', { name: 'Next' });
    expect(next.getAttribute('aria-disabled')).toBe('true');
    await user.click(next);
    expect(currentStep()).toContain('Content');
    const header = screen.getByLabelText('Header {{1}}');
    expect(header.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(header));
    const describedBy = (header.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain('Fill this in.');
    await user.type(screen.getByLabelText('Body {{2}}'), 'a     b');
    expect(screen.getByLabelText('Body {{2}}').getAttribute('aria-invalid')).toBe('true');
  });

  it('renders markup, emoji, right-to-left text and long values as text, with the message counter near its limit', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /order_update/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const body1 = screen.getByLabelText('Body {{1}}');
    await user.click(body1);
    await user.paste('<img src=x onerror=alert(1)> 👩🏽‍💻 مرحبا');
    const preview = screen.getByLabelText(/Preview of order_update/);
    expect(preview.querySelector('img')).toBeNull();
    expect(preview.textContent).toContain('<img src=x onerror=alert(1)> 👩🏽‍💻 مرحبا');
    const body2 = screen.getByLabelText('Body {{2}}');
    await user.click(body2);
    await user.paste('x'.repeat(1100));
    expect(screen.getByText(/Message: 1,\d{3} \/ 1,024 characters/)).toBeTruthy();
    expect(screen.getByText(/Too long: 1,\d{3} of at most 1,024 characters\./)).toBeTruthy();
    // A body variable has no limit of its own: no counter beside it, only the message's.
    expect(screen.queryByText('1,100 characters')).toBeNull();
  });

  it('restores the draft when closed and opened again for the same contact', async () => {
    const provider = createMemoryProvider();
    const user = userEvent.setup();
    function Host() {
      const [open, setOpen] = useState(true);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Send message
          </button>
          <SendMessageWizard contactId={anaLima} open={open} onOpenChange={setOpen} />
        </>
      );
    }
    render(
      <ReachoutProvider dataProvider={provider}>
        <Host />
      </ReachoutProvider>,
    );
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /order_update/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Body {{2}}'), 'DHL Express');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    await user.click(screen.getByRole('button', { name: 'Send message' }));
    expect(currentStep()).toContain('Content');
    expect((screen.getByLabelText('Body {{2}}') as HTMLInputElement).value).toBe('DHL Express');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect((screen.getByRole('radio', { name: /order_update/ }) as HTMLInputElement).checked).toBe(true);
  });

  it('offers Retry with the same key after a network failure, and Edit back to the ticket', async () => {
    const { user, provider } = renderWizard();
    provider.control.failNext('sendNotification', new ReachoutError('NETWORK', 'offline'));
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /order_update/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Header {{1}}'), '#1');
    await user.type(screen.getByLabelText('Body {{1}}'), 'Ana');
    await user.type(screen.getByLabelText('Body {{2}}'), 'DHL');
    await user.type(screen.getByLabelText('Body {{3}}'), 'Friday');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Create ticket and send' }));
    await screen.findByText('Can’t reach the server. Check your connection and try again.');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(visibleStatus()).toMatch(/Verifying the number with WhatsApp/));
    const [first, second] = callsOf(provider, 'sendNotification');
    expect(second?.params.input.idempotencyKey).toBe(first?.params.input.idempotencyKey);
  });

  it('disables Retry with a countdown after a rate limit', async () => {
    const { user, provider } = renderWizard();
    provider.control.failNext('sendNotification', new ReachoutError('RATE_LIMITED', 'slow', { retryAfterMs: 30_000 }));
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /order_update/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Header {{1}}'), '#1');
    await user.type(screen.getByLabelText('Body {{1}}'), 'Ana');
    await user.type(screen.getByLabelText('Body {{2}}'), 'DHL');
    await user.type(screen.getByLabelText('Body {{3}}'), 'Friday');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Create ticket and send' }));
    const retry = (await screen.findByRole('button', { name: /Retry in 30 seconds/ })) as HTMLButtonElement;
    expect(retry.disabled).toBe(true);
    expect(screen.getByText(/^Too many requests\. Try again in (30|29) seconds\.$/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(currentStep()).toContain('Ticket');
  });

  it('shows why verification failed and goes back to the content with Edit', async () => {
    const { user, provider } = renderWizard();
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /order_update/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Header {{1}}'), '#1');
    await user.type(screen.getByLabelText('Body {{1}}'), 'Ana');
    await user.type(screen.getByLabelText('Body {{2}}'), 'DHL');
    await user.type(screen.getByLabelText('Body {{3}}'), 'Friday');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Create ticket and send' }));
    await waitFor(() => expect(visibleStatus()).toMatch(/Verifying the number/));
    const ticketId = provider.control.snapshot().tickets.find((ticket) => ticket.status === 'verifying')?.id ?? '';
    provider.control.completeVerification(ticketId, 'failed');
    await waitFor(() => expect(visibleStatus()).toMatch(/WhatsApp could not deliver it:/));
    expect(screen.getByRole('status').textContent).toContain('The message couldn’t be sent.');
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Edit' }));
    expect(currentStep()).toContain('Content');
    expect((screen.getByLabelText('Body {{2}}') as HTMLInputElement).value).toBe('DHL');
  });
});

describe('SendMessageWizard load failures', () => {
  it('says why the templates failed to load and loads them again on Retry', async () => {
    const { user, provider } = renderWizard();
    provider.control.failNext('listTemplates', new ReachoutError('FORBIDDEN', 'no'));
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('You don’t have permission to do this.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('radio', { name: /order_update/ })).toBeTruthy();
  });

  it('says why the agents failed to load and keeps the rest of the ticket usable', async () => {
    const { user, provider } = renderWizard();
    provider.control.failNext('listAgents', new ReachoutError('UNAUTHORIZED', 'expired'));
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: /order_update/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.type(screen.getByLabelText('Header {{1}}'), '#1');
    await user.type(screen.getByLabelText('Body {{1}}'), 'Ana');
    await user.type(screen.getByLabelText('Body {{2}}'), 'DHL');
    await user.type(screen.getByLabelText('Body {{3}}'), 'Friday');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    const assignee = screen.getByRole('combobox', { name: 'Assignee' });
    await waitFor(() => expect(assignee.getAttribute('aria-describedby')).toBeTruthy());
    expect(document.getElementById(assignee.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Your session has expired. Sign in again.',
    );
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(assignee).getAllByRole('option').length).toBeGreaterThan(1));
  });
});

describe('SendMessageWizard media headers', () => {
  async function chooseTemplate(user: ReturnType<typeof userEvent.setup>, name: RegExp) {
    await user.click(await screen.findByRole('radio', { name: /Acme Support/ }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
  }

  it('takes an image link, rejects one that is not http(s), and uploads a file through uploadMedia', async () => {
    const { user, provider } = renderWizard();
    await chooseTemplate(user, /seasonal_promo/);
    const link = screen.getByLabelText('Image link');
    await user.type(link, 'ftp://example.com/sale.png');
    await user.tab();
    expect(link.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById((link.getAttribute('aria-describedby') ?? '').split(' ')[1] ?? '')?.textContent).toBe(
      'Enter a link that starts with https://',
    );
    await user.clear(link);
    await user.type(link, 'https://example.com/sale.png');
    expect(link.getAttribute('aria-invalid')).toBeNull();
    expect(screen.getByLabelText(/Link ending of “Shop now”/)).toBeTruthy();

    await user.upload(screen.getByLabelText('Upload a file'), new File(['png'], 'sale.png', { type: 'image/png' }));
    await waitFor(() => expect((link as HTMLInputElement).value).not.toBe('https://example.com/sale.png'));
    const [upload] = callsOf(provider, 'uploadMedia');
    expect(upload?.params.purpose).toBe('template-header');
  });

  it('says why an upload failed and keeps the typed link', async () => {
    const { user, provider } = renderWizard();
    provider.control.failNext('uploadMedia', new ReachoutError('NETWORK', 'offline'));
    await chooseTemplate(user, /seasonal_promo/);
    await user.type(screen.getByLabelText('Image link'), 'https://example.com/sale.png');
    await user.upload(screen.getByLabelText('Upload a file'), new File(['png'], 'sale.png', { type: 'image/png' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The file couldn’t be uploaded. Can’t reach the server. Check your connection and try again.',
    );
    expect((screen.getByLabelText('Image link') as HTMLInputElement).value).toBe('https://example.com/sale.png');
  });

  it('takes a location header and checks its coordinates', async () => {
    const { user } = renderWizard();
    await chooseTemplate(user, /pickup_ready/);
    await user.type(screen.getByLabelText('Latitude'), '91');
    await user.type(screen.getByLabelText('Longitude'), '13.4');
    await user.type(screen.getByLabelText('Body {{1}}'), '#20871');
    await user.type(screen.getByLabelText('Body {{2}}'), 'PK-4471');
    expect(screen.getByLabelText('Latitude').getAttribute('aria-invalid')).toBe('true');
    await user.clear(screen.getByLabelText('Latitude'));
    await user.type(screen.getByLabelText('Latitude'), '52.52');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(currentStep()).toContain('Ticket');
  });
});
