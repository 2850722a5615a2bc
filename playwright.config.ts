import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import {
  e2ePort,
  MAIL_SINK_PORT,
  STRIPE_FAKE_PORT,
  STRIPE_FAKE_URL,
  STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET,
} from './tests/e2e/stripe-env';

// End-to-end tests run against the built server on its own port and database. The browser is
// Debian's Chromium unless BOTCAMP_BROWSER names another executable, or is set to "bundled" to
// use Playwright's own download (on machines where `npx playwright install` works).
const PORT = Number(process.env.E2E_PORT ?? e2ePort(4399));
export const E2E_DATABASE = 'tests/.e2e-data/e2e.db';
const chosen = process.env.BOTCAMP_BROWSER;
const executablePath =
  chosen === 'bundled'
    ? undefined
    : (chosen ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined));

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON
    ? [['json', { outputFile: process.env.PW_JSON }], ['line']]
    : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      // Node itself rather than an npx wrapper, so stopping the server stops this process.
      command: 'node --import tsx tests/stripe/serve-fake-stripe.ts',
      port: STRIPE_FAKE_PORT,
      reuseExistingServer: false,
      env: { STRIPE_FAKE_PORT: String(STRIPE_FAKE_PORT) },
    },
    {
      command: 'rm -rf tests/.e2e-mail && exec node --import tsx tests/mail/smtp-sink.ts',
      port: MAIL_SINK_PORT,
      reuseExistingServer: false,
      env: { MAIL_SINK_PORT: String(MAIL_SINK_PORT), MAIL_SINK_DIR: 'tests/.e2e-mail' },
    },
    {
      // Each run starts from an empty database, removed before the server opens it (Playwright
      // starts the web server before any global setup). It lives outside test-results/, which
      // Playwright empties.
      command: 'rm -rf tests/.e2e-data && exec node --experimental-strip-types src/cli/serve.ts',
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        HOST: '127.0.0.1',
        PORT: String(PORT),
        DATABASE_PATH: E2E_DATABASE,
        SITE_URL: `http://127.0.0.1:${PORT}`,
        // Every test signs up its own learners from this one address.
        SIGNUP_LIMIT_PER_HOUR: '100000',
        ASTRO_NODE_LOGGING: 'disabled',
        STRIPE_SECRET_KEY,
        STRIPE_WEBHOOK_SECRET,
        STRIPE_API_BASE: STRIPE_FAKE_URL,
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SINK_PORT}`,
      },
    },
  ],
});
