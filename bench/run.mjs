/* global window */
// npm run bench — ContactList against a bare virtualizer (over an array, and over the provider
// through TanStack Query) and a naive table in headless Chromium, at normal CPU and throttled ×4;
// then bundle sizes. Prints medians and spreads, writes bench/results/latest.json.
//
// Knobs (env): BENCH_RUNS (default 5), BENCH_SIZES (default 1000,10000,100000),
// BENCH_CPU (default 1,4), BENCH_RUNS_THROTTLED (default 3), BENCH_IMPLS (default ours,virtual,query,naive; also multiple: ours with selectionMode="multiple" and "Select all"), BENCH_SKIP_BUNDLE=1, BENCH_WIZARD=0,
// BENCH_RESUME=1, BENCH_NAIVE_100K_THROTTLED=1, BENCH_SETTLE_MS (default 1000: quiet time before mounting),
// CHROMIUM_PATH (default /usr/bin/chromium).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBenchPage, chromiumPath, launchBenchBrowser } from './browser.mjs';
import { measureBundles } from './bundle.mjs';
import { printTargets } from './targets.mjs';
import { buildWizardPage, runTypingFloorOnce, runWizardOnce } from './wizard.mjs';

const here = import.meta.dirname;
const resultsFile = path.join(here, 'results', 'latest.json');
const env = process.env;
const runs = Number(env.BENCH_RUNS ?? 5);
const sizes = (env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const cpuRates = (env.BENCH_CPU ?? '1,4').split(',').map(Number);
const impls = (env.BENCH_IMPLS ?? 'ours,virtual,query,naive').split(',').filter(Boolean);
const executablePath = chromiumPath;
const scrollSteps = 60;
const scrollPx = 1000; // ≈ 18 rows of 56 px per frame: a fast fling
const typed = 'maria'; // typed one key at a time, then erased: 10 keystrokes per run
// A page just loaded still has work in flight (script compilation, font and style caches,
// Chromium's own start-up tasks) that lands inside a mount measured at once: at 1k contacts,
// whose data takes no time to generate, it more than doubled both the mount and its layout.
// Every implementation gets the same quiet pause before it mounts.
const settleMs = Number(env.BENCH_SETTLE_MS ?? 1000);

// ---- build the page -------------------------------------------------------------------------
const pageUrl = await buildBenchPage({ entry: 'main', title: 'bench', rootStyle: 'width:900px' });

// ---- helpers ----------------------------------------------------------------------------------
const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const spread = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x));
  return s.length ? [Math.min(...s), Math.max(...s)] : [NaN, NaN];
};
const loadAvg = () => os.loadavg().map((x) => Number(x.toFixed(2)));

/** How many runs and keystrokes a case gets: the naive table at 100k takes seconds per render. */
function plan(impl, n, cpu) {
  const caseRuns = cpu > 1 ? Math.min(runs, Number(env.BENCH_RUNS_THROTTLED ?? 3)) : runs;
  // Throttled ×4, one naive 100k run takes ~6 min: opt in with BENCH_NAIVE_100K_THROTTLED=1.
  if (impl === 'naive' && n >= 100_000 && cpu > 1 && env.BENCH_NAIVE_100K_THROTTLED !== '1') return { runs: 0 };
  if (impl === 'naive' && n >= 100_000) return { runs: cpu > 1 ? 1 : Math.min(runs, 2), keys: cpu > 1 ? 'm' : 'ma', erase: false };
  return { runs: caseRuns, keys: typed, erase: true };
}

async function runOnce(browser, impl, n, cpu, keysPlan) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(600_000);
  const cdp = await context.newCDPSession(page);
  await page.goto(pageUrl);
  const { generateMs } = await page.evaluate(([i, c]) => window.bench.prepare(i, c), [impl, n]);
  await cdp.send('HeapProfiler.collectGarbage');
  const heapBefore = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await page.waitForTimeout(settleMs);
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const mount = await page.evaluate(() => window.bench.mount());
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfter = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const scroll = await page.evaluate(([s, p]) => window.bench.scroll(s, p), [scrollSteps, scrollPx]);
  const selectAll = impl === 'multiple' ? await page.evaluate(() => window.bench.selectAll()) : {};
  await page.evaluate(() => window.bench.focusSearch());
  const keys = [];
  const sequence = [...keysPlan.keys].map((ch, i) => ({ key: ch, query: keysPlan.keys.slice(0, i + 1) }));
  if (keysPlan.erase) {
    for (let i = keysPlan.keys.length - 1; i >= 0; i -= 1) sequence.push({ key: 'Backspace', query: keysPlan.keys.slice(0, i) });
  }
  for (const { key, query } of sequence) {
    await page.evaluate((q) => window.bench.armKey(q), query);
    await page.keyboard.press(key);
    const result = await page.evaluate(() => window.bench.keyResult());
    keys.push({ query, ...result });
  }
  await context.close();
  return {
    generateMs,
    ...mount,
    heapMB: heapAfter / 1e6,
    heapDeltaMB: (heapAfter - heapBefore) / 1e6,
    ...scroll,
    ...selectAll,
    keyMs: keys.map((k) => k.ms),
    keys,
  };
}

