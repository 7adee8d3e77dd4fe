// Issue 16's list targets, ContactList against the bare virtualizer measured in the same run:
// mount ≤ 1.5× at ×1 and ×4; at ×4 also scroll long tasks ≤ 1.5× and frame p95 ≤ 1.25×.
// `npm run bench` prints this after its own table; `npx node bench/targets.mjs` prints it (as a
// Markdown table, for the README; `--n 100000` for one size) from bench/results/latest.json
// without running anything.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const resultsFile = path.join(import.meta.dirname, 'results', 'latest.json');

const targets = [
  { id: 'mountMs', label: 'mount → rows, ms', limit: 1.5, cpus: [1, 4], value: (s) => s.mountMs.median },
  { id: 'scrollLongTasks', label: 'scroll long tasks', limit: 1.5, cpus: [4], value: (s) => s.scrollLongTasks.median },
  { id: 'frameP95', label: 'frame p95, ms', limit: 1.25, cpus: [4], value: (s) => s.frameP95.median },
  { id: 'keyP95', label: 'search key → rows p95, ms', limit: undefined, cpus: [1, 4], value: (s) => s.keyMs.p95 },
];

/** One row per size, CPU rate and measure where both ContactList and the bare list were measured. */
export function targetRows(cases) {
  const byKey = new Map(cases.map((c) => [`${c.impl}|${c.n}|${c.cpu}`, c]));
  const rows = [];
  for (const ours of cases.filter((c) => c.impl === 'ours').sort((a, b) => a.cpu - b.cpu || a.n - b.n)) {
    const bare = byKey.get(`virtual|${ours.n}|${ours.cpu}`);
    if (!bare) continue;
    for (const target of targets) {
      const a = target.value(ours);
      const b = target.value(bare);
      // No long tasks in the bare list leaves no ratio: then ContactList must have none either.
      const ratio = b === 0 ? (a === 0 ? 1 : Infinity) : a / b;
      const applies = target.limit !== undefined && target.cpus.includes(ours.cpu);
      rows.push({
        cpu: ours.cpu,
        n: ours.n,
        measure: target.label,
        ours: a,
        bare: b,
        ratio,
        limit: applies ? target.limit : undefined,
        met: applies ? ratio <= target.limit : undefined,
        runs: `${ours.runs}/${bare.runs}`,
        earlier: Boolean(ours.fromPreviousRun || bare.fromPreviousRun),
      });
    }
  }
  return rows;
}

const f = (x) => (Number.isFinite(x) ? (Number.isInteger(x) ? String(x) : x.toFixed(1)) : '∞');

export function targetMarkdown(rows) {
  const lines = [
    '| CPU | contacts | measure | ContactList | bare list | ratio | target | met |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const r of rows) {
    lines.push(
      `| ×${r.cpu} | ${r.n.toLocaleString('en')} | ${r.measure} | ${f(r.ours)} | ${f(r.bare)} | ${f(r.ratio)}× | ` +
        `${r.limit === undefined ? '—' : `≤ ${r.limit}×`} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'}${r.earlier ? ' (earlier run)' : ''} |`,
    );
  }
  return lines.join('\n');
}

export function printTargets(cases) {
  const rows = targetRows(cases);
  if (rows.length === 0) return;
  console.log('\nIssue 16 targets, ContactList ÷ bare react-virtual in the same run (medians; key p95 over all keystrokes):');
  for (const r of rows) {
    const verdict = r.met === undefined ? '' : r.met ? `✓ ≤ ${r.limit}×` : `✗ > ${r.limit}×`;
    console.log(
      `  ×${r.cpu} ${r.n.toLocaleString('en').padStart(7)} ${r.measure.padEnd(26)} ${f(r.ours).padStart(7)} vs ${f(r.bare).padStart(7)}` +
        `  ${f(r.ratio).padStart(5)}×  ${verdict}${r.earlier ? '  (earlier run)' : ''}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  console.log(`Measured ${results.machine.date} (load ${results.machine.loadAverageStart?.join(' ')} at the start), ${results.machine.chromium}\n`);
  const sizeIndex = process.argv.indexOf('--n');
  const size = sizeIndex === -1 ? undefined : Number(process.argv[sizeIndex + 1]);
  console.log(targetMarkdown(targetRows(results.cases).filter((row) => size === undefined || row.n === size)));
}
