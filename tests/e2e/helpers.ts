import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { MAIL_SINK_PORT } from './stripe-env';
import { parse as parseYaml } from 'yaml';

/** Shared helpers for the end-to-end suite: accounts, enrollment, the database, content, axe. */

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const E2E_DB = join(ROOT, 'tests/.e2e-data/e2e.db');
export const FREE_COURSE = 'chatbots-for-organizing';
export const PAID_COURSE = 'texting-for-turnout';
export const FREE_TITLE = 'Chatbots for organizing, unions and electoral campaigns';
export const PAID_TITLE = 'Texting for turnout: an SMS playbook for the final week';

export const coursePath = (slug: string) => `/courses/${slug}`;
export const lessonPath = (course: string, lesson: string) =>
  `/courses/${course}/lessons/${lesson}`;

// ---------------------------------------------------------------------------------------------
// Accounts

export interface Account {
  name: string;
  email: string;
  password: string;
}

/** A fresh, valid account: name and password never overlap, and the password is not common. */
export function newAccount(label = 'learner'): Account {
  const id = `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;
  return {
    name: `Ada Tester ${id.slice(-4).toUpperCase()}`,
    email: `${label}-${id}@example.org`,
    password: `Violet-harbor-${randomBytes(5).toString('hex')}!`,
  };
}

/** Fills and sends the sign-up form, up to the "check your inbox" page. */
export async function sendSignUpForm(page: Page, account: Account): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Your name').fill(account.name);
  await page.getByLabel('E-mail address').fill(account.email);
  await page.getByRole('checkbox', { name: /I have read and accept/ }).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your inbox' })).toBeVisible();
}

/**
 * Creates an account the way a person does: the sign-up form, the e-mailed link (read from the
 * test SMTP sink), the password. Leaves the page signed in on the dashboard.
 */
export async function signUp(page: Page, account: Account = newAccount()): Promise<Account> {
  await sendSignUpForm(page, account);
  await page.goto(await signUpLinkFor(account.email));
  await expect(page.getByRole('heading', { level: 1, name: 'Choose your password' })).toBeVisible();
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your account is ready' })).toBeVisible();
  return account;
}

/** Fills and submits the login form (the page must be on /login). */
export async function submitLogin(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('main').getByRole('button', { name: 'Log in' }).click();
}

export async function logIn(
  page: Page,
  account: Pick<Account, 'email' | 'password'>,
): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, account.email, account.password);
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Enrolls the signed-in learner in the free course with the landing page's button. */
export async function enrollFree(page: Page, course = FREE_COURSE): Promise<void> {
  await page.goto(coursePath(course));
  await page.getByRole('button', { name: 'Enroll for free' }).first().click();
  await expect(page).toHaveURL(new RegExp(`/courses/${course}/lessons/[a-z0-9-]+\\?enrolled=1$`));
}

/** The site's own origin, which the server requires on every form post. */
export const siteOrigin = (): string => test.info().project.use.baseURL!;

/** A form POST as the browser would send it from `origin` (this site by default), without following redirects. */
export function postForm(
  request: APIRequestContext,
  path: string,
  form: Record<string, string>,
  origin = siteOrigin(),
) {
  return request.post(path, { form, headers: { Origin: origin }, maxRedirects: 0 });
}

/**
 * Set-up shortcut for tests about something else: the sign-up form, the e-mailed link and the
 * password form, posted directly. With `page.request` the session cookie lands in the page's
 * browser context, so the page is signed in. (The pages themselves are exercised by `signUp`.)
 */
export async function createAccount(
  request: APIRequestContext,
  account: Account = newAccount(),
): Promise<Account> {
  const response = await postForm(request, '/signup', {
    displayName: account.name,
    email: account.email,
    acceptValues: 'yes',
  });
  expect(response.status(), `sign-up of ${account.email}`).toBe(200);
  expect((await request.get(await signUpLinkFor(account.email))).status()).toBe(200);
  const saved = await postForm(request, '/reset-password', { password: account.password });
  expect(saved.status(), `first password of ${account.email}`).toBe(303);
  expect(saved.headers()['location']).toBe('/dashboard');
  return account;
}

/**
 * The same over plain HTTP, for the extra servers some tests start (their mail must go to the
 * test SMTP sink: pass `SMTP_URL: mailSinkUrl`). `headers` go on every request (a proxy's
 * forwarding headers, an Origin). Returns the answers, so a test can look at each.
 */
export async function signUpOverHttp(
  base: string,
  account: Account,
  headers: Record<string, string> = {},
) {
  const send = (path: string, init: RequestInit = {}) =>
    fetch(`${base}${path}`, {
      redirect: 'manual',
      ...init,
      headers: {
        Origin: base,
        ...headers,
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  const form = await send('/signup', {
    method: 'POST',
    body: new URLSearchParams({
      displayName: account.name,
      email: account.email,
      acceptValues: 'yes',
    }),
  });
  if (form.status !== 200) return { form, session: undefined, cookie: '' };
  const link = await send(await signUpLinkFor(account.email));
  expect(link.status).toBe(303);
  const resetCookie = link.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const session = await send(link.headers.get('location')!, {
    method: 'POST',
    body: new URLSearchParams({ password: account.password }),
    headers: { Cookie: resetCookie },
  });
  const cookie = session.headers
    .getSetCookie()
    .filter((c) => !/^(reset_token|notice)=/.test(c))
    .map((c) => c.split(';')[0])
    .join('; ');
  return { form, session, cookie };
}

/** Set-up shortcut: the free-enrollment form post (the button is exercised by `enrollFree`). */
export async function enrollByPost(
  request: APIRequestContext,
  course = FREE_COURSE,
): Promise<void> {
  const response = await postForm(request, '/api/enroll', { course, locale: 'en' });
  expect(response.status(), `enrollment in ${course}`).toBe(303);
}

/** A signed-in learner enrolled in the free course, set up without the UI. */
export async function enrolledLearner(page: Page): Promise<Account> {
  const account = await createAccount(page.request);
  await enrollByPost(page.request);
  return account;
}

// ---------------------------------------------------------------------------------------------
// Database (the server's own SQLite file; read-only here)

export function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return fn(db);
  } finally {
    db.close();
  }
}

/** Where the test SMTP server (tests/mail/smtp-sink.ts) delivers the site's e-mail. */
export const MAIL_SINK_DIR = join(ROOT, 'tests/.e2e-mail');

/** The newest e-mail delivered to an address, as its recipient reads it (over real SMTP). */
export function latestEmail(
  to: string,
  subject?: string,
): { subject: string; text: string } | undefined {
  if (!existsSync(MAIL_SINK_DIR)) return undefined;
  const address = to.toLowerCase();
  for (const name of readdirSync(MAIL_SINK_DIR)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .reverse()) {
    const mail = JSON.parse(readFileSync(join(MAIL_SINK_DIR, name), 'utf8')) as {
      to: string[];
      subject: string;
      text: string;
    };
    if (
      mail.to.map((a) => a.toLowerCase()).includes(address) &&
      (subject === undefined || mail.subject === subject)
    )
      return mail;
  }
  return undefined;
}

/** The path (and query) of the set-password link in the newest e-mail to an address with this subject. */
async function emailedLinkFor(email: string, subject: string): Promise<string> {
  let found: string | undefined;
  await expect
    .poll(
      () => {
        found = latestEmail(email, subject)?.text.match(
          /(?:\/[a-z]{2})?\/reset-password\/[A-Za-z0-9_-]+(?:\?next=\S+)?/,
        )?.[0];
        return found;
      },
      { message: `an e-mail "${subject}" with a link for ${email}` },
    )
    .toBeTruthy();
  return found!;
}

/** The link in the newest password-reset e-mail for an address. */
export const resetLinkFor = (email: string): Promise<string> =>
  emailedLinkFor(email, 'Reset your Botcamp password');
/** The link in the newest "finish your sign-up" e-mail for an address. */
export const signUpLinkFor = (email: string): Promise<string> =>
  emailedLinkFor(email, 'Finish creating your Botcamp account');

/** The SMTP address of the test sink, for servers a test starts itself. */
export const mailSinkUrl = (): string => `smtp://127.0.0.1:${MAIL_SINK_PORT}`;

/** Runs the admin CLI against the e2e database. */
export function adminCli(...args: string[]): string {
  return execFileSync('npx', ['tsx', 'src/cli/admin.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`,
      DATABASE_PATH: 'tests/.e2e-data/e2e.db',
    },
  });
}