// ---- run ------------------------------------------------------------------------------------
const chromiumVersion = execFileSync(executablePath, ['--version'], { encoding: 'utf8' }).trim();
const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGB: Number((os.totalmem() / 1e9).toFixed(1)),
  loadAverageStart: loadAvg(),
  chromium: chromiumVersion,
  node: process.version,
  platform: `${os.type()} ${os.release()}`,
  date: new Date().toISOString(),
};
console.log(`Machine: ${machine.cpu}, ${machine.cores} cores, load ${machine.loadAverageStart.join(' ')}, ${chromiumVersion}, node ${process.version}`);

const browser = await launchBenchBrowser();

// key `${impl}|${n}|${cpu}` -> run results. BENCH_RESUME=1 continues an interrupted run from
// bench/results/latest.json.tmp (its runs count; the missing ones are measured).
const raw = {};
if (env.BENCH_RESUME === '1') {
  try {
    Object.assign(raw, JSON.parse(readFileSync(`${resultsFile}.tmp`, 'utf8')).raw);
    machine.resumed = true;
  } catch {
    // Nothing to resume: measure every run.
  }
}
for (const cpu of cpuRates) {
  for (const n of sizes) {
    const maxRuns = Math.max(...impls.map((impl) => plan(impl, n, cpu).runs));
    // Interleave the implementations run by run so machine load hits them alike.
    for (let r = 0; r < maxRuns; r += 1) {
      for (const impl of impls) {
        const p = plan(impl, n, cpu);
        const key = `${impl}|${n}|${cpu}`;
        if (r >= p.runs || (raw[key]?.length ?? 0) > r) continue;
        const t = Date.now();
        const result = await runOnce(browser, impl, n, cpu, p);
        (raw[key] ??= []).push({ ...result, loadAverage: loadAvg() });
        writeFileSync(`${resultsFile}.tmp`, JSON.stringify({ machine, raw }, null, 1));
        console.log(
          `  cpu×${cpu} n=${n} ${impl.padEnd(7)} run ${r + 1}/${p.runs}: mount ${result.mountMs.toFixed(0)} ms, rows ${result.domRows},` +
            ` scroll long tasks ${result.longTasks}, frame p95 ${result.frameP95.toFixed(1)} ms,` +
            ` keys ${result.keyMs.map((x) => x.toFixed(0)).join('/')} ms` +
            (result.selectAllMs === undefined ? '' : `, select all ${result.selectAllMs.toFixed(0)} ms, ${result.selectAllPageFetches} page fetches, ${result.selectAllLongTasks} long tasks`) +
            `  (${((Date.now() - t) / 1000).toFixed(1)} s)`,
        );
      }
    }
  }
}
// ---- SendMessageWizard (skipped, with the reason, if it does not build or run) -------------
const wizard = { cases: [], error: null };
if (env.BENCH_WIZARD !== '0') {
  try {
    const url = await buildWizardPage();
    for (const cpu of cpuRates) {
      const rs = [];
      const n = cpu > 1 ? Math.min(runs, Number(env.BENCH_RUNS_THROTTLED ?? 3)) : runs;
      for (let r = 0; r < n; r += 1) {
        const result = await runWizardOnce(browser, url, cpu);
        const floor = await runTypingFloorOnce(browser, url, cpu);
        rs.push({ ...result, floorKeyMs: floor.keyMs, loadAverage: loadAvg() });
        console.log(
          `  cpu×${cpu} wizard run ${r + 1}/${n}: open ${result.openMs.toFixed(0)} ms, template step (${result.templateRadios} radios) ${result.templateStepMs.toFixed(0)} ms,` +
            ` keys ${result.keyMs.map((x) => x.toFixed(0)).join('/')} ms; floor keys ${floor.keyMs.map((x) => x.toFixed(0)).join('/')} ms`,
        );
      }
      const keyMs = rs.flatMap((x) => x.keyMs);
      const floorKeyMs = rs.flatMap((x) => x.floorKeyMs);
      wizard.cases.push({
        cpu,
        runs: rs.length,
        openMs: { median: median(rs.map((x) => x.openMs)), min: spread(rs.map((x) => x.openMs))[0], max: spread(rs.map((x) => x.openMs))[1] },
        templateStepMs: { median: median(rs.map((x) => x.templateStepMs)), min: spread(rs.map((x) => x.templateStepMs))[0], max: spread(rs.map((x) => x.templateStepMs))[1] },
        keyMs: { samples: keyMs.length, median: median(keyMs), p95: pct(keyMs, 95), max: Math.max(...keyMs) },
        floorKeyMs: { samples: floorKeyMs.length, median: median(floorKeyMs), p95: pct(floorKeyMs, 95), max: Math.max(...floorKeyMs) },
        raw: rs,
      });
    }
  } catch (error) {
    wizard.error = String(error?.message ?? error).split('\n')[0];
    console.log(`  wizard skipped: ${wizard.error}`);
  }
}
await browser.close();

