import { expect, test } from '@playwright/test';
import { FREE_COURSE, PAID_COURSE, adminCli, coursePath, enrollFree, lessonPath, logIn, newAccount, postForm, resetLinkFor, signUp, submitLogin } from './helpers';

const GATED = lessonPath(FREE_COURSE, 'how-chatbots-work');
const EVIL = 'http://evil.example';

test.describe('access control', () => {
  test('a signed-in learner who is not enrolled gets 403 on a gated lesson and from the progress API', async ({ page, baseURL }) => {
    await signUp(page);
    const response = await page.goto(GATED);
    expect(response?.status()).toBe(403);
    await expect(page.getByText('This lesson is part of the course. Enroll to open it.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'See the course and enroll' })).toBeVisible();

    const progress = await postForm(page.request, baseURL!, '/api/progress', { intent: 'complete', course: FREE_COURSE, lesson: 'how-chatbots-work', return: GATED });
    expect(progress.status()).toBe(403);
    expect(await progress.text()).toContain('You are not enrolled in this course.');

    // Quiz answers for a gated lesson are refused too
    const quiz = await postForm(page.request, baseURL!, '/api/quiz', { course: FREE_COURSE, lesson: 'how-chatbots-work', quiz: 'reading-state', answer: '1', return: GATED });
    expect(quiz.status()).toBe(403);
  });

  test('cross-origin form posts are refused', async ({ page, baseURL }) => {
    const account = await signUp(page);
    await enrollFree(page);
    const progress = await postForm(page.request, baseURL!, '/api/progress', { intent: 'complete', course: FREE_COURSE, lesson: 'why-chatbots-for-organizing', return: '/dashboard' }, EVIL);
    expect(progress.status()).toBe(403);
    const enroll = await postForm(page.request, baseURL!, '/api/enroll', { course: FREE_COURSE, locale: 'en' }, EVIL);
    expect(enroll.status()).toBe(403);
    const logout = await postForm(page.request, baseURL!, '/logout', {}, EVIL);
    expect(logout.status()).toBe(403);
    // The refused completion did not happen, and the session survived the refused logout
    await page.goto(lessonPath(FREE_COURSE, 'why-chatbots-for-organizing'));
    await expect(page.getByRole('button', { name: 'Mark complete and continue' })).toBeVisible();

    const anonymous = page.context().request;
    await page.context().clearCookies();
    const login = await postForm(anonymous, baseURL!, '/login', { email: account.email, password: account.password }, EVIL);
    expect(login.status()).toBe(403);
    expect(login.headers()['set-cookie'] ?? '').not.toMatch(/session/i);
  });

  test('login errors do not reveal whether an account exists', async ({ page, browser }) => {
    const account = newAccount('known');
    const context = await browser.newContext();
    await signUp(await context.newPage(), account);
    await context.close();

    await page.goto('/login');
    await submitLogin(page, `nobody-${Date.now()}@example.org`, 'Some-long-password-123');
    const unknownAlert = page.getByRole('alert');
    await expect(unknownAlert).toBeVisible();
    const unknownText = await unknownAlert.textContent();

    await page.goto('/login');
    await submitLogin(page, account.email, 'Wrong-password-but-long-1');
    await expect(page.getByRole('alert')).toBeVisible();
    const wrongText = await page.getByRole('alert').textContent();

    expect(unknownText).toBe('The e-mail address or password is incorrect.');
    expect(wrongText).toBe(unknownText);
  });

  test('after 5 wrong passwords the account is throttled (429)', async ({ page, browser }) => {
    const account = newAccount('throttle');
    const context = await browser.newContext();
    await signUp(await context.newPage(), account);
    await context.close();

    await page.goto('/login');
    for (let attempt = 1; attempt <= 6; attempt++) {
      const responsePromise = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login');
      await submitLogin(page, account.email, `Wrong-password-number-${attempt}`);
      const response = await responsePromise;
      if (attempt <= 5) {
        expect(response.status(), `attempt ${attempt}`).toBe(400);
        await expect(page.getByRole('alert')).toHaveText('The e-mail address or password is incorrect.');
      } else {
        expect(response.status(), 'attempt 6').toBe(429);
        expect(Number(response.headers()['retry-after'])).toBeGreaterThan(0);
        await expect(page.getByRole('alert')).toContainText('Too many attempts');
      }
    }
    // Even the right password is refused while the account is locked
    await submitLogin(page, account.email, account.password);
    await expect(page.getByRole('alert')).toContainText('Too many attempts');
    await expect(page).toHaveURL(/\/login/);
  });

  test('password reset through the e-mailed link works once', async ({ page }) => {
    const account = await signUp(page, newAccount('reset'));
    await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();

    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL('/forgot-password');
    await page.getByLabel('E-mail address').fill(account.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('status')).toHaveText(/If an account exists for that address, a link to reset the password is on its way/);

    const link = await resetLinkFor(account.email);
    const newPassword = `${account.password}-renewed`;
    await page.goto(link);
    await expect(page.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
    await page.getByLabel('New password').fill(newPassword);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect(page).toHaveURL('/login?reset=1');
    await expect(page.getByRole('status')).toHaveText('Your password was changed. Log in with the new one.');

    // The old password no longer works, the new one does
    await submitLogin(page, account.email, account.password);
    await expect(page.getByRole('alert')).toHaveText('The e-mail address or password is incorrect.');
    await logIn(page, { email: account.email, password: newPassword });

    // The link is single-use
    await page.goto(link);
    await expect(page.getByRole('alert')).toHaveText('This password reset link is invalid or has expired. Please request a new one.');
    await expect(page.getByLabel('New password')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', '/forgot-password');
  });

  // The same flow with the new password posted as a same-origin request rather than by the
  // browser, so the token's server-side rules stay covered whatever the browser sends.
  test('a reset token sets the password once and is then invalid (server side)', async ({ page, baseURL }) => {
    const account = newAccount('reset2');
    await signUp(page, account);
    await page.context().clearCookies();
    await page.goto('/forgot-password');
    await page.getByLabel('E-mail address').fill(account.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('status')).toContainText('If an account exists for that address');
    const link = await resetLinkFor(account.email);
    await page.goto(link);
    await expect(page.getByLabel('New password')).toBeVisible();

    const newPassword = `${account.password}-second`;
    const first = await postForm(page.request, baseURL!, link, { password: newPassword });
    expect(first.status()).toBe(303);
    expect(first.headers()['location']).toBe('/login?reset=1');
    const again = await postForm(page.request, baseURL!, link, { password: `${newPassword}-again` });
    expect(again.status()).toBe(400);
    expect(await again.text()).toContain('This password reset link is invalid or has expired.');

    await page.goto(link);
    await expect(page.getByRole('alert')).toHaveText('This password reset link is invalid or has expired. Please request a new one.');
    await logIn(page, { email: account.email, password: newPassword });
  });

  test('logging out with the header button ends the session', async ({ page }) => {
    await signUp(page);
    await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
    await page.goto('/dashboard');
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent('/dashboard')}`);
  });

  test('a paid course cannot be bought online yet', async ({ page, baseURL }) => {
    await signUp(page);
    await page.goto(coursePath(PAID_COURSE));
    const enroll = page.getByRole('button', { name: 'Enroll', exact: true }).first();
    await expect(enroll).toBeDisabled();
    await expect(enroll).toHaveAccessibleDescription(/Online payment is not available yet/);
    await expect(page.getByText(/Online payment is not available yet/).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Enroll for free' })).toHaveCount(0);
    // A hand-made free enrollment request for the paid course is refused
    const forged = await postForm(page.request, baseURL!, '/api/enroll', { course: PAID_COURSE, locale: 'en' });
    expect(forged.status()).toBe(400);
    const lesson = await page.goto(lessonPath(PAID_COURSE, 'reminder-sequences'));
    expect(lesson?.status()).toBe(403);
  });

  test('revoking an enrollment with the admin CLI closes the course at once', async ({ page }) => {
    const account = await signUp(page);
    await enrollFree(page);
    const ok = await page.goto(GATED);
    expect(ok?.status()).toBe(200);

    expect(adminCli('revoke', account.email, FREE_COURSE)).toContain('Revoked');

    const response = await page.goto(GATED);
    expect(response?.status()).toBe(403);
    await expect(page.getByText('This lesson is part of the course. Enroll to open it.')).toBeVisible();
  });
});
