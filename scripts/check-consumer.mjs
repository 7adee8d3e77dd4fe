// Installs the packed tarball into a throwaway consumer and uses it as a host would: ESM and
// CJS imports of every entry point, an instanceof check across entries, server rendering, a Vite
// production build of a ContactList-only page in Chromium, and a React 18 host.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkViteHost } from './check-consumer-browser.mjs';
import { checkImportWorkerHosts } from './check-consumer-import-worker.mjs';

const root = path.resolve(import.meta.dirname, '..');
const work = path.join(root, 'node_modules', '.cache', 'consumer-check');
rmSync(work, { recursive: true, force: true });
const packageDir = path.join(work, 'node_modules', 'reachout');
mkdirSync(packageDir, { recursive: true });
// The consumer's own package scope: without it bundlers resolve `reachout` to this repository
// (a package may import itself by name) instead of the unpacked tarball.
writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'consumer-check', private: true }));

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
import { createRestProvider } from 'reachout/rest';
import openapi from 'reachout/openapi.json' with { type: 'json' };

const template = fixtures.templates.find((t) => t.status === 'APPROVED');
assert.ok(template, 'an approved fixture template');
assert.equal(typeof buildTemplateMessage, 'function');
assert.equal(normalizePhone('+55 11 98765-4321').e164, '+5511987654321');
assert.equal(reachout.ReachoutError, ReachoutError, 'one ReachoutError class across entries');
assert.equal(openapi.openapi, '3.1.0', 'reachout/openapi.json is the OpenAPI document');
const unreachable = await createRestProvider({ baseUrl: 'http://127.0.0.1:9/api/v1' }).getContact({ id: 'x' }).catch((e) => e);
assert.ok(unreachable instanceof ReachoutError && unreachable.code === 'NETWORK', 'reachout/rest rejects with the core ReachoutError');

const provider = createMemoryProvider({ contacts: [] });
await provider.createContact({ input: { name: 'Ana', phone: '+55 11 98765-4321' } });
const duplicate = await provider.createContact({ input: { name: 'Ana', phone: '+5511987654321' } }).catch((e) => e);
assert.ok(duplicate instanceof ReachoutError && duplicate.code === 'CONFLICT', 'CONFLICT from the testing entry is a core ReachoutError');

const html = renderToString(
  createElement(reachout.ReachoutProvider, { dataProvider: provider },
    createElement(reachout.TemplatePreview, { template, parameters: {} })),
);
assert.match(html, /data-slot="template-preview"/);
// Server rendering must be quiet: React warns (console.error) about anything that is not SSR-safe.
const serverWarnings = [];
const consoleError = console.error;
console.error = (...args) => serverWarnings.push(args.map(String).join(' ').split('\\n')[0]);
const inboxHtml = renderToString(
  createElement(reachout.ReachoutProvider, { dataProvider: provider }, createElement(reachout.ContactsInbox)),
);
console.error = consoleError;
assert.match(inboxHtml, /data-slot="contacts-inbox"/);
assert.deepEqual(serverWarnings, [], 'server rendering ContactsInbox logs no warnings');
console.log('  ✓ ESM: reachout, reachout/core, reachout/testing, reachout/rest, reachout/openapi.json; server-rendered TemplatePreview and ContactsInbox');
`,
);
writeFileSync(
  path.join(work, 'cjs.cjs'),
  `
const assert = require('node:assert/strict');
const { buildTemplateMessage, ReachoutError } = require('reachout/core');
const reachout = require('reachout');
const { fixtures } = require('reachout/testing');
const { createRestProvider } = require('reachout/rest');
assert.equal(typeof createRestProvider, 'function');
assert.equal(require('reachout/openapi.json').openapi, '3.1.0');
assert.equal(typeof buildTemplateMessage, 'function');
assert.equal(reachout.ReachoutError, ReachoutError, 'one ReachoutError class across CJS entries');
assert.ok(fixtures.templates.length > 0);
console.log('  ✓ CJS: reachout, reachout/core, reachout/testing, reachout/rest, reachout/openapi.json');
`,
);
for (const script of ['esm.mjs', 'cjs.cjs']) {
  execFileSync(process.execPath, [path.join(work, script)], { cwd: work, stdio: 'inherit' });
}

// A production Vite build of a page that imports only ContactList, in Chromium.
await checkViteHost(work);
// Vite and esbuild hosts of ImportContactsDialog: its worker starts with no configuration.
await checkImportWorkerHosts(work);

// React 18: a host on React 18.3 installs the tarball from scratch (its own dependency tree,
// peer ranges checked by npm) and server-renders a widget with it.
const react18 = mkdtempSync(path.join(tmpdir(), 'reachout-react18-'));
copyFileSync(path.join(work, filename), path.join(react18, filename));
copyFileSync(path.join(work, 'esm.mjs'), path.join(react18, 'esm.mjs'));
writeFileSync(path.join(react18, 'package.json'), JSON.stringify({ name: 'react18-host', private: true, type: 'module' }));
execFileSync(
  'npm',
  ['install', '--no-audit', '--no-fund', '--loglevel=error', `./${filename}`, 'react@~18.3.1', 'react-dom@~18.3.1'],
  { cwd: react18, stdio: ['ignore', 'ignore', 'inherit'] },
);
const version = execFileSync(process.execPath, ['-p', "require('react/package.json').version"], { cwd: react18, encoding: 'utf8' }).trim();
process.stdout.write(`  React ${version}:`);
execFileSync(process.execPath, [path.join(react18, 'esm.mjs')], { cwd: react18, stdio: 'inherit' });
rmSync(react18, { recursive: true, force: true });
