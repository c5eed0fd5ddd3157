import { defineConfig } from '@playwright/test';
import { existsSync } from 'node:fs';

// Debian's Chromium when present (browser downloads do not work on these machines); otherwise
// Playwright's own browser after `npx playwright install chromium`.
// E2E_PORT lets two checkouts run their end-to-end tests side by side.
const port = Number(process.env.E2E_PORT ?? 4317);
const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: [
    {
      command: `node tests/serve-build.mjs build ${port}`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: !process.env.CI,
    },
    // The build made with BASE_PATH=/nps-lines, served as GitHub Pages serves a project site.
    {
      command: `node tests/serve-build.mjs build-pages ${port + 1} /nps-lines/`,
      url: `http://127.0.0.1:${port + 1}/nps-lines/`,
      reuseExistingServer: !process.env.CI,
    },
  ],
});
