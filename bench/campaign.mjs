/* global window */
// CampaignProgress (issue 19): a running campaign of 10,000 recipients whose counts move on while
// frames and long tasks are measured: 20 campaign.updated events 250 ms apart (4 a second, four
// times the server's pace), 80 recipients each, the recipients table refetching on each.
// Prints figures; run with `npx node bench/campaign.mjs`. Knobs (env): BENCH_RUNS (default 3),
// BENCH_CPU (default 1,4), BENCH_PROVIDER (replay | live, below), CHROMIUM_PATH; BENCH_PROFILE=1 builds the page unminified and prints
// where the updates' time goes (self time by function, CDP sampling profiler).
import { buildBenchPage, launchBenchBrowser } from './browser.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const cpuRates = (process.env.BENCH_CPU ?? '1,4').split(',').map(Number);

const profiling = process.env.BENCH_PROFILE === '1';
/** `replay` (default): the memory provider's steps run before the measure; `live`: in it. */
const providerMode = process.env.BENCH_PROVIDER ?? 'replay';
const url = await buildBenchPage({ entry: 'campaign', name: profiling ? 'campaign-profile' : 'campaign', minify: !profiling, reactProfiling: true });
const browser = await launchBenchBrowser();
for (const cpu of cpuRates) {
  for (let run = 1; run <= runs; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url);
    await page.waitForTimeout(500);
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const mount = await page.evaluate((providerMode) => window.bench.mount(providerMode), providerMode);
    if (profiling) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    const result = await page.evaluate(() => window.bench.updates(20, 250, 80));
    if (profiling) printSelfTime((await cdp.send('Profiler.stop')).profile);
    console.log(
      `${providerMode} cpu×${cpu} run ${run}/${runs}: mount ${mount.mountMs.toFixed(0)} ms; ${result.frames} frames during 20 updates,` +
        ` frame p50/p95/max ${result.frameP50.toFixed(1)}/${result.frameP95.toFixed(1)}/${result.frameMax.toFixed(0)} ms,` +
        ` long tasks >50 ms ${result.longTasks} (max ${result.longTaskMaxMs.toFixed(0)} ms);` +
        ` React renders ${result.commits} commits ${result.renderMs.toFixed(0)} ms; provider steps ${result.providerMs.toFixed(0)} ms; "${result.doneText}"`,
    );
    await context.close();
  }
}
await browser.close();

/** The 20 functions with the most self time in a CDP profile. */
function printSelfTime(profile) {
  const byNode = new Map();
  profile.samples.forEach((id, index) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const self = new Map();
  let busy = 0;
  for (const node of profile.nodes) {
    const { functionName, lineNumber } = node.callFrame;
    if (['(idle)', '(program)', '(garbage collector)'].includes(functionName)) continue;
    const microseconds = byNode.get(node.id) ?? 0;
    busy += microseconds;
    const key = `${functionName || '(anonymous)'}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + microseconds);
  }
  console.log(`  busy ${(busy / 1000).toFixed(0)} ms; top self time:`);
  for (const [key, microseconds] of [...self].sort((left, right) => right[1] - left[1]).slice(0, 20)) {
    console.log(`  ${(microseconds / 1000).toFixed(1).padStart(7)} ms  ${key}`);
  }
}