// ---- summarize -------------------------------------------------------------------------------
const metrics = [
  ['mountMs', 'mount→rows ms', (rs) => rs.map((x) => x.mountMs)],
  ['domRows', 'DOM rows', (rs) => rs.map((x) => x.domRows)],
  ['heapMB', 'JS heap MB', (rs) => rs.map((x) => x.heapMB)],
  ['heapDeltaMB', 'heap Δ mount MB', (rs) => rs.map((x) => x.heapDeltaMB)],
  ['scrollLongTasks', 'scroll long tasks', (rs) => rs.map((x) => x.longTasks)],
  ['frameP50', 'frame p50 ms', (rs) => rs.map((x) => x.frameP50)],
  ['frameP95', 'frame p95 ms', (rs) => rs.map((x) => x.frameP95)],
  ['frameMax', 'frame max ms', (rs) => rs.map((x) => x.frameMax)],
];
const summary = {};
// A partial run (BENCH_SIZES / BENCH_CPU / BENCH_IMPLS) keeps the other cases of the last run.
mkdirSync(path.dirname(resultsFile), { recursive: true });
let previous = {};
try {
  previous = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  // No earlier results: start fresh.
}
for (const c of previous.cases ?? []) {
  const key = `${c.impl}|${c.n}|${c.cpu}`;
  if (!raw[key]) summary[key] = { ...c, fromPreviousRun: c.fromPreviousRun ?? previous.machine?.date ?? true };
}
for (const [key, rs] of Object.entries(raw)) {
  const [impl, n, cpu] = key.split('|');
  const s = { impl, n: Number(n), cpu: Number(cpu), runs: rs.length };
  for (const [id, , pick] of metrics) {
    const xs = pick(rs);
    s[id] = { median: median(xs), min: spread(xs)[0], max: spread(xs)[1] };
  }
  const keyMs = rs.flatMap((x) => x.keyMs);
  s.keyMs = { samples: keyMs.length, median: median(keyMs), p95: pct(keyMs, 95), max: Math.max(...keyMs) };
  if (impl === 'multiple') {
    const selectAllMs = rs.map((x) => x.selectAllMs);
    s.selectAllMs = { median: median(selectAllMs), min: spread(selectAllMs)[0], max: spread(selectAllMs)[1] };
    s.selectAllPageFetchesMax = Math.max(...rs.map((x) => x.selectAllPageFetches));
  }
  summary[key] = s;
}
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? a / b : NaN);
const ratioFields = [
  ['mountMs', (s) => s.mountMs.median],
  ['domRows', (s) => s.domRows.median],
  ['heapMB', (s) => s.heapMB.median],
  ['heapDeltaMB', (s) => s.heapDeltaMB.median],
  ['frameP95', (s) => s.frameP95.median],
  ['keyP95', (s) => s.keyMs.p95],
  ['keyMedian', (s) => s.keyMs.median],
];
for (const s of Object.values(summary)) {
  if (s.impl !== 'ours') continue;
  s.ratios = {};
  for (const base of ['virtual', 'query', 'naive']) {
    const b = summary[`${base}|${s.n}|${s.cpu}`];
    if (!b) continue;
    s.ratios[base] = Object.fromEntries(ratioFields.map(([id, get]) => [id, Number(ratio(get(s), get(b)).toFixed(2))]));
  }
}

