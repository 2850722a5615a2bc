import { e2ePort } from './stripe-env';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  mailSinkUrl,
  newAccount,
  ROOT,
  signUpOverHttp,
  startBuiltServer,
  stopBuiltServers,
} from './helpers';

// The built server as production runs it: HTTPS ends at a reverse proxy on this machine, which
// forwards plain HTTP with X-Forwarded-For. One server trusts that proxy (127.0.0.1); the other
// trusts a proxy that is not in front of it, so every forwarding header it gets is a forgery.
const SITE_URL = 'https://botcamp.test';
const BEHIND_PROXY = e2ePort(4413);
const FORGED = e2ePort(4414);
const DATA = join(ROOT, 'tests/.e2e-data/proxy');

const start = (port: number, trustedProxies: string) =>
  startBuiltServer(port, {
    DATABASE_PATH: join(DATA, `${port}.db`),
    SITE_URL,
    TRUSTED_PROXIES: trustedProxies,
    SIGNUP_LIMIT_PER_HOUR: '2',
    SMTP_URL: mailSinkUrl(),
  });

/** The headers the proxy adds to every request from a client at `forwardedFor`, and the browser's Origin. */
const proxied = (forwardedFor: string) => ({
  Origin: SITE_URL,
  'X-Forwarded-For': forwardedFor,
  'X-Forwarded-Proto': 'https',
  'X-Forwarded-Host': 'botcamp.test',
});

/** A form post as the proxy would pass it on: the browser's Origin, the client's address. */
function post(
  port: number,
  path: string,
  form: Record<string, string>,
  forwardedFor: string,
  cookie = '',
): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}${path}`, {
    method: 'POST',
    body: new URLSearchParams(form),
    redirect: 'manual',
    headers: { ...proxied(forwardedFor), ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** The status of a login posted through the proxy from a client at `forwardedFor`. */
async function logInFrom(
  port: number,
  email: string,
  password: string,
  forwardedFor: string,
): Promise<number> {
  return (await post(port, '/login', { email, password }, forwardedFor)).status;
}

test.describe('behind a reverse proxy', () => {
  const children: ChildProcess[] = [];

  test.beforeAll(async () => {
    rmSync(DATA, { recursive: true, force: true });
    mkdirSync(DATA, { recursive: true });
    children.push(
      ...(await Promise.all([start(BEHIND_PROXY, '127.0.0.1, ::1'), start(FORGED, '10.9.9.9')])),
    );
  });

  test.afterAll(async () => {
    expect(await stopBuiltServers(children)).toEqual([0, 0]);
  });

  test('cookies are Secure and __Host-, HSTS is sent, and throttling keys on the real client', async () => {
    const account = newAccount('proxy');
    const signup = await signUpOverHttp(
      `http://127.0.0.1:${BEHIND_PROXY}`,
      account,
      proxied('198.51.100.1'),
    );
    expect(signup.form.status).toBe(200);
    expect(signup.session?.status).toBe(303);
    const cookie = signup.session?.headers.getSetCookie().find((c) => c.startsWith('__Host-'));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    const page = await fetch(`http://127.0.0.1:${BEHIND_PROXY}/`);
    expect(page.headers.get('strict-transport-security')).toContain('max-age=');

    // Five wrong passwords from one client lock that client out of this account…
    for (let i = 0; i < 5; i++)
      expect(await logInFrom(BEHIND_PROXY, account.email, 'not the password', '198.51.100.2')).toBe(
        400,
      );
    expect(await logInFrom(BEHIND_PROXY, account.email, account.password, '198.51.100.2')).toBe(
      429,
    );
    // …a client forging an extra hop on the left is still that client…
    expect(
      await logInFrom(BEHIND_PROXY, account.email, account.password, '203.0.113.77, 198.51.100.2'),
    ).toBe(429);
    // …and the owner, elsewhere, behind the same proxy, still gets in.
    expect(await logInFrom(BEHIND_PROXY, account.email, account.password, '198.51.100.3')).toBe(
      303,
    );

    // Sign-ups are counted per real client too (this server allows two an hour).
    const signUpFrom = (ip: string) => {
      const a = newAccount('burst');
      return post(
        BEHIND_PROXY,
        '/signup',
        { displayName: a.name, email: a.email, acceptValues: 'yes' },
        ip,
      );
    };
    expect((await signUpFrom('198.51.100.60')).status).toBe(200);
    expect((await signUpFrom('198.51.100.60')).status).toBe(200);
    const refused = await signUpFrom('198.51.100.60');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signUpFrom('198.51.100.61')).status).toBe(200);
  });

  test('forged forwarding headers from a client that is not a trusted proxy change nothing', async () => {
    const account = newAccount('forged');
    expect(
      (await signUpOverHttp(`http://127.0.0.1:${FORGED}`, account, proxied('198.51.100.1'))).session
        ?.status,
    ).toBe(303);
    // Every attempt claims a new address; the server sees one client and locks it out.
    for (let i = 0; i < 5; i++)
      expect(
        await logInFrom(FORGED, account.email, 'not the password', `198.51.100.${10 + i}`),
      ).toBe(400);
    expect(await logInFrom(FORGED, account.email, account.password, '198.51.100.99')).toBe(429);
  });
});
