import { expect, test } from '@playwright/test';
import {
  createContact,
  expectNoAxeViolations,
  expectNotReloaded,
  markPage,
  openInbox,
  recordWizardStates,
  screenshot,
  sendOrderUpdate,
  testPhone,
  wizardDialog,
  verificationStatesSeen,
  wizardStatus,
} from './support';

test('sends a template, creates a ticket, and follows it live to the Tickets, Timeline and Chats tabs', async ({ page }, testInfo) => {
  await openInbox(page);
  const phone = testPhone('1003');
  await createContact(page, { name: 'Rosa Sender', phone: phone.formatted });
  const marker = await markPage(page);

  await page.getByRole('button', { name: 'Send message' }).click();
  const dialog = wizardDialog(page);
  await expect(dialog).toBeVisible();

  // Recipient: pick the business number; "To" is the contact's.
  await dialog.getByRole('radio', { name: /Acme Support/ }).check();
  await expect(dialog.getByLabel('To', { exact: true })).toHaveValue(phone.formatted);
  await screenshot(page, testInfo, '01-recipient');
  await dialog.getByRole('button', { name: 'Next' }).click();

  // Template: hovering one previews it without choosing it.
  await dialog.getByText('seasonal_promo', { exact: true }).hover();
  await expect(dialog.getByLabel(/Preview of seasonal_promo/)).toBeVisible();
  await screenshot(page, testInfo, '02-template-preview-on-hover');
  await dialog.getByText('invoice_ready', { exact: true }).hover();
  await expect(dialog.getByLabel(/Preview of invoice_ready/)).toBeVisible();
  await expect(dialog.getByLabel(/Preview of seasonal_promo/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  await dialog.getByRole('radio', { name: /order_update/ }).check();
  await dialog.getByRole('button', { name: 'Next' }).click();

  // Content: variables, one filled from the contact; the preview follows.
  await dialog.getByLabel('Header {{1}}', { exact: true }).fill('#10423');
  await dialog.getByRole('combobox', { name: 'Fill Body {{1}} from' }).selectOption('name');
  await dialog.getByLabel('Body {{2}}', { exact: true }).fill('DHL Express');
  await dialog.getByLabel('Body {{3}}', { exact: true }).fill('Friday');
  const preview = dialog.getByLabel(/Preview of order_update/);
  await expect(preview).toContainText('Hi Rosa Sender, good news: your order is on its way with DHL Express. Expected delivery: Friday.');
  await screenshot(page, testInfo, '03-content');
  await dialog.getByRole('button', { name: 'Next' }).click();

  // Ticket.
  await dialog.getByLabel('Priority', { exact: true }).selectOption('high');
  await dialog.getByRole('combobox', { name: 'Assignee' }).selectOption({ label: 'Jonas Berg' });
  await dialog.getByLabel('Description', { exact: true }).fill('Follow up on the delivery');
  await screenshot(page, testInfo, '04-ticket');
  await recordWizardStates(page);
  await dialog.getByRole('button', { name: 'Create ticket and send' }).click();

  // Status: verifying, then sent, pushed by the server (no reload, no click).
  await expect(wizardStatus(page)).toHaveAttribute('data-state', /verifying|sent/);
  await screenshot(page, testInfo, '05-verifying');
  await expect(wizardStatus(page)).toContainText('Message sent. Ticket created (Assigned).', { timeout: 15_000 });
  expect(await verificationStatesSeen(page)).toEqual(['verifying', 'sent']);
  await screenshot(page, testInfo, '06-sent');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: 'Tickets' }).click();
  const ticketRow = page.getByRole('table', { name: 'Tickets' }).getByRole('row').filter({ hasText: 'order_update' });
  await expect(ticketRow).toHaveCount(1);
  await expect(ticketRow).toContainText('Assigned');
  await expect(ticketRow).toContainText('High');
  await expect(ticketRow).toContainText('Jonas Berg');
  await screenshot(page, testInfo, '07-tickets-tab');

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Timeline' }).getByText('Notification sent')).toBeVisible();
  await screenshot(page, testInfo, '08-timeline-tab');

  // Chats: locked until the customer writes back.
  await page.getByRole('tab', { name: 'Chats' }).click();
  const chats = page.getByRole('tabpanel', { name: 'Chats' });
  await expect(chats.getByText(/Waiting for the customer to reply/)).toBeVisible();
  await screenshot(page, testInfo, '09-chat-locked');
  await page.getByRole('button', { name: 'Simulate customer reply' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rosa Sender replied on WhatsApp' })).toBeVisible();
  await expect(chats.getByText(/You can reply until/)).toBeVisible();
  await expect(chats.getByText(/Waiting for the customer to reply/)).toHaveCount(0);
  await screenshot(page, testInfo, '10-chat-window-open');
  // The host decides what "Open chat" does: the demo says what an inbox would open.
  await chats.getByRole('button', { name: 'Open chat' }).click();
  await expect(page.getByRole('banner').getByRole('status')).toHaveText(/^Your inbox would open chat \S+ here, assigned to Jonas Berg\.$/);

  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Timeline' }).getByText('Customer replied')).toBeVisible();
  await expectNotReloaded(page, marker);
  await expectNoAxeViolations(page);
});

test('a number ending in 0000 fails verification, says why, and offers to edit the message', async ({ page }, testInfo) => {
  await openInbox(page);
  await createContact(page, { name: 'Otto Unreachable', phone: testPhone('0000').formatted });
  const marker = await markPage(page);

  await sendOrderUpdate(page, { assignee: 'Kemi Adeyemi', description: 'Tell Otto about his order' });
  await expect(wizardStatus(page)).toContainText('The message couldn’t be sent.', { timeout: 15_000 });
  expect(await verificationStatesSeen(page)).toEqual(['verifying', 'failed']);
  await expect(wizardStatus(page)).toContainText('WhatsApp could not deliver it:');
  // Retrying the same send to an unreachable number cannot help: the wizard offers Edit instead.
  const dialog = wizardDialog(page);
  await expect(dialog.getByRole('button', { name: 'Edit' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await screenshot(page, testInfo, '01-verification-failed');

  // Edit goes back to the content with what was typed.
  await dialog.getByRole('button', { name: 'Edit' }).click();
  await expect(dialog.getByLabel('Body {{2}}', { exact: true })).toHaveValue('DHL Express');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: 'Tickets' }).click();
  const ticketRow = page.getByRole('table', { name: 'Tickets' }).getByRole('row').filter({ hasText: 'order_update' });
  await expect(ticketRow).toContainText('Failed');
  await screenshot(page, testInfo, '02-failed-ticket');
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByRole('tabpanel', { name: 'Timeline' }).getByText('Notification failed')).toBeVisible();
  await screenshot(page, testInfo, '03-failed-timeline');
  await expectNotReloaded(page, marker);
});

test('a send the server cannot take offers Retry, which resends with the same key and makes one ticket', async ({ page }, testInfo) => {
  await openInbox(page);
  await createContact(page, { name: 'Rita Retry', phone: testPhone('2468').formatted });
  const marker = await markPage(page);

  // The first POST /notifications meets a gateway outage; every later one reaches the server.
  const keys: string[] = [];
  let outages = 0;
  await page.route('**/api/v1/notifications', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (outages > 0) return route.continue();
    outages += 1;
    return route.fulfill({ status: 502, contentType: 'text/html', body: '<html><body>Bad gateway</body></html>' });
  });

  await sendOrderUpdate(page, { assignee: 'Kemi Adeyemi', description: 'Tell Rita about her order' });
  const dialog = wizardDialog(page);
  await expect(wizardStatus(page)).toContainText('The message couldn’t be sent.');
  await expect(dialog.getByRole('button', { name: 'Retry' })).toBeVisible();
  await screenshot(page, testInfo, '01-send-failed-retry-offered');

  await dialog.getByRole('button', { name: 'Retry' }).click();
  await expect(wizardStatus(page)).toContainText(/Message sent\. Ticket created/, { timeout: 15_000 });
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
  await screenshot(page, testInfo, '02-sent-after-retry');

  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('tab', { name: 'Tickets' }).click();
  await expect(page.getByRole('table', { name: 'Tickets' }).getByRole('row').filter({ hasText: 'order_update' })).toHaveCount(1);
  await expectNotReloaded(page, marker);
});
