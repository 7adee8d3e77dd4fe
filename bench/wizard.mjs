/* global window */
// SendMessageWizard cases: open → first interactive step, Next → template step with 1,000
// templates painted, and keystroke → live preview painted while typing a variable; beside it the
// same keystrokes into a bare React input that echoes its text (the floor).
import { buildBenchPage } from './browser.mjs';

const typedValue = 'DHL Express';

export function buildWizardPage() {
  return buildBenchPage({ entry: 'wizard' });
}

/**
 * A fresh page at `url`, quiet for the same pause as the list cases (see bench/run.mjs), then
 * throttled to `cpu`, handed to `measure`; closed afterwards.
 */
async function onBenchPage(browser, url, cpu, measure) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    await page.waitForTimeout(Number(process.env.BENCH_SETTLE_MS ?? 1000));
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    return await measure(page);
  } finally {
    await context.close();
  }
}

/** Types `typedValue` into the "Body {{2}}" field, timing each keydown → preview painted. */
async function typeMeasured(page) {
  await page.getByLabel('Body {{2}}', { exact: true }).focus();
  const keyMs = [];
  for (let i = 0; i < typedValue.length; i += 1) {
    await page.evaluate((text) => window.wizardBench.arm(text), typedValue.slice(0, i + 1));
    await page.keyboard.press(typedValue[i] === ' ' ? 'Space' : typedValue[i]);
    keyMs.push(await page.evaluate(() => window.wizardBench.result()));
  }
  return keyMs;
}

export function runWizardOnce(browser, url, cpu, templateCount = 1000) {
  return onBenchPage(browser, url, cpu, async (page) => {
    const { openMs } = await page.evaluate((n) => window.wizardBench.open(n), templateCount);
    await page.getByRole('radio', { name: /Acme Support/ }).click();
    await page.evaluate(() => window.wizardBench.armStep('[data-slot="send-message-wizard-templates"] input[type="radio"]'));
    await page.getByRole('button', { name: 'Next' }).click();
    const templateStepMs = await page.evaluate(() => window.wizardBench.result());
    const templateRadios = await page.locator('[data-slot="send-message-wizard-templates"] input[type="radio"]').count();
    await page.getByRole('radio', { name: /order_update/ }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const keyMs = await typeMeasured(page);
    return { openMs, templateStepMs, templateRadios, keyMs };
  });
}

export function runTypingFloorOnce(browser, url, cpu) {
  return onBenchPage(browser, url, cpu, async (page) => {
    await page.evaluate(() => window.wizardBench.openFloor());
    return { keyMs: await typeMeasured(page) };
  });
}
