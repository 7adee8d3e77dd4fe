/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere (e.g. Playwright's own build). */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What headless Chromium needs on this kind of machine (no sandbox, no GPU, no background traffic). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
