import { expect, test } from '@playwright/test';
import {
  FREE_COURSE,
  adminCli,
  answerQuiz,
  courseLessons,
  createAccount,
  enrollByPost,
  lessonPath,
  newAccount,
} from './helpers';

/**
 * Lesson pages are answered from a copy kept for what the page shows of its viewer (their
 * progress, answers, chats and drafts, their role's menu): learners in the same state share one.
 * These tests look from outside for what must never happen: one learner's state on another's
 * page, an identity in a shared copy, access that outlives a revocation.
 */
const lessons = courseLessons(FREE_COURSE);
const gated = lessons.find((l) => !l.preview && l.quizzes.length > 0)!;
const preview = lessons.find((l) => l.preview)!;

test('learners in the same state get the same lesson page, and one learner’s answer never shows on another’s', async ({
  page,
  playwright,
  baseURL,
}) => {
  const path = lessonPath(FREE_COURSE, gated.slug);
  const alice = await createAccount(page.request, newAccount('alice'));
  await enrollByPost(page.request);
  const bobRequest = await playwright.request.newContext({ baseURL });
  const bob = await createAccount(bobRequest, newAccount('bob'));
  await enrollByPost(bobRequest);
  // The "your account is ready" notice is shown once, on the next page: let the dashboard have it.
  await page.request.get('/dashboard');
  await bobRequest.get('/dashboard');

  const forAlice = await (await page.request.get(path)).text();
  const forBob = await (await bobRequest.get(path)).text();
  expect(forBob).toBe(forAlice);
  for (const identity of [alice.email, alice.name, bob.email, bob.name])
    expect(forAlice).not.toContain(identity);

  // Alice answers a knowledge check: her page shows it, Bob's (in the state Alice was in) does not.
  const quiz = gated.quizzes[0]!;
  const wrong = (quiz.answer + 1) % quiz.options.length;
  await page.goto(path);
  await answerQuiz(page, quiz, wrong);
  const aliceAfter = await (await page.request.get(path)).text();
  expect(aliceAfter).toContain('Your answer');
  expect(aliceAfter).not.toBe(forAlice);
  const bobAfter = await (await bobRequest.get(path)).text();
  expect(bobAfter).not.toContain('Your answer');
  expect(bobAfter).toBe(forBob);

  // Bob's access ends on his very next request, though a copy of his page was kept a moment ago.
  adminCli('revoke', bob.email, FREE_COURSE, '--reason', 'kept-page test');
  expect((await bobRequest.get(path)).status()).toBe(403);
  expect((await page.request.get(path)).status()).toBe(200);
  await bobRequest.dispose();
});

test('a kept copy still clears a dead session cookie and carries the security headers', async ({
  playwright,
  baseURL,
}) => {
  const path = lessonPath(FREE_COURSE, preview.slug);
  const visitor = await playwright.request.newContext({ baseURL });
  const first = await visitor.get(path);
  const second = await visitor.get(path);
  expect(await second.text()).toBe(await first.text());
  for (const header of ['content-security-policy', 'x-frame-options', 'x-content-type-options'])
    expect(second.headers()[header], header).toBeTruthy();

  const stale = await visitor.get(path, { headers: { cookie: 'session=no-such-session' } });
  expect(stale.status()).toBe(200);
  expect(await stale.text()).toBe(await first.text());
  expect(stale.headers()['set-cookie'] ?? '').toMatch(/^session=;/);
  await visitor.dispose();
});

test('a lesson answered early, before the framework runs, says everything the framework’s answer said', async ({
  page,
}) => {
  // A language of its own, so no other test has kept a copy for this state yet.
  const path = `/es${lessonPath(FREE_COURSE, gated.slug)}`;
  await createAccount(page.request, newAccount('early'));
  await enrollByPost(page.request);
  await page.request.get('/dashboard');

  const rendered = await page.request.get(path);
  const early = await page.request.get(path);
  expect(early.status()).toBe(200);
  expect(await early.body()).toEqual(await rendered.body());
  // Framing differs (a length instead of chunks) and the date moves on; nothing else may.
  const framing = new Set([
    'date',
    'content-length',
    'transfer-encoding',
    'connection',
    'keep-alive',
  ]);
  const said = (response: typeof early) =>
    Object.fromEntries(Object.entries(response.headers()).filter(([name]) => !framing.has(name)));
  expect(said(early)).toEqual(said(rendered));
  expect(said(early)['cache-control']).toBe('private, no-store');
  // Both compressed for a client that accepts it, as browsers do (the early one from its copy's).
  expect(said(early)['content-encoding']).toBe('br');
  expect(said(early)['vary']).toBe('Accept-Encoding');
});
