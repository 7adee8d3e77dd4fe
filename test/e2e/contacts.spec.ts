import { expect, test } from '@playwright/test';
import { contactHeading, contactsGrid, createContact, expectNoAxeViolations, openInbox, screenshot, testPhone } from './support';

const phone = testPhone('1001');
const contact = { name: 'Ines Playwright', phone: phone.formatted };

test('creates a contact, shows a duplicate phone at the Phone field, and opens the contact from a search', async ({ page }, testInfo) => {
  await openInbox(page);
  await expect(page.getByText('Select a contact to see their details')).toBeVisible();
  await screenshot(page, testInfo, '01-inbox');

  await page.getByRole('button', { name: 'Create contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create contact' });
  await dialog.getByLabel('Name', { exact: true }).fill(contact.name);
  await dialog.getByLabel('Phone', { exact: true }).fill(contact.phone);
  await screenshot(page, testInfo, '02-create-contact-filled');
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(contactHeading(page, contact.name)).toBeVisible();
  // The new contact is selected, and the address says so.
  expect(new URL(page.url()).searchParams.get('contact')).toMatch(/./);
  await screenshot(page, testInfo, '03-contact-created');

  // The same phone, typed differently, is the same number.
  await page.getByRole('button', { name: 'Create contact' }).click();
  await dialog.getByLabel('Name', { exact: true }).fill('Ines Twice');
  await dialog.getByLabel('Phone', { exact: true }).fill(phone.e164);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  const phoneField = dialog.getByLabel('Phone', { exact: true });
  await expect(phoneField).toHaveAttribute('aria-invalid', 'true');
  await expect(phoneField).toHaveAccessibleDescription(/A contact with this phone number already exists\./);
  // Nothing typed is lost.
  await expect(dialog.getByLabel('Name', { exact: true })).toHaveValue('Ines Twice');
  await screenshot(page, testInfo, '04-duplicate-phone');
  await expectNoAxeViolations(page);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  // Open it again from the list, after a fresh load of the page without a selection.
  await openInbox(page);
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(phone.e164);
  const row = contactsGrid(page).getByRole('row', { name: new RegExp(contact.name) });
  await expect(contactsGrid(page).getByRole('row')).toHaveCount(2);
  await screenshot(page, testInfo, '05-search');
  await row.click();
  await expect(contactHeading(page, contact.name)).toBeVisible();
  await expect(page.locator('[data-slot="contact-details-header"]').getByText(phone.formatted)).toBeVisible();
  await screenshot(page, testInfo, '06-contact-opened');
});

test('keeps the selected contact in the address, across a reload and Back', async ({ page }) => {
  await openInbox(page);
  await createContact(page, { name: 'Ulla Address', phone: testPhone('1002').formatted });
  const contactId = new URL(page.url()).searchParams.get('contact');
  expect(contactId).toMatch(/./);

  await page.reload();
  await expect(contactHeading(page, 'Ulla Address')).toBeVisible();

  await page.goBack();
  await expect(page.getByText('Select a contact to see their details')).toBeVisible();
  await page.goForward();
  await expect(contactHeading(page, 'Ulla Address')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('contact')).toBe(contactId);
});
