/* global window */
// Profiles one case of the benchmark page with the CDP sampling profiler and prints where the
// time goes (self time by function, unminified build). Writes .cpuprofile files (open them in
// Chrome DevTools › Performance) to bench/.build/profile/. Last, the list is unmounted and mounted
// again on the same page (`mount-again`): the cold mount minus that one is first-run cost.
//   npx node bench/profile.mjs [impl=ours] [n=100000] [cpu=1]
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildBenchPage, launchBenchBrowser } from './browser.mjs';

const here = import.meta.dirname;
const outDir = path.join(here, '.build', 'profile');
const [impl = 'ours', n = '100000', cpu = '1'] = process.argv.slice(2);
const pageUrl = await buildBenchPage({ entry: 'main', name: 'profile', title: 'bench', rootStyle: 'width:900px', minify: false });

const browser = await launchBenchBrowser();
const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await page.goto(pageUrl);
await page.evaluate(([i, c]) => window.bench.prepare(i, c), [impl, Number(n)]);
if (Number(cpu) !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(cpu) });
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });

async function profiled(name, fn) {
  await cdp.send('Profiler.start');
  const result = await fn();
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(path.join(outDir, `${impl}-${n}-${name}.cpuprofile`), JSON.stringify(profile));
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  for (const node of profile.nodes) {
    const us = dt.get(node.id) ?? 0;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    total += us;
    const key = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + us);
  }
  console.log(`\n${name}: ${JSON.stringify(result)}; busy ${(total / 1000).toFixed(0)} ms; top self time:`);
  for (const [key, us] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14)) {
    console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${key}`);
  }
}

await profiled('mount', () => page.evaluate(() => window.bench.mount()));
await profiled('scroll', () => page.evaluate(() => window.bench.scroll(60, 1000)));
await page.evaluate(() => window.bench.focusSearch());
await profiled('key', async () => {
  await page.evaluate(() => window.bench.armKey('m'));
  await page.keyboard.press('m');
  return page.evaluate(() => window.bench.keyResult());
});
// The same list mounted again on this page: what is left once the code has run once (JIT,
// first-use set-up) — the cold mount above minus this is first-run cost.
await page.evaluate(() => window.bench.unmount());
await page.waitForTimeout(300);
await profiled('mount-again', () => page.evaluate(() => window.bench.mount()));
await browser.close();
