import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.resolve(import.meta.dirname, '../../scripts/check-size.mjs');

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

// About 6 kB gzipped whatever the compressor: random bytes do not compress.
const payload = JSON.stringify(randomBytes(6000).toString('base64'));

/** Packs a package made of `files` and runs the size check on it with one budget of 2 kB. */
function checkPackage(files: Record<string, string>, code: string) {
  const root = mkdtempSync(path.join(tmpdir(), 'size-'));
  roots.push(root);
  const manifest = { name: 'fixture-lib', version: '1.0.0', type: 'module', sideEffects: false, exports: './index.js' };
  writeFileSync(path.join(root, 'package.json'), JSON.stringify(manifest));
  for (const [file, source] of Object.entries(files)) writeFileSync(path.join(root, file), source);
  const budgets = path.join(root, 'budgets.json');
  writeFileSync(budgets, JSON.stringify([{ name: 'Small', code, initialKB: 2, totalKB: 2 }]));
  const result = spawnSync(process.execPath, [script, '--package', root, '--budgets', budgets, '--json'], { encoding: 'utf8' });
  const [measured] = result.status === 0 || result.status === 1 ? JSON.parse(result.stdout) : [];
  return { status: result.status, measured, stderr: result.stderr };
}

describe('check-size', () => {
  it('passes an import whose unused neighbours a bundler can drop', () => {
    const result = checkPackage(
      {
        'index.js': `export class Small extends Error {}\nexport const Heavy = /* @__PURE__ */ register(${payload});\nfunction register(x) { globalThis.registered = x; return x; }\n`,
      },
      "export { Small } from 'fixture-lib';",
    );
    expect(result.status).toBe(0);
    expect(result.measured.initialKB).toBeLessThan(1);
  });

  it('fails when an unused export cannot be dropped (a module-level call without a pure mark)', () => {
    const result = checkPackage(
      {
        'index.js': `export class Small extends Error {}\nexport const Heavy = register(${payload});\nfunction register(x) { globalThis.registered = x; return x; }\n`,
      },
      "export { Small } from 'fixture-lib';",
    );
    expect(result.status).toBe(1);
    expect(result.measured.initialKB).toBeGreaterThan(2);
    expect(result.stderr).toContain('Size budget exceeded: Small');
  });

  it('counts a chunk loaded by dynamic import() in the total, not in the initial size', () => {
    const result = checkPackage(
      {
        'index.js': "export class Small extends Error {}\nexport const loadHeavy = () => import('./heavy.js');\n",
        'heavy.js': `export const heavy = ${payload};\n`,
      },
      "export { Small, loadHeavy } from 'fixture-lib';",
    );
    expect(result.measured.initialKB).toBeLessThan(1);
    expect(result.measured.totalKB).toBeGreaterThan(2);
    expect(result.status).toBe(1);
  });
});