/**
 * An account made as an operator makes staff: `create-account` (or `create-admin`) on the CLI,
 * then its one-time link to choose the password, then a sign-in on `page`.
 */
export async function staffFromCli(
  page: Page,
  account: Account,
  role: 'admin' | 'instructor' | 'learner',
): Promise<Account> {
  const output =
    role === 'admin'
      ? adminCli('create-admin', account.email, account.name)
      : adminCli('create-account', account.email, role, account.name);
  const link = new URL(output.match(/https?:\/\/\S+\/reset-password\/\S+/)![0]);
  await page.goto(link.pathname);
  // A new account chooses its first password and is signed in; an existing one (a retry) resets it.
  const first = await page
    .getByRole('heading', { level: 1, name: 'Choose your password' })
    .isVisible();
  await page
    .getByLabel(first ? 'Password' : 'New password', { exact: true })
    .fill(account.password);
  await page
    .getByRole('button', { name: first ? 'Save and sign in' : 'Save the new password' })
    .click();
  if (first) await expect(page).toHaveURL('/dashboard');
  else await logIn(page, account);
  return account;
}

// ---------------------------------------------------------------------------------------------
// Content (read from the source files, so the tests follow the course as it is written)

export interface QuizData {
  id: string;
  question: string;
  options: string[];
  answer: number;
}

