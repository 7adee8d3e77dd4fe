// What every browser bench shares: one page built from a `bench/page/*.tsx` entry with esbuild
// (production React, one IIFE and its CSS, in bench/.build/<name>/), and one way to launch the
// machine's Chromium with no network chatter (see FACTS.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = import.meta.dirname;

/** The Chromium the benches drive: `CHROMIUM_PATH`, else Debian's. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Builds `bench/page/<entry>.tsx` into `bench/.build/<name>/` with an `index.html` that loads it
 * into `<div id="root">` (styled with `rootStyle`), and answers the page's file URL.
 * `minify: false` keeps function names readable in a profile; `reactProfiling` uses React's
 * profiling build, so `<Profiler onRender>` reports render times in production.
 */
export async function buildBenchPage({ entry, name = entry, title = `${name} bench`, rootStyle = '', minify = true, reactProfiling = false }) {
  const outDir = path.join(here, '.build', name);
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(here, 'page', `${entry}.tsx`)],
    outdir: outDir,
    bundle: true,
    minify,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
    ...(reactProfiling ? { alias: { 'react-dom/client': 'react-dom/profiling' } } : {}),
    // The bundle lands in the repository tree: keep `eslint .` off it.
    banner: { js: '/* eslint-disable */' },
  });
  const style = rootStyle === '' ? '' : ` style="${rootStyle}"`;
  writeFileSync(
    path.join(outDir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="${entry}.css"></head><body style="margin:0"><div id="root"${style}></div>
<script src="${entry}.js"></script></body></html>`,
  );
  return pathToFileURL(path.join(outDir, 'index.html')).href;
}

/** Launches headless Chromium without its background network traffic (the network is closed here). */
export function launchBenchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}
