import { defineConfig } from '@playwright/test'

// Playwright's own browser download cannot work here: Debian's Chromium is used instead.
// E2E_PORT and E2E_DIST let two checkouts' runs (or a run beside a dev server) coexist.
const PORT = Number(process.env.E2E_PORT ?? 8097)
const DATA = `.tmp/e2e-${PORT}`
export const baseURL = `http://127.0.0.1:${PORT}`
// e2e/embed.spec.ts serves the example portal (examples/portal/) from two more origins:
// one in EMBED_ALLOWED_ORIGINS, one not, to see the browser refuse to frame the app.
export const portalOrigins = { allowed: `http://127.0.0.1:${PORT + 1000}`, refused: `http://127.0.0.1:${PORT + 1001}` }

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    // A fresh data directory each run: the server starts on its embedded defaults, as `npm start` does.
    command: `rm -rf ${DATA} && node --import tsx server/main.ts`,
    url: `${baseURL}/api/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: `${DATA}/data`,
      LOG_LEVEL: 'warn',
      EMBED_ALLOWED_ORIGINS: `'self' ${portalOrigins.allowed}`,
      ...(process.env.E2E_DIST ? { STATIC_DIR: process.env.E2E_DIST } : {}),
    },
  },
})
