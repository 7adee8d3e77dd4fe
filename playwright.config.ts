import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './chromium.config';

/**
 * End-to-end tests of the demo page against the reference server (`npx playwright test`).
 * `webServer` runs `scripts/demo.sh` (build the page, start the server) on its own port, with a
 * fresh data directory, a fixed token, a smaller seed and a 1-second WhatsApp simulator, and
 * stops it afterwards. The browser is Debian's Chromium (`CHROMIUM_PATH` to use another build):
 * no `playwright install`.
 */
const port = Number(process.env.REACHOUT_E2E_PORT ?? 4477);
const baseURL = `http://127.0.0.1:${port}`;
/** Inside test-results/ (git-ignored), wiped before each run so every run seeds from scratch. */
const serverDirectory = 'test-results/e2e-server';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  forbidOnly: true,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: `rm -rf ${serverDirectory} && bash scripts/demo.sh`,
    url: `${baseURL}/healthz`,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      REACHOUT_DATA_DIR: `${serverDirectory}/data`,
      REACHOUT_API_TOKEN: 'reachout-e2e-token',
      // Enough contacts to scroll and search through, seeded in a few seconds.
      REACHOUT_SEED: '500',
      REACHOUT_SIM_DELAY_MS: '1000',
      // The runner was installed before it started: no `npm ci` under its feet (ensure-setup.sh
      // reinstalls whenever CI=true).
      CI: 'false',
    },
    timeout: 180_000,
    // REACHOUT_E2E_REUSE_SERVER=1: run against a server already listening on the port (for quick
    // iterations; the tests' phone numbers change per run, so old data does not get in the way).
    reuseExistingServer: process.env.REACHOUT_E2E_REUSE_SERVER === '1',
    // The server logs every request on stdout; its errors (e.g. why it did not start) go to stderr.
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
