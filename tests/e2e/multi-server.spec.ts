import { e2ePort } from './stripe-env';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import pg from 'pg';
import {
  FREE_COURSE,
  mailSinkUrl,
  newAccount,
  PAID_COURSE,
  signUpLinkFor,
  ROOT,
  startBuiltServer,
  stopBuiltServers,
} from './helpers';

// Two identical app servers on one PostgreSQL database, started at the same moment on an empty
// database, as behind a load balancer. Runs when the test script provides a PostgreSQL server.
const serverUrl = process.env.BOTCAMP_TEST_DATABASE_URL;
const PORTS = [e2ePort(4411), e2ePort(4412)];
const SQLITE_FILE = join(ROOT, 'tests/.e2e-data/must-not-exist.db');

test.describe('two servers, one PostgreSQL', () => {
  test.skip(
    !serverUrl,
    'needs BOTCAMP_TEST_DATABASE_URL (the test script starts a PostgreSQL server)',
  );
  const children: ChildProcess[] = [];
  let databaseUrl = '';

  test.beforeAll(async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS botcamp_e2e_multi WITH (FORCE)');
    await admin.query('CREATE DATABASE botcamp_e2e_multi');
    await admin.end();
    const url = new URL(serverUrl!);
    url.pathname = '/botcamp_e2e_multi';
    databaseUrl = url.toString();
    // Both spawned before either is awaited: they start together, as behind a load balancer.
    children.push(
      ...(await Promise.all(
        PORTS.map((port) =>
          startBuiltServer(port, {
            DATABASE_URL: databaseUrl,
            DATABASE_PATH: SQLITE_FILE,
            SITE_URL: `http://127.0.0.1:${port}`,
            SMTP_URL: mailSinkUrl(),
          }),
        ),
      )),
    );
  });

  test.afterAll(async () => {
    // SIGTERM drains: each server finishes what is in flight and exits 0.
    expect(await stopBuiltServers(children)).toEqual([0, 0]);
  });

  const origin = (port: number) => `http://127.0.0.1:${port}`;
  const post = (ctx: APIRequestContext, port: number, path: string, form: Record<string, string>) =>
    ctx.post(`${origin(port)}${path}`, {
      form,
      headers: { Origin: origin(port) },
      maxRedirects: 0,
    });

  test('a session made on one is valid on the other; enrollments and throttling are shared; no SQLite file is touched', async () => {
    const [a, b] = PORTS as [number, number];
    // Cookies are per host, not per port: one context is one browser behind the load balancer.
    const browser = await request.newContext();
    const account = newAccount('multi');
    // Signed up on one server; the e-mailed link opened and the password chosen on the other.
    expect(
      (
        await post(browser, a, '/signup', {
          displayName: account.name,
          email: account.email,
          acceptValues: 'yes',
        })
      ).status(),
    ).toBe(200);
    expect((await browser.get(`${origin(b)}${await signUpLinkFor(account.email)}`)).status()).toBe(
      200,
    );
    expect(
      (await post(browser, b, '/reset-password', { password: account.password })).status(),
    ).toBe(303);
    const dashboard = await browser.get(`${origin(b)}/dashboard`, { maxRedirects: 0 });
    expect(dashboard.status()).toBe(200);
    expect(await dashboard.text()).toContain(account.name);

    const enrolls = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(browser, PORTS[i % 2]!, '/api/enroll', { course: FREE_COURSE, locale: 'en' }),
      ),
    );
    for (const r of enrolls) expect(r.status()).toBe(303);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query(
      'SELECT count(*)::int AS n FROM enrollments e JOIN users u ON u.id = e.user_id WHERE u.email = $1',
      [account.email],
    );
    expect(rows[0].n).toBe(1);
    await client.end();

    // Five wrong passwords split across both servers lock the account on both.
    const stranger = await request.newContext();
    for (let i = 0; i < 5; i++) {
      const r = await post(stranger, PORTS[i % 2]!, '/login', {
        email: account.email,
        password: 'not the password',
      });
      expect(r.status()).toBe(400);
    }
    for (const port of PORTS)
      expect(
        (
          await post(stranger, port, '/login', { email: account.email, password: account.password })
        ).status(),
      ).toBe(429);

    // These servers run with no Stripe key: a paid course says so, and cannot be bought.
    const paid = await browser.get(`${origin(a)}/courses/${PAID_COURSE}`);
    expect(await paid.text()).toContain('Online payment is not available yet');
    const checkout = await post(browser, b, '/api/checkout', {
      course: PAID_COURSE,
      locale: 'en',
      amount: '49',
      nonce: 'nonce-multi-1',
    });
    expect(checkout.status()).toBe(303);
    expect(checkout.headers()['location']).toContain('buy=payments-off');

    expect(existsSync(SQLITE_FILE)).toBe(false);
    await browser.dispose();
    await stranger.dispose();
  });
});
