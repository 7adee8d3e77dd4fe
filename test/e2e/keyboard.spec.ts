import { expect, test } from '@playwright/test';
import { contactHeading, contactsGrid, openInbox, screenshot, tabTo, testPhone, wizardDialog, wizardStatus } from './support';

// Only the keyboard from here on: no click, no fill, no check.
test('the whole flow with the keyboard only', async ({ page }, testInfo) => {
  const keyboard = page.keyboard;
  const phone = testPhone('1004');
  await openInbox(page);

  // Create a contact.
  await tabTo(page, page.getByRole('button', { name: 'Create contact' }));
  await keyboard.press('Enter');
  const createDialog = page.getByRole('dialog', { name: 'Create contact' });
  await expect(createDialog).toBeVisible();
  await tabTo(page, createDialog.getByLabel('Name', { exact: true }));
  await keyboard.type('Kai Keyboard');
  await tabTo(page, createDialog.getByLabel('Phone', { exact: true }));
  await keyboard.type(phone.formatted);
  await screenshot(page, testInfo, '01-create-contact');
  await tabTo(page, createDialog.getByRole('button', { name: 'Create', exact: true }));
  await keyboard.press('Enter');
  await expect(createDialog).toBeHidden();
  await expect(contactHeading(page, 'Kai Keyboard')).toBeVisible();

  // Find it from a page with nothing selected: search, arrow down to the row, Enter.
  await openInbox(page);
  await tabTo(page, page.getByRole('searchbox', { name: 'Search contacts' }));
  await keyboard.type(phone.e164);
  await expect(contactsGrid(page).getByRole('row')).toHaveCount(2);
  await keyboard.press('ArrowDown');
  await expect(contactsGrid(page).getByRole('row', { name: /Kai Keyboard/ })).toBeFocused();
  await keyboard.press('Enter');
  await expect(contactHeading(page, 'Kai Keyboard')).toBeVisible();
  await screenshot(page, testInfo, '02-contact-selected');

  // Send message: sender, template (previewed on focus), content, ticket.
  await tabTo(page, page.getByRole('button', { name: 'Send message' }));
  await keyboard.press('Enter');
  const dialog = wizardDialog(page);
  await expect(dialog).toBeVisible();
  const support = dialog.getByRole('radio', { name: /Acme Support/ });
  await tabTo(page, support);
  await keyboard.press('Space');
  await expect(support).toBeChecked();
  await tabTo(page, dialog.getByRole('button', { name: 'Next' }));
  await keyboard.press('Enter');

  await tabTo(page, dialog.getByRole('searchbox', { name: 'Search templates' }));
  await keyboard.type('order_up');
  await expect(dialog.getByRole('radio')).toHaveCount(1);
  const orderUpdate = dialog.getByRole('radio', { name: /order_update/ });
  await tabTo(page, orderUpdate);
  await expect(dialog.getByLabel(/Preview of order_update/)).toBeVisible();
  await screenshot(page, testInfo, '03-template-preview-on-focus');
  await keyboard.press('Space');
  await expect(orderUpdate).toBeChecked();
  await tabTo(page, dialog.getByRole('button', { name: 'Next' }));
  await keyboard.press('Enter');

  for (const [label, text] of [
    ['Header {{1}}', '#20511'],
    ['Body {{1}}', 'Kai'],
    ['Body {{2}}', 'Chronopost'],
    ['Body {{3}}', 'Monday'],
  ] as const) {
    await tabTo(page, dialog.getByLabel(label, { exact: true }));
    await keyboard.type(text);
  }
  await expect(dialog.getByLabel(/Preview of order_update/)).toContainText('Hi Kai, good news: your order is on its way with Chronopost.');
  await tabTo(page, dialog.getByRole('button', { name: 'Next' }));
  await keyboard.press('Enter');

  await tabTo(page, dialog.getByLabel('Description', { exact: true }));
  await keyboard.type('Sent with the keyboard');
  await screenshot(page, testInfo, '04-ticket');
  await tabTo(page, dialog.getByRole('button', { name: 'Create ticket and send' }));
  await keyboard.press('Enter');
  await expect(wizardStatus(page)).toContainText('Message sent. Ticket created', { timeout: 15_000 });
  await screenshot(page, testInfo, '05-sent');
  await tabTo(page, dialog.getByRole('button', { name: 'Done' }));
  await keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // The tabs: arrow keys move between them.
  await tabTo(page, page.getByRole('tab', { name: 'Timeline' }));
  await keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Tickets' })).toBeFocused();
  await expect(page.getByRole('table', { name: 'Tickets' }).getByRole('row').filter({ hasText: 'order_update' })).toHaveCount(1);
  await keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Chats' })).toHaveAttribute('aria-selected', 'true');
  const chats = page.getByRole('tabpanel', { name: 'Chats' });
  await expect(chats.getByText(/Waiting for the customer to reply/)).toBeVisible();

  // Back up to the header's "Simulate customer reply".
  await tabTo(page, page.getByRole('button', { name: 'Simulate customer reply' }), { backwards: true });
  await keyboard.press('Enter');
  await expect(chats.getByText(/You can reply until/)).toBeVisible();
  await screenshot(page, testInfo, '06-chat-window-open');
});
