/* global window */
// ChatThread with 10,000 messages (issue 18): mount → newest messages painted, scrolling back
// through 1,000 messages (older pages loading on the way) with the long tasks counted, and
// keystroke in the composer → painted (p95). Prints figures; run with `npx node bench/chat.mjs`.
// Knobs (env): BENCH_RUNS (default 3), BENCH_CPU (default 1), CHROMIUM_PATH.
import { buildBenchPage, launchBenchBrowser } from './browser.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const cpuRates = (process.env.BENCH_CPU ?? '1').split(',').map(Number);
const typed = 'Thanks, see you Friday!';

export function buildChatPage() {
  return buildBenchPage({ entry: 'chat' });
}

export async function runChatOnce(browser, url, cpu) {
  const context = await browser.newContext({ viewport: { width: 800, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  try {
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    await page.waitForTimeout(Number(process.env.BENCH_SETTLE_MS ?? 1000));
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const { mountMs, mountLongTasks } = await page.evaluate(() => window.chatBench.open(10_000));
    await page.waitForTimeout(300);
    const scroll = await page.evaluate(() => window.chatBench.scrollBack(1000, 400));
    await page.getByRole('textbox', { name: 'Message' }).focus();
    const keyMs = [];
    for (let index = 0; index < typed.length; index += 1) {
      await page.evaluate((text) => window.chatBench.arm(text), typed.slice(0, index + 1));
      await page.keyboard.press(typed[index] === ' ' ? 'Space' : typed[index]);
      keyMs.push(await page.evaluate(() => window.chatBench.result()));
    }
    return { mountMs, mountLongTasks, scroll, keyMs };
  } finally {
    await context.close();
  }
}

const percentile = (values, p) => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = await buildChatPage();
  const browser = await launchBenchBrowser();
  try {
    for (const cpu of cpuRates) {
      for (let run = 1; run <= runs; run += 1) {
        const { mountMs, mountLongTasks, scroll, keyMs } = await runChatOnce(browser, url, cpu);
        console.log(
          `cpu×${cpu} run ${run}/${runs}: mount → newest painted ${mountMs.toFixed(0)} ms (${mountLongTasks} long tasks); scroll back ${scroll.passed} messages in ${scroll.frames} frames ` +
            `(${scroll.ms.toFixed(0)} ms), ${scroll.longTasks} long tasks (longest ${scroll.longestTaskMs.toFixed(0)} ms); ` +
            `keystroke → paint p95 ${percentile(keyMs, 95).toFixed(1)} ms (median ${percentile(keyMs, 50).toFixed(1)})`,
        );
      }
    }
  } finally {
    await browser.close();
  }
}
