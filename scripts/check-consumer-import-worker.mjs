// Two host pages built for production from the installed tarball, one with Vite and one with
// esbuild, each rendering ImportContactsDialog in Chromium: choosing a file starts the import
// worker (from the library's own bundled code, nothing for the host to configure), the rows are
// read and checked there, and the page logs no errors. Vite must not warn about the library's
// dynamic imports. Run by check-consumer.mjs with the consumer's directory.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { chromiumArgs, chromiumPath } from '../chromium.config.ts';

const page = (script, stylesheet) =>
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>' +
  (stylesheet ? `<link rel="stylesheet" href="./${stylesheet}">` : '') +
  '<link rel="icon" href="data:,"></head>' +
  `<body><div id="root"></div><script type="module" src="./${script}"></script></body></html>`;

const main = `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { ImportContactsDialog, ReachoutProvider } from 'reachout';

const dataProvider = {
  async listContacts() {
    return { items: [], nextCursor: null, total: 0 };
  },
  async importContacts({ input }) {
    return { created: input.rows.length, updated: 0, skipped: [] };
  },
};
createRoot(document.getElementById('root')).render(
  createElement(ReachoutProvider, { dataProvider, locale: 'en-US' }, createElement(ImportContactsDialog, { defaultOpen: true })),
);
`;

const csv = 'Name,Phone,City\nAna,+55 61 99123-4567,Brasília\nBruno,+55 61 99123-4568,Recife\nBad,call me,Natal\n';

function serve(outDir) {
  const server = createServer((request, response) => {
    const file = path.join(outDir, decodeURIComponent(new URL(request.url, 'http://host').pathname));
    try {
      const body = readFileSync(file.endsWith('/') ? path.join(file, 'index.html') : file);
      const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : 'text/html';
      response.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function importInChromium(browser, outDir, host) {
  const server = await serve(outDir);
  try {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('response', (response) => response.status() >= 400 && errors.push(`${response.status()} ${response.url()}`));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    await tab.getByLabel('File').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await tab.getByText('2 ready, 1 need attention').waitFor();
    assert.equal(tab.workers().length, 1, `${host}: the rows were read and checked in a worker`);
    await tab.getByRole('button', { name: 'Import' }).click();
    await tab.getByText('Created 2, updated 0, skipped 1.').waitFor();
    assert.deepEqual(errors, [], `${host}: the page logs no errors`);
    await tab.close();
  } finally {
    server.close();
  }
}

/** Builds the Vite and esbuild hosts under `consumer` and imports a file with each in Chromium. */
export async function checkImportWorkerHosts(consumer) {
  const viteHost = path.join(consumer, 'vite-import-host');
  const esbuildHost = path.join(consumer, 'esbuild-import-host');
  for (const host of [viteHost, esbuildHost]) {
    rmSync(host, { recursive: true, force: true });
    mkdirSync(host, { recursive: true });
    writeFileSync(path.join(host, 'main.js'), `import 'reachout/styles.css';\n${main}`);
  }

  writeFileSync(path.join(viteHost, 'index.html'), page('main.js', null));
  const viteWarnings = [];
  await viteBuild({
    root: viteHost,
    logLevel: 'silent',
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      rollupOptions: { onwarn: (warning) => viteWarnings.push(`${warning.code}: ${warning.message}`) },
    },
  });
  assert.deepEqual(
    // "use client" on the widgets' entry is for React Server Components hosts; client bundlers drop it.
    viteWarnings.filter((warning) => /reachout/.test(warning) && !/^MODULE_LEVEL_DIRECTIVE: .*"use client"/.test(warning)),
    [],
    'Vite prints no warning about the library (INEFFECTIVE_DYNAMIC_IMPORT among them)',
  );

  const esbuildOut = path.join(esbuildHost, 'dist');
  await esbuild({
    entryPoints: [path.join(esbuildHost, 'main.js')],
    absWorkingDir: esbuildHost,
    outdir: esbuildOut,
    entryNames: 'main',
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  writeFileSync(path.join(esbuildOut, 'index.html'), page('main.js', 'main.css'));

  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    await importInChromium(browser, path.join(viteHost, 'dist'), 'Vite');
    await importInChromium(browser, esbuildOut, 'esbuild');
  } finally {
    await browser.close();
  }
  console.log('  ✓ Vite and esbuild hosts with ImportContactsDialog: the file is read and checked in a worker, no build warnings, no console errors');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await checkImportWorkerHosts(path.resolve(process.argv[2]));
}
