/* global window */
// CampaignProgress (issue 19): a running campaign of 10,000 recipients whose counts move on while
// frames and long tasks are measured: 20 campaign.updated events 250 ms apart (4 a second, four
// times the server's pace), 80 recipients each, the recipients table refetching on each.
// Prints figures; run with `npx node bench/campaign.mjs`. Knobs (env): BENCH_RUNS (default 3),
// BENCH_CPU (default 1,4), CHROMIUM_PATH.
import { buildBenchPage, launchBenchBrowser } from './browser.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const cpuRates = (process.env.BENCH_CPU ?? '1,4').split(',').map(Number);

const url = await buildBenchPage({ entry: 'campaign' });
const browser = await launchBenchBrowser();
for (const cpu of cpuRates) {
  for (let run = 1; run <= runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    await page.waitForTimeout(500);
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const mount = await page.evaluate(() => window.bench.mount());
    const result = await page.evaluate(() => window.bench.updates(20, 250, 80));
    console.log(
      `cpu×${cpu} run ${run}/${runs}: mount ${mount.mountMs.toFixed(0)} ms; ${result.frames} frames during 20 updates,` +
        ` frame p50/p95/max ${result.frameP50.toFixed(1)}/${result.frameP95.toFixed(1)}/${result.frameMax.toFixed(0)} ms,` +
        ` long tasks >50 ms ${result.longTasks} (max ${result.longTaskMaxMs.toFixed(0)} ms); "${result.doneText}"`,
    );
    await context.close();
  }
}
await browser.close();
