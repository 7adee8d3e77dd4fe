// Bundle-size budget: each entry point bundled with its dependencies (react and react-dom
// excluded, as the host provides them), minified and gzipped, against the budget in kB.
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const kB = 1000;

export const budgets = [
  { name: 'reachout/core', code: `export * from './dist/core.js';`, limit: 45 * kB },
  // Issue 6 set 140 kB before ContactDetails/ContactsInbox joined the entry: they add 6.6 kB, of
  // which 5.4 kB is Radix Tabs (roving focus + collection), which the spec asks for.
  { name: 'reachout', code: `export * from './dist/index.js';`, limit: 148 * kB },
  { name: 'reachout/rest', code: `export * from './dist/rest.js';`, limit: 6 * kB },
  // Test-only entry (never in a production bundle): budgeted so fixtures don't balloon.
  { name: 'reachout/testing', code: `export * from './dist/testing.js';`, limit: 80 * kB },
];

export async function measure(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/*'],
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0].contents;
  return { minified: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length };
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  let failed = false;
  console.log('Bundle size (min+gzip, react/react-dom excluded):');
  for (const budget of budgets) {
    const { minified, gzipped } = await measure(budget.code);
    const over = gzipped > budget.limit;
    failed ||= over;
    console.log(
      `  ${over ? '✗' : '✓'} ${budget.name.padEnd(18)} ${(gzipped / kB).toFixed(1).padStart(6)} kB gzip` +
        ` (${(minified / kB).toFixed(1)} kB min)  budget ${(budget.limit / kB).toFixed(0)} kB`,
    );
  }
  if (failed) {
    console.error('Size budget exceeded.');
    process.exit(1);
  }
}
