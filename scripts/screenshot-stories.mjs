// Screenshots of stories, to look at a widget without opening a browser by hand.
//
//   npx storybook build -o storybook-static --quiet
//   npx node scripts/screenshot-stories.mjs widgets-templatepreview--dark widgets-templatepreview--long-text
//
// Options: --dir <static Storybook build> (default storybook-static), --width / --height <px>
// (default 640 × 600), --wait <ms> after rendering, e.g. for play functions (default 200),
// --out <folder> (default screenshots, gitignored). Open dialogs are captured with the viewport. Writes <out>/<story-id>.png and prints each path.
// Uses Debian's Chromium (CHROMIUM_PATH to override): no browser download.
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values, positionals: storyIds } = parseArgs({
  allowPositionals: true,
  options: {
    dir: { type: 'string', default: 'storybook-static' },
    width: { type: 'string', default: '640' },
    out: { type: 'string', default: 'screenshots' },
    height: { type: 'string', default: '600' },
    wait: { type: 'string', default: '200' },
  },
});

if (storyIds.length === 0) {
  console.error('Usage: npx node scripts/screenshot-stories.mjs [--dir storybook-static] [--width 640] <story-id>...');
  process.exit(2);
}

const root = path.resolve(values.dir);
try {
  await stat(path.join(root, 'iframe.html'));
} catch {
  console.error(`${root}/iframe.html not found: build Storybook first (npx storybook build -o ${values.dir} --quiet).`);
  process.exit(2);
}

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const server = http.createServer(async (request, response) => {
  const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  const file = path.join(root, pathname === '/' ? 'index.html' : pathname);
  if (!file.startsWith(root)) {
    response.writeHead(403).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    response.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

let failed = false;
try {
  await mkdir(values.out, { recursive: true });
  const page = await browser.newPage({ viewport: { width: Number(values.width), height: Number(values.height) }, deviceScaleFactor: 1 });
  for (const id of storyIds) {
    try {
      await page.goto(`${origin}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story`);
      // Rendered, fonts loaded and images settled (loaded or failed).
      await page.locator('#storybook-root > *').first().waitFor({ timeout: 15_000 });
      await page.evaluate(async () => {
        // Runs in the page: the browser's document, not Node's.
        const { document } = globalThis;
        await document.fonts.ready;
        const settled = (image) =>
          new Promise((resolve) => {
            image.addEventListener('load', resolve, { once: true });
            image.addEventListener('error', resolve, { once: true });
            setTimeout(resolve, 3000);
          });
        await Promise.all([...document.images].filter((image) => !image.complete).map(settled));
      });
      await page.waitForTimeout(Number(values.wait));
      const file = path.join(values.out, `${id}.png`);
      // Dialogs portal outside the story root and are fixed-position: capture the viewport then.
      const hasDialog = (await page.locator('[role="dialog"], [role="alertdialog"]').count()) > 0;
      if (hasDialog) await page.screenshot({ path: file });
      else await page.locator('#storybook-root').screenshot({ path: file });
      console.log(file);
    } catch (error) {
      failed = true;
      console.error(`${id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