const f = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '–');
const fr = (m, d = 0) => `${f(m.median, d)} (${f(m.min, d)}–${f(m.max, d)})`;
const rows = [];
const allCpu = [...new Set(Object.values(summary).map((s) => s.cpu))].sort((a, b) => a - b);
const allN = [...new Set(Object.values(summary).map((s) => s.n))].sort((a, b) => a - b);
for (const cpu of allCpu) {
  for (const n of allN) {
    for (const impl of ['ours', 'multiple', 'virtual', 'query', 'naive']) {
      const s = summary[`${impl}|${n}|${cpu}`];
      if (!s) continue;
      const rv = s.ratios?.virtual;
      const rq = s.ratios?.query;
      const rn = s.ratios?.naive;
      rows.push([
        `×${cpu}`, n.toLocaleString('en'), impl, String(s.runs),
        fr(s.mountMs), f(s.domRows.median), `${f(s.heapMB.median, 1)} / Δ${f(s.heapDeltaMB.median, 1)}`,
        `${f(s.scrollLongTasks.median)} (max ${f(s.scrollLongTasks.max)})`,
        `${f(s.frameP50.median, 1)}/${f(s.frameP95.median, 1)}/${f(s.frameMax.median, 0)}`,
        `${f(s.keyMs.median)}/${f(s.keyMs.p95)} (n=${s.keyMs.samples})`,
        rv ? `mount ${rv.mountMs}× key95 ${rv.keyP95}× heapΔ ${rv.heapDeltaMB}×` : '',
        rq ? `mount ${rq.mountMs}× key95 ${rq.keyP95}× frame95 ${rq.frameP95}×` : '',
        rn ? `mount ${rn.mountMs}× key95 ${rn.keyP95}×` : '',
      ]);
    }
  }
}
const header = ['CPU', 'contacts', 'impl', 'runs', 'mount→rows ms med (min–max)', 'DOM rows', 'heap MB / Δmount', 'scroll long tasks >50ms', 'frame ms p50/p95/max', 'key→rows ms med/p95', 'ours ÷ virtual', 'ours ÷ query', 'ours ÷ naive'];
const table = [header, ...rows];
const widths = header.map((_, i) => Math.max(...table.map((r) => r[i].length)));
const markdown = [
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
].join('\n');
console.log('\nMedians over runs (spread min–max); frames = rAF deltas during a 60-frame scripted scroll;');
console.log('key = keydown → filtered rows painted (ContactList with searchDebounceMs={0}):\n');
for (const r of table) console.log(r.map((c, i) => c.padEnd(widths[i])).join('  '));

printTargets(Object.values(summary));

if (wizard.cases.length) {
  console.log('\nSendMessageWizard (1,000 templates): median (min–max) over runs; key = keydown → preview painted');
  for (const w of wizard.cases) {
    console.log(
      `  ×${w.cpu}  open→interactive ${fr(w.openMs)} ms   Next→template list ${fr(w.templateStepMs)} ms   key→preview med ${f(w.keyMs.median)} / p95 ${f(w.keyMs.p95)} ms (n=${w.keyMs.samples})` +
        `   floor (bare input + echo) med ${f(w.floorKeyMs.median)} / p95 ${f(w.floorKeyMs.p95)} ms`,
    );
  }
}
machine.loadAverageEnd = loadAvg();
let bundles = null;
if (env.BENCH_SKIP_BUNDLE !== '1') {
  bundles = await measureBundles({ print: true });
}

writeFileSync(
  resultsFile,
  `${JSON.stringify(
    {
      machine,
      method: {
        runs,
        scroll: { steps: scrollSteps, pxPerFrame: scrollPx },
        typed: `"${typed}" one key at a time, then Backspace to empty`,
        notes: [
          'ContactList runs with searchDebounceMs={0}: key latency is the widget, not its deliberate 250 ms pause.',
          'Data generation (generateContacts, memory provider) happens before timing; heap Δ = used JS heap after mount minus before (both after a forced GC).',
          'naive at 100k: fewer runs and keystrokes (each render takes seconds).',
        ],
      },
      cases: Object.values(summary),
      markdown,
      wizard: wizard.cases.length || wizard.error ? wizard : previous.wizard ?? wizard,
      bundles: bundles ?? previous.bundles ?? null,
      raw: { ...(previous.raw ?? {}), ...raw },
    },
    null,
    2,
  )}\n`,
);
console.log(`\nWrote ${path.relative(process.cwd(), resultsFile)}`);