export interface LessonData {
  slug: string;
  title: string;
  module: string;
  order: number;
  preview: boolean;
  requiresQuiz: boolean;
  quizzes: QuizData[];
}

function frontmatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  const match = text.match(/^---\r?\n([\s\S]*?)\r?\n---/);
  if (!match) throw new Error(`No frontmatter in ${file}`);
  return parseYaml(match[1]!) as Record<string, unknown>;
}

/** The published lessons of a course in curriculum order (modules as listed, then `order`). */
export function courseLessons(course: string): LessonData[] {
  const dir = join(ROOT, 'content/courses', course);
  const meta = parseYaml(readFileSync(join(dir, 'course.yaml'), 'utf8')) as {
    modules: { id: string }[];
  };
  const moduleIndex = new Map(meta.modules.map((m, i) => [m.id, i]));
  const lessons = readdirSync(join(dir, 'lessons'))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const data = frontmatter(join(dir, 'lessons', f)) as Record<string, any>;
      return {
        slug: f.replace(/\.mdx$/, ''),
        title: String(data.title),
        module: String(data.module),
        order: Number(data.order),
        preview: data.preview === true,
        requiresQuiz: data.requiresQuiz === true,
        draft: data.draft === true,
        quizzes: (data.quizzes ?? []) as QuizData[],
      };
    })
    .filter((l) => !l.draft && moduleIndex.has(l.module));
  return lessons.sort(
    (a, b) => moduleIndex.get(a.module)! - moduleIndex.get(b.module)! || a.order - b.order,
  );
}

export function lessonData(course: string, slug: string): LessonData {
  const lesson = courseLessons(course).find((l) => l.slug === slug);
  if (!lesson) throw new Error(`No lesson ${slug} in ${course}`);
  return lesson;
}

/** Answers one knowledge check on the current lesson page and waits for the graded result. */
export async function answerQuiz(
  page: Page,
  quiz: QuizData,
  choice: number = quiz.answer,
): Promise<void> {
  const group = page.getByRole('group', { name: quiz.question, exact: true });
  const form = page.locator('form').filter({ has: group });
  await group.getByRole('radio', { name: quiz.options[choice]!, exact: true }).check();
  await form.getByRole('button', { name: /Check my answer|Answer again/ }).click();
  const section = page
    .locator('section.quiz')
    .filter({ has: page.getByRole('group', { name: quiz.question, exact: true }) });
  await expect(section.getByRole('status')).toContainText(
    choice === quiz.answer ? 'Correct.' : 'Not quite.',
  );
}

// ---------------------------------------------------------------------------------------------
// Accessibility

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Runs axe on the page and reports a readable list of every violation and its nodes. The check
 * is soft: the test goes on (so one test can audit several pages) and fails at its end.
 */
export async function expectNoA11yViolations(page: Page, label = page.url()): Promise<void> {
  // options() must come before withTags(): it replaces the whole options object, runOnly included.
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_TAGS)
    .analyze();
  const report = results.violations
    .map(
      (v) =>
        `- [${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes
          .map(
            (n) =>
              `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`,
          )
          .join('\n'),
    )
    .join('\n');
  expect
    .soft(
      results.violations.map((v) => v.id),
      `axe violations on ${label}:\n${report}\n`,
    )
    .toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Extra built servers (several servers, a proxy in front, a crash)

/**
 * Starts the built server (`src/cli/serve.ts`) on 127.0.0.1:`port` with `env` added, and waits
 * until its home page answers. Node itself runs it (not an npx wrapper), so signals reach it.
 */
export async function startBuiltServer(
  port: number,
  env: Record<string, string>,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--experimental-strip-types', 'src/cli/serve.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      ASTRO_NODE_LOGGING: 'disabled',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  await expect(async () =>
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200),
  ).toPass({ timeout: 30_000 });
  return child;
}

/** Sends SIGTERM to each server and resolves with their exit codes (0 when they drained). */
export function stopBuiltServers(children: ChildProcess[]): Promise<(number | null)[]> {
  const exits = children.map(
    (child) =>
      new Promise<number | null>((resolve) =>
        child.exitCode !== null
          ? resolve(child.exitCode)
          : child.once('exit', (code) => resolve(code)),
      ),
  );
  for (const child of children) child.kill('SIGTERM');
  return Promise.all(exits);
}
