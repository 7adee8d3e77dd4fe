import { expect, test } from '@playwright/test';
import { contactHeading, contactsGrid, createContact, expectNoAxeViolations, openInbox, screenshot, testPhone } from './support';

test('has a banner with the product name, a main region, and no axe violations', async ({ page }, testInfo) => {
  await openInbox(page);
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('heading', { level: 1, name: 'Reachout' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Select a contact to see their details');
  await expect(contactsGrid(page)).toBeVisible();
  // Nothing to reply as until a contact is selected.
  await expect(page.getByRole('button', { name: 'Simulate customer reply' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo, '01-light');
});

test('switches to the dark theme, keeps it after a reload, and stays axe-clean', async ({ page }, testInfo) => {
  await openInbox(page);
  await createContact(page, { name: 'Dora Dark', phone: testPhone('1005').formatted });
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  const lightBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveClass(/\breachout-theme-dark\b/);
  const darkBackground = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(darkBackground).not.toBe(lightBackground);
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo, '01-dark');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveClass(/\breachout-theme-dark\b/);

  // Dialogs render in <body>, under the same theme.
  await page.getByRole('button', { name: 'Send message' }).click();
  const dialog = page.getByRole('dialog', { name: 'Send message' });
  await expect(dialog.getByRole('radio', { name: /Acme Support/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, testInfo, '02-dark-wizard');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/\breachout-theme-light\b/);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(lightBackground);
});

test('stacks the list and the details on a phone-sized screen', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await openInbox(page);
  await screenshot(page, testInfo, '01-narrow-list');
  await createContact(page, { name: 'Nora Narrow', phone: testPhone('1006').formatted });
  await expect(contactsGrid(page)).toBeHidden();
  await expect(page.getByRole('button', { name: 'Simulate customer reply' })).toBeVisible();
  await screenshot(page, testInfo, '02-narrow-details');
  await page.getByRole('button', { name: 'Back to contacts' }).click();
  await expect(contactsGrid(page)).toBeVisible();
  expect(new URL(page.url()).searchParams.get('contact')).toBeNull();
  await expectNoAxeViolations(page);
});

test('says why a simulated reply failed', async ({ page }) => {
  await openInbox(page);
  await createContact(page, { name: 'Fred Fails', phone: testPhone('1007').formatted });
  await page.route('**/api/v1/simulator/contacts/*/reply', (route) =>
    route.fulfill({
      status: 502,
      contentType: 'application/problem+json',
      body: JSON.stringify({ status: 502, title: 'Bad Gateway', detail: 'WhatsApp is unreachable: the Graph API did not answer within 30 seconds, three times in a row, so the customer’s reply could not be delivered to this inbox', code: 'NETWORK' }),
    }),
  );
  const banner = page.getByRole('banner');
  const headerHeight = (await banner.boundingBox())?.height;
  await page.getByRole('button', { name: 'Simulate customer reply' }).click();
  const status = banner.getByRole('status');
  await expect(status).toHaveText('The reply couldn’t be simulated. WhatsApp is unreachable: the Graph API did not answer within 30 seconds, three times in a row, so the customer’s reply could not be delivered to this inbox');
  // The notice takes the header's one status line: the page below does not move.
  expect((await banner.boundingBox())?.height).toBe(headerHeight);
  // Another contact starts with a clean status line.
  await contactsGrid(page).getByRole('row').nth(1).click();
  await expect(contactHeading(page, 'Fred Fails')).toBeHidden();
  await expect(status).toHaveText('');
});
