// Bundle sizes: min+gzip of each entry point (from src/, react/react-dom external,
// NODE_ENV=production), a ContactList-only import, each dependency bundled alone, and the
// `reachout` entry broken down by package (esbuild metafile, minified bytes in the output).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const kB = 1000;
const external = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/*', 'react/*'];

async function bundle(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    write: false,
    metafile: true,
    external,
    loader: { '.css': 'empty' },
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length, metafile: result.metafile };
}

/** `node_modules/@scope/name/...` → `@scope/name`; our own files → `src/<layer>`. */
function packageOf(input) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  const s = input.match(/^src\/([^/]+)(?:\/([^/]+))?/);
  if (s) return s[1] === 'components' && s[2] ? `src/components/${s[2]}` : `src/${s[1]}`;
  return input;
}

export async function measureBundles({ print = false } = {}) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const entries = [
    { name: 'reachout', code: `export * from './src/index.ts';`, budget: 140 },
    { name: 'reachout/core', code: `export * from './src/core/index.ts';`, budget: 45 },
    { name: 'reachout/testing', code: `export * from './src/testing/index.ts';`, budget: 80 },
    { name: 'ContactList only', code: `export { ContactList, ReachoutProvider } from './src/index.ts';` },
  ];
  const out = { entries: [], dependencies: [], reachoutByPackage: [] };
  let reachoutMeta = null;
  for (const entry of entries) {
    const r = await bundle(entry.code);
    if (entry.name === 'reachout') reachoutMeta = r.metafile;
    out.entries.push({ name: entry.name, minKB: r.minified / kB, gzipKB: r.gzipped / kB, budgetKB: entry.budget ?? null });
  }
  for (const dep of Object.keys(pkg.dependencies ?? {})) {
    const r = await bundle(`export * from '${dep}';`);
    out.dependencies.push({ name: dep, minKB: r.minified / kB, gzipKB: r.gzipped / kB });
  }
  // zod/mini for comparison with the full zod.
  const mini = await bundle(`export * from 'zod/mini';`);
  out.dependencies.push({ name: 'zod/mini (alternative)', minKB: mini.minified / kB, gzipKB: mini.gzipped / kB, notInSum: true });
  out.dependencySumGzipKB = out.dependencies.filter((d) => !d.notInSum).reduce((s, d) => s + d.gzipKB, 0);

  const byPackage = new Map();
  const byFile = [];
  for (const [input, info] of Object.entries(Object.values(reachoutMeta.outputs)[0].inputs)) {
    const name = packageOf(input);
    byPackage.set(name, (byPackage.get(name) ?? 0) + info.bytesInOutput);
    byFile.push({ input, minKB: info.bytesInOutput / kB });
  }
  out.reachoutByPackage = [...byPackage.entries()]
    .map(([name, bytes]) => ({ name, minKB: bytes / kB }))
    .sort((a, b) => b.minKB - a.minKB);
  out.reachoutLargestFiles = byFile.sort((a, b) => b.minKB - a.minKB).slice(0, 25);

  if (print) {
    const f = (x) => x.toFixed(1).padStart(7);
    console.log('\nBundle (esbuild, minified ESM, gzip -9; react/react-dom external; from src/):');
    for (const e of out.entries) {
      const verdict = e.budgetKB ? (e.gzipKB <= e.budgetKB ? `✓ ≤ ${e.budgetKB}` : `✗ > ${e.budgetKB}`) : '';
      console.log(`  ${e.name.padEnd(26)} ${f(e.gzipKB)} kB gzip ${f(e.minKB)} kB min  ${verdict}`);
    }
    console.log('  dependencies, each bundled alone:');
    for (const d of out.dependencies) console.log(`    ${d.name.padEnd(28)} ${f(d.gzipKB)} kB gzip ${f(d.minKB)} kB min`);
    console.log(`    ${'sum'.padEnd(28)} ${f(out.dependencySumGzipKB)} kB gzip`);
    console.log('  `reachout` entry by package (minified bytes in the output):');
    for (const p of out.reachoutByPackage.slice(0, 20)) console.log(`    ${p.name.padEnd(40)} ${f(p.minKB)} kB min`);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await measureBundles({ print: true });
}
