import { createRequire } from 'node:module';
import { expect } from '@playwright/test';
import type { Locator, Page, TestInfo } from '@playwright/test';

/** The axe-core build injected into the page. */
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

declare global {
  interface Window {
    axe?: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
    /** Set by a test to prove the page was not reloaded meanwhile. */
    reachoutE2eMarker?: string;
    /** Every `data-state` the wizard's status took, in order, since {@link recordWizardStates}. */
    reachoutE2eWizardStates?: string[];
  }
}

/**
 * Three digits that differ from one run to the next, in every test phone number: the tests can
 * also run against a server whose data outlives them (no duplicate phones from an earlier run).
 */
const runDigits = String(Date.now() % 1000).padStart(3, '0');

/** A French mobile number unique to this run, ending in `ending` (4 digits). */
export interface TestPhone {
  /** As a person types it, which is also how the widgets format it: `+33 6 41 23 45 67`. */
  formatted: string;
  /** E.164: `+33641234567`. */
  e164: string;
}

export function testPhone(ending: string): TestPhone {
  if (!/^\d{4}$/.test(ending)) throw new Error(`testPhone takes the last 4 digits, not "${ending}"`);
  const [a, b, c] = runDigits;
  return {
    formatted: `+33 6 4${a} ${b}${c} ${ending.slice(0, 2)} ${ending.slice(2)}`,
    e164: `+3364${runDigits}${ending}`,
  };
}

/** Saves a screenshot of the viewport as `<name>.png` in the test's output folder (kept as an artifact). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) });
}

/**
 * Runs axe (WCAG 2.1 A and AA, and best practices) over the whole page as it is now and fails
 * with one line per violation: rule, impact, what it means, where.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(async () => {
    if (window.axe === undefined) throw new Error('axe-core did not load into the page');
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }));
  });
  const lines = violations.map(
    ({ id, impact, help, nodes }) => `${id} (${impact ?? 'no impact'}): ${help} at ${nodes.map(({ target }) => target.join(' ')).join(', ')}`,
  );
  expect(lines, 'axe violations').toEqual([]);
}

/**
 * Presses Tab (Shift+Tab with `backwards`) until `target` has the focus, as a keyboard user
 * would; fails after `maxPresses`.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, maxPresses = 60 } = {}): Promise<void> {
  await expect(target).toBeAttached();
  for (let presses = 0; presses < maxPresses; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement, undefined, { timeout: 5_000 })) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reachable with ${backwards ? 'Shift+Tab' : 'Tab'} within ${maxPresses} presses`).toBeFocused({ timeout: 1 });
}

/** The inbox's list of contacts. */
export function contactsGrid(page: Page): Locator {
  return page.getByRole('grid', { name: 'Contacts' });
}

/** The selected contact's name, as the details pane shows it. */
export function contactHeading(page: Page, name: string): Locator {
  return page.getByRole('heading', { level: 2, name, exact: true });
}

/** The "Send message" wizard. */
export function wizardDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Send message' });
}

/** The wizard's status step text (verifying, sent, failed). */
export function wizardStatus(page: Page): Locator {
  return wizardDialog(page).locator('[data-slot="send-message-wizard-status"]');
}

/**
 * Starts recording each state the wizard's status step shows (`sending`, `verifying`, `sent`,
 * `failed`), however briefly: a state that lasts less than an assertion's polling interval is
 * still seen.
 */
export async function recordWizardStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const states: string[] = [];
    window.reachoutE2eWizardStates = states;
    const record = () => {
      const state = document.querySelector<HTMLElement>('[data-slot="send-message-wizard-status"]')?.dataset.state;
      if (state !== undefined && states.at(-1) !== state) states.push(state);
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
}

/**
 * The verification states (`verifying`, `sent`, `failed`) recorded since
 * {@link recordWizardStates}, in order; the brief `idle` and `sending` before them are left out.
 */
export async function verificationStatesSeen(page: Page): Promise<string[]> {
  const states = await page.evaluate(() => window.reachoutE2eWizardStates ?? []);
  return states.filter((state) => state === 'verifying' || state === 'sent' || state === 'failed');
}

/** Opens the page and waits for the first contacts of the list. */
export async function openInbox(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(contactsGrid(page).getByRole('row').nth(1)).toBeVisible({ timeout: 20_000 });
}

/** Creates a contact through "Create contact" with the mouse; the inbox then selects it. */
export async function createContact(page: Page, contact: { name: string; phone: string }): Promise<void> {
  await page.getByRole('button', { name: 'Create contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create contact' });
  await dialog.getByLabel('Name', { exact: true }).fill(contact.name);
  await dialog.getByLabel('Phone', { exact: true }).fill(contact.phone);
  await dialog.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(contactHeading(page, contact.name)).toBeVisible();
}

/**
 * Sends `order_update` from Acme Support to the selected contact with the mouse, up to
 * "Create ticket and send" (recording the status states from there on).
 */
export async function sendOrderUpdate(page: Page, ticket: { assignee: string; description: string }): Promise<void> {
  await page.getByRole('button', { name: 'Send message' }).click();
  const dialog = wizardDialog(page);
  await dialog.getByRole('radio', { name: /Acme Support/ }).check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('radio', { name: /order_update/ }).check();
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByLabel('Header {{1}}', { exact: true }).fill('#10423');
  await dialog.getByRole('combobox', { name: 'Fill Body {{1}} from' }).selectOption('name');
  await dialog.getByLabel('Body {{2}}', { exact: true }).fill('DHL Express');
  await dialog.getByLabel('Body {{3}}', { exact: true }).fill('Friday');
  await dialog.getByRole('button', { name: 'Next' }).click();
  await dialog.getByRole('combobox', { name: 'Assignee' }).selectOption({ label: ticket.assignee });
  await dialog.getByLabel('Description', { exact: true }).fill(ticket.description);
  await recordWizardStates(page);
  await dialog.getByRole('button', { name: 'Create ticket and send' }).click();
}

/** Marks the page so {@link expectNotReloaded} can tell it was never reloaded. */
export async function markPage(page: Page): Promise<string> {
  const marker = `marker-${Date.now()}`;
  await page.evaluate((value) => {
    window.reachoutE2eMarker = value;
  }, marker);
  return marker;
}

export async function expectNotReloaded(page: Page, marker: string): Promise<void> {
  expect(await page.evaluate(() => window.reachoutE2eMarker), 'the page was not reloaded').toBe(marker);
}
