// Installs the packed tarball into a throwaway consumer and uses it as a host would: ESM and
// CJS imports of every entry point, an instanceof check across entries, and server rendering.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, 'node_modules', '.cache', 'consumer-check');
rmSync(work, { recursive: true, force: true });
const packageDir = path.join(work, 'node_modules', 'reachout');
mkdirSync(packageDir, { recursive: true });

const [{ filename }] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8' }),
);
execFileSync('tar', ['-xzf', path.join(work, filename), '-C', packageDir, '--strip-components=1']);

// The consumer lives under our node_modules so the package's own dependencies resolve from there.
writeFileSync(
  path.join(work, 'esm.mjs'),
  `
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { buildTemplateMessage, ReachoutError, normalizePhone } from 'reachout/core';
import * as reachout from 'reachout';
import { createMemoryProvider, fixtures } from 'reachout/testing';

const template = fixtures.templates.find((t) => t.status === 'APPROVED');
assert.ok(template, 'an approved fixture template');
assert.equal(typeof buildTemplateMessage, 'function');
assert.equal(normalizePhone('+55 11 98765-4321').e164, '+5511987654321');
assert.equal(reachout.ReachoutError, ReachoutError, 'one ReachoutError class across entries');

const provider = createMemoryProvider();
await provider.createContact({ input: { name: 'Ana', phone: '+55 11 98765-4321' } });
const duplicate = await provider.createContact({ input: { name: 'Ana', phone: '+5511987654321' } }).catch((e) => e);
assert.ok(duplicate instanceof ReachoutError && duplicate.code === 'CONFLICT', 'CONFLICT from the testing entry is a core ReachoutError');

const html = renderToString(
  createElement(reachout.ReachoutProvider, { dataProvider: provider },
    createElement(reachout.TemplatePreview, { template, parameters: {} })),
);
assert.match(html, /data-slot="template-preview"/);
console.log('  ✓ ESM: reachout, reachout/core, reachout/testing; server-rendered TemplatePreview');
`,
);
writeFileSync(
  path.join(work, 'cjs.cjs'),
  `
const assert = require('node:assert/strict');
const { buildTemplateMessage, ReachoutError } = require('reachout/core');
const reachout = require('reachout');
const { fixtures } = require('reachout/testing');
assert.equal(typeof buildTemplateMessage, 'function');
assert.equal(reachout.ReachoutError, ReachoutError, 'one ReachoutError class across CJS entries');
assert.ok(fixtures.templates.length > 0);
console.log('  ✓ CJS: reachout, reachout/core, reachout/testing');
`,
);
for (const script of ['esm.mjs', 'cjs.cjs']) {
  execFileSync(process.execPath, [path.join(work, script)], { cwd: work, stdio: 'inherit' });
}
