import { expect, test } from '@playwright/test';
import { simulatedReplyText } from '../../demo/src/simulateCustomerReply';
import { createContact, expectNoAxeViolations, openInbox, screenshot, sendOrderUpdate, testPhone, wizardDialog, wizardStatus } from './support';

test('the conversation loop: the notification opens the chat, the customer replies, the agent answers and sees it delivered', async ({
  page,
}, testInfo) => {
  await openInbox(page);
  await createContact(page, { name: 'Clara Chatter', phone: testPhone('1018').formatted });
  await sendOrderUpdate(page, { assignee: 'Jonas Berg', description: 'Talk to Clara' });
  await expect(wizardStatus(page)).toContainText('Message sent.', { timeout: 15_000 });
  await wizardDialog(page).getByRole('button', { name: 'Done' }).click();

  await page.getByRole('tab', { name: 'Chats' }).click();
  const chats = page.getByRole('tabpanel', { name: 'Chats' });
  await page.getByRole('button', { name: 'Simulate customer reply' }).click();
  await expect(chats.getByText(/You can reply until/)).toBeVisible();
  await chats.getByRole('button', { name: 'Open chat' }).click();

  // The thread: the notification (a template message) first, then the customer's reply.
  const thread = page.getByRole('log', { name: 'Conversation' });
  await expect(thread.locator('[data-direction="outbound"]').filter({ hasText: 'DHL Express' })).toBeVisible();
  await expect(thread.locator('[data-direction="inbound"]').filter({ hasText: simulatedReplyText })).toBeVisible();
  await screenshot(page, testInfo, '01-thread-with-reply');

  // The answer goes out through the server and WhatsApp's (simulated) statuses come back live.
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill('Thanks Clara, your parcel arrives on Friday.');
  await composer.press('Enter');
  const answer = thread.locator('[data-direction="outbound"]').filter({ hasText: 'your parcel arrives on Friday' });
  await expect(answer).toBeVisible();
  await expect(answer.locator('[data-slot="chat-thread-delivery-mark"]')).toHaveAttribute('data-status', /delivered|read/, { timeout: 15_000 });
  await screenshot(page, testInfo, '02-answer-delivered');
  await expectNoAxeViolations(page);
});
