// @ts-check
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { defineConfig, envField } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { DEFAULT_DATABASE_PATH } from './src/lib/db/config.ts';

// A composition root: every setting here is read by name elsewhere, nothing is computed.
export default defineConfig({
  output: 'server',
  // Middleware mode: src/cli/serve.ts owns the port and serves the built files from a list made at
  // start, so a page request never first looks for a file on disk.
  adapter: node({ mode: 'middleware', bodySizeLimit: 4 * 1024 * 1024 }),
  integrations: [contentCheck(), mdx()],
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // Login sessions live in SQLite (src/lib/auth/session.ts); Astro's own store would be a second, unrelated one.
  session: false,
  prerenderConflictBehavior: 'error',
  // .prettierrc.json's astroCompressHTML must say the same, so formatting never changes a page.
  compressHTML: true,
  i18n: {
    locales: ['en', 'es'],
    defaultLocale: 'en',
    routing: { prefixDefaultLocale: false },
  },
  security: {
    // Done in src/middleware.ts instead, against SITE_URL too: behind an HTTPS proxy the request
    // arrives as http://, so Astro's check would refuse every form.
    checkOrigin: false,
    actionBodySizeLimit: 512 * 1024,
    // A Content-Security-Policy on every page: Astro hashes the scripts and styles it bundles, and
    // nothing else may run, so injected markup cannot execute. Nothing here needs 'unsafe-inline':
    // no style attributes (ProgressBar draws with SVG) and no Shiki (syntaxHighlight below).
    // No form-action: buying redirects a form post to Stripe's hosted checkout page, and browsers
    // apply form-action to the redirect's target too.
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ],
    },
  },
  markdown: {
    // Shiki colours code with inline style attributes, which the CSP above refuses; code blocks
    // are styled by the site's CSS instead.
    syntaxHighlight: false,
  },
  env: {
    schema: {
      DATABASE_PATH: envField.string({
        context: 'server',
        access: 'secret',
        default: DEFAULT_DATABASE_PATH,
      }),
      // Set to a postgres:// URL to run on PostgreSQL (several app servers); unset: SQLite at DATABASE_PATH.
      DATABASE_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      DATABASE_POOL_SIZE: envField.number({
        context: 'server',
        access: 'secret',
        default: 10,
        int: true,
        min: 1,
      }),
      DATABASE_CONNECT_TIMEOUT_MS: envField.number({
        context: 'server',
        access: 'secret',
        default: 5000,
        int: true,
        min: 1,
      }),
      DATABASE_STATEMENT_TIMEOUT_MS: envField.number({
        context: 'server',
        access: 'secret',
        default: 15000,
        int: true,
        min: 1,
      }),
      DATABASE_BUSY_TIMEOUT_MS: envField.number({
        context: 'server',
        access: 'secret',
        default: 5000,
        int: true,
        min: 1,
      }),
      // 'secret' here means read when the server starts (public server values are fixed at build time).
      SITE_URL: envField.string({
        context: 'server',
        access: 'secret',
        default: 'http://localhost:4321',
        url: true,
      }),
      // Sign-ups allowed per client address per hour (a workshop on one Wi-Fi counts as one client).
      SIGNUP_LIMIT_PER_HOUR: envField.number({
        context: 'server',
        access: 'secret',
        default: 60,
        int: true,
        min: 1,
      }),
      SMTP_URL: envField.string({ context: 'server', access: 'secret', optional: true }),
      MAIL_FROM: envField.string({
        context: 'server',
        access: 'secret',
        default: 'Botcamp <no-reply@botcamp.localhost>',
      }),
      STRIPE_SECRET_KEY: envField.string({ context: 'server', access: 'secret', optional: true }),
      STRIPE_WEBHOOK_SECRET: envField.string({
        context: 'server',
        access: 'secret',
        optional: true,
      }),
      // Points the Stripe SDK at another server that speaks its API (stripe-mock, the tests' own); unset in production.
      STRIPE_API_BASE: envField.string({
        context: 'server',
        access: 'secret',
        optional: true,
        url: true,
      }),
    },
  },
  server: { port: 4321, host: false },
  vite: {
    build: {
      rollupOptions: {
        // Astro's own MDX modules carry a "use astro:head-inject" directive the bundler warns
        // about on every lesson; it is expected and buries real warnings.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});
