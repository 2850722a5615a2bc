import { e2ePort } from './stripe-env';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import {
  FREE_COURSE,
  mailSinkUrl,
  newAccount,
  ROOT,
  signUpOverHttp,
  startBuiltServer,
  stopBuiltServers,
} from './helpers';

// The built server on SQLite is killed with SIGKILL (no chance to flush or drain) in the middle of
// a burst of sign-ups (finished with their first password) and enrollments. After a restart the database must be intact, and every
// request that was answered with success must be in it: an acknowledged write is on disk.
const PORT = e2ePort(4415);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const DATA = join(ROOT, 'tests/.e2e-data/crash');
const DATABASE_PATH = join(DATA, 'crash.db');

const start = () =>
  startBuiltServer(PORT, {
    DATABASE_PATH,
    SITE_URL: ORIGIN,
    SIGNUP_LIMIT_PER_HOUR: '100000',
    SMTP_URL: mailSinkUrl(),
  });

function post(path: string, form: Record<string, string>, cookie = ''): Promise<Response> {
  return fetch(`${ORIGIN}${path}`, {
    method: 'POST',
    body: new URLSearchParams(form),
    redirect: 'manual',
    headers: { Origin: ORIGIN, ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/**
 * One learner's sign-up (form, e-mailed link, first password) and enrollment; records each step
 * only once the server said yes. False once the server is gone.
 */
async function learnerFlow(acknowledged: {
  signedUp: string[];
  enrolled: string[];
}): Promise<boolean> {
  const account = newAccount('crash');
  try {
    const signup = await signUpOverHttp(ORIGIN, account);
    if (signup.session?.status !== 303) return true;
    acknowledged.signedUp.push(account.email);
    const enroll = await post('/api/enroll', { course: FREE_COURSE, locale: 'en' }, signup.cookie);
    if (enroll.status === 303) acknowledged.enrolled.push(account.email);
    return true;
  } catch {
    // The connection died with the server (or the link never came): this step was never acknowledged.
    return false;
  }
}

test('after SIGKILL mid-burst the database is intact and holds every acknowledged write', async () => {
  test.setTimeout(120_000);
  rmSync(DATA, { recursive: true, force: true });
  mkdirSync(DATA, { recursive: true });
  let server = await start();

  // Twelve clients sign up and enroll learners one after another until the server is gone, so
  // requests are in flight whenever the kill lands.
  const acknowledged = { signedUp: [] as string[], enrolled: [] as string[] };
  let interrupted = 0;
  const clients = Array.from({ length: 12 }, async () => {
    while (await learnerFlow(acknowledged));
    interrupted++;
  });
  await expect
    .poll(() => acknowledged.enrolled.length, { timeout: 60_000, intervals: [20] })
    .toBeGreaterThanOrEqual(20);
  server.kill('SIGKILL');
  await Promise.all(clients);
  expect(interrupted).toBe(12);

  server = await start();
  try {
    const db = new Database(DATABASE_PATH, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const finished = new Set(
        (
          db.prepare('SELECT email FROM users WHERE password_hash IS NOT NULL').all() as {
            email: string;
          }[]
        ).map((r) => r.email),
      );
      for (const email of acknowledged.signedUp)
        expect(finished.has(email), `${email}'s password was acknowledged`).toBe(true);
      const enrolled = new Set(
        (
          db
            .prepare(
              "SELECT u.email FROM enrollments e JOIN users u ON u.id = e.user_id WHERE e.course_slug = ? AND e.status = 'active'",
            )
            .all(FREE_COURSE) as { email: string }[]
        ).map((r) => r.email),
      );
      for (const email of acknowledged.enrolled)
        expect(enrolled.has(email), `${email}'s enrollment was acknowledged`).toBe(true);
    } finally {
      db.close();
    }
    // And the restarted server serves from that database.
    expect((await fetch(`${ORIGIN}/courses/${FREE_COURSE}`)).status).toBe(200);
  } finally {
    expect(await stopBuiltServers([server])).toEqual([0]);
  }
});
