/* global document */
// A host page built for production with Vite from the installed tarball, importing only
// ContactList (and the provider it needs), opened in Chromium: the rows paint while the phone
// chunk is held back, the numbers are formatted once it arrives, nothing in the row moves when
// they are, and the page logs no errors. Run by check-consumer.mjs with the consumer's directory.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { chromiumArgs, chromiumPath } from '../chromium.config.ts';

/** Builds the host page under `consumer/vite-host` and checks it in Chromium. */
export async function checkViteHost(consumer) {
  const host = path.join(consumer, 'vite-host');
  rmSync(host, { recursive: true, force: true });
  mkdirSync(host, { recursive: true });
  writeFileSync(
    path.join(host, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head>' +
      '<body><div id="root" style="width:900px;height:600px"></div><script type="module" src="./main.js"></script></body></html>',
  );
  // The host's own provider: the testing entry would bring the phone functions up front.
  writeFileSync(
    path.join(host, 'main.js'),
    `
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { ContactList, ReachoutProvider } from 'reachout';
import 'reachout/styles.css';

const contacts = Array.from({ length: 200 }, (_, i) => ({
  id: 'c' + i,
  name: 'Contact ' + String(i).padStart(3, '0'),
  email: null,
  phone: '+55119876' + String(54321 + i).slice(-5),
  avatarUrl: null,
  createdAt: '2025-03-14T12:00:00.000Z',
}));
const dataProvider = {
  async listContacts({ cursor, limit = 50 }) {
    const start = cursor ? Number(cursor) : 0;
    const items = contacts.slice(start, start + limit);
    return { items, nextCursor: start + limit < contacts.length ? String(start + limit) : null, total: contacts.length };
  },
};
createRoot(document.getElementById('root')).render(
  createElement(ReachoutProvider, { dataProvider }, createElement(ContactList, { onSelect() {} })),
);
`,
  );
  await build({ root: host, logLevel: 'silent', build: { outDir: 'dist', emptyOutDir: true } });

  const outDir = path.join(host, 'dist');
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
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    let releasePhoneChunk;
    const phoneChunkHeld = new Promise((resolve) => (releasePhoneChunk = resolve));
    const phoneChunkRequests = [];
    await page.route(/phone-lazy[^/]*\.js$/, async (route) => {
      phoneChunkRequests.push(route.request().url());
      await phoneChunkHeld;
      await route.continue();
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/`);

    const firstPhone = page.locator('[role="row"][data-contact-id="c0"] [data-column="phone"]');
    await firstPhone.waitFor();
    assert.equal(await firstPhone.innerText(), '+5511987654321', 'the rows paint with the stored number before the phone chunk arrives');
    assert.equal(phoneChunkRequests.length, 1, 'the phone functions come in a chunk of their own, requested after the first paint');
    const cells = page.locator('[role="row"][data-contact-id="c0"] [role="gridcell"]');
    const boxesBefore = await cells.evaluateAll((elements) => elements.map((e) => JSON.stringify(e.getBoundingClientRect())));

    releasePhoneChunk();
    await page.waitForFunction(
      () => document.querySelector('[data-contact-id="c0"] [data-column="phone"]')?.textContent === '+55 11 98765 4321',
    );
    const boxesAfter = await cells.evaluateAll((elements) => elements.map((e) => JSON.stringify(e.getBoundingClientRect())));
    assert.deepEqual(boxesAfter, boxesBefore, 'formatting the numbers moves no cell of the row');
    assert.deepEqual(errors, [], 'the host page logs no errors');
  } finally {
    await browser.close();
    server.close();
  }
  console.log('  ✓ Vite host importing only ContactList: rows first, numbers formatted once the phone chunk loads, no layout shift, no console errors');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await checkViteHost(path.resolve(process.argv[2]));
}
