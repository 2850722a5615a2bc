import { expect, test } from '@playwright/test';
import {
  FREE_COURSE,
  PAID_COURSE,
  adminCli,
  coursePath,
  createAccount,
  enrolledLearner,
  latestEmail,
  lessonPath,
  logIn,
  newAccount,
  postForm,
  resetLinkFor,
  siteOrigin,
  submitLogin,
} from './helpers';

const GATED = lessonPath(FREE_COURSE, 'how-chatbots-work');
const EVIL = 'http://evil.example';
const INVALID_CREDENTIALS = 'The e-mail address or password is incorrect.';
const RESET_INVALID =
  'This password reset link is invalid or has expired. Please request a new one.';

test.describe.configure({ mode: 'parallel' });

test.describe('access control', () => {
  test('a signed-in learner who is not enrolled gets 403 on a gated lesson and from the progress API', async ({
    page,
  }) => {
    await createAccount(page.request);
    const response = await page.goto(GATED);
    expect(response?.status()).toBe(403);
    await expect(
      page.getByText('This lesson is part of the course. Enroll to open it.'),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'See the course and enroll' })).toHaveAttribute(
      'href',
      coursePath(FREE_COURSE),
    );
    await expect(page.getByRole('button', { name: /Mark complete/ })).toHaveCount(0);

    const progress = await postForm(page.request, '/api/progress', {
      intent: 'complete',
      course: FREE_COURSE,
      lesson: 'how-chatbots-work',
      return: GATED,
    });
    expect(progress.status()).toBe(403);
    expect(await progress.text()).toBe('You are not enrolled in this course.');

    // Quiz answers for a gated lesson are refused too
    const quiz = await postForm(page.request, '/api/quiz', {
      course: FREE_COURSE,
      lesson: 'how-chatbots-work',
      quiz: 'reading-state',
      answer: '1',
      return: GATED,
    });
    expect(quiz.status()).toBe(403);
  });

  test('cross-origin form posts are refused', async ({ page }) => {
    const account = await enrolledLearner(page);
    const preview = lessonPath(FREE_COURSE, 'why-chatbots-for-organizing');
    const progress = await postForm(
      page.request,
      '/api/progress',
      {
        intent: 'complete',
        course: FREE_COURSE,
        lesson: 'why-chatbots-for-organizing',
        return: preview,
      },
      EVIL,
    );
    expect(progress.status()).toBe(403);
    expect(await progress.text()).toContain('sent from another website');
    const logout = await postForm(page.request, '/logout', {}, EVIL);
    expect(logout.status()).toBe(403);
    // The refused completion did not happen, and the session survived the refused logout
    await page.goto(preview);
    await expect(page.getByRole('button', { name: 'Mark complete and continue' })).toBeVisible();
    await expect(page.getByText('You completed this lesson.')).toHaveCount(0);

    await page.context().clearCookies();
    const login = await postForm(
      page.request,
      '/login',
      { email: account.email, password: account.password },
      EVIL,
    );
    expect(login.status()).toBe(403);
    expect(login.headers()['set-cookie'] ?? '').not.toMatch(/session=/);
  });

  test('login errors do not reveal whether an account exists', async ({ page, request }) => {
    const account = await createAccount(request, newAccount('known'));

    await page.goto('/login');
    await submitLogin(page, `nobody-${Date.now()}@example.org`, 'Some-long-password-123');
    await expect(page.getByRole('alert')).toBeVisible();
    const unknownText = await page.getByRole('alert').textContent();
    await expect(page.getByLabel('E-mail address')).toHaveValue(/^nobody-/);

    await page.goto('/login');
    await submitLogin(page, account.email, 'Wrong-password-but-long-1');
    await expect(page.getByRole('alert')).toBeVisible();
    const wrongText = await page.getByRole('alert').textContent();

    expect(unknownText).toBe(INVALID_CREDENTIALS);
    expect(wrongText).toBe(unknownText);
  });

  test('after 5 wrong passwords the 6th attempt is throttled (429)', async ({ page, request }) => {
    const account = await createAccount(request, newAccount('throttle'));

    await page.goto('/login');
    const attempt = async (password: string) => {
      const response = page.waitForResponse(
        (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login',
      );
      await submitLogin(page, account.email, password);
      return response;
    };
    for (let n = 1; n <= 5; n++) {
      expect((await attempt(`Wrong-password-number-${n}`)).status(), `wrong password ${n}`).toBe(
        400,
      );
      await expect(page.getByRole('alert')).toHaveText(INVALID_CREDENTIALS);
    }
    const sixth = await attempt('Wrong-password-number-6');
    expect(sixth.status(), 'attempt 6').toBe(429);
    expect(Number(sixth.headers()['retry-after'])).toBeGreaterThan(0);
    await expect(page.getByRole('alert')).toContainText('Too many attempts.');

    // Even the right password is refused while the account is locked
    expect((await attempt(account.password)).status()).toBe(429);
    await expect(page.getByRole('alert')).toContainText('Too many attempts.');
    await expect(page).toHaveURL(/\/login/);
  });

  test('a malformed address on the forgotten-password form is marked on its field', async ({
    request,
  }) => {
    const response = await postForm(request, '/forgot-password', { email: 'not-an-address' });
    expect(response.status()).toBe(400);
    const html = await response.text();
    expect(html).toMatch(/<input[^>]*name="email"[^>]*aria-invalid="true"[^>]*>/);
    expect(html).toContain('id="field-email-error"');
    expect(html).not.toContain('role="alert"');
  });

  test('password reset through the e-mailed link works once', async ({ page, request }) => {
    const account = await createAccount(request, newAccount('reset'));

    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page).toHaveURL('/forgot-password');
    await page.getByLabel('E-mail address').fill(account.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect(page.getByRole('status')).toHaveText(
      /^If an account exists for that address, a link to reset the password is on its way/,
    );

    const link = await resetLinkFor(account.email);
    const newPassword = `${account.password}-renewed`;
    await page.goto(link);
    // The token moves from the address bar into a short-lived cookie at once.
    await expect(page).toHaveURL('/reset-password');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Choose a new password' }),
    ).toBeVisible();
    await page.getByLabel('New password').fill(newPassword);
    const saved = page.waitForResponse(
      (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/reset-password',
    );
    await page.getByRole('button', { name: 'Save the new password' }).click();
    const savedResponse = await saved;
    const detail = savedResponse.status() === 303 ? '' : await savedResponse.text();
    expect(
      savedResponse.status(),
      `the browser’s POST of the new password answered: ${detail}`,
    ).toBe(303);
    await expect(page).toHaveURL('/login?reset=1');
    await expect(page.getByRole('status')).toHaveText(
      'Your password was changed. Log in with the new one.',
    );

    // The old password no longer works, the new one does
    await submitLogin(page, account.email, account.password);
    await expect(page.getByRole('alert')).toHaveText(INVALID_CREDENTIALS);
    await logIn(page, { email: account.email, password: newPassword });

    // The link is single-use
    await page.goto(link);
    await expect(page.getByRole('alert')).toHaveText(RESET_INVALID);
    await expect(page.getByLabel('New password')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Request a new link' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
  });

  // The token rules checked with the new password posted as a same-origin request rather than
  // by the browser, so they stay covered whatever the browser sends (see the test above).
  test('a reset token sets the password once and is then invalid (server side)', async ({
    page,
    request,
  }) => {
    const account = await createAccount(request, newAccount('reset2'));
    const asked = await postForm(page.request, '/forgot-password', { email: account.email });
    expect(asked.status()).toBe(200);
    const link = await resetLinkFor(account.email);
    await page.goto(link);
    await expect(page.getByLabel('New password')).toBeVisible();

    const newPassword = `${account.password}-second`;
    const first = await postForm(page.request, '/reset-password', { password: newPassword });
    expect(first.status()).toBe(303);
    expect(first.headers()['location']).toBe('/login?reset=1');
    const again = await postForm(page.request, '/reset-password', {
      password: `${newPassword}-again`,
    });
    expect(again.status()).toBe(400);
    expect(await again.text()).toContain(RESET_INVALID);

    await page.goto(link);
    await expect(page.getByRole('alert')).toHaveText(RESET_INVALID);
    await logIn(page, { email: account.email, password: newPassword });
  });

  test('the reset e-mail links to the configured SITE_URL', async ({ request }) => {
    const account = await createAccount(request, newAccount('resetlink'));
    expect((await postForm(request, '/forgot-password', { email: account.email })).status()).toBe(
      200,
    );
    const path = await resetLinkFor(account.email);
    const mail = latestEmail(account.email)!;
    expect(mail.subject).toBe('Reset your Botcamp password');
    // The e2e server runs with SITE_URL = baseURL (playwright.config.ts).
    expect(mail.text).toContain(`${siteOrigin()}${path}`);
  });

  test('logging out with the header button ends the session', async ({ page }) => {
    await createAccount(page.request);
    await page.goto('/dashboard');
    await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('banner').getByRole('link', { name: 'Log in' })).toBeVisible();
    await page.goto('/dashboard');
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent('/dashboard')}`);
  });

  test('a paid course cannot be had for free', async ({ page }) => {
    await createAccount(page.request);
    await page.goto(coursePath(PAID_COURSE));
    await expect(page.getByRole('button', { name: 'Continue to payment' }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Enroll for free' })).toHaveCount(0);
    // A hand-made free enrollment for the paid course is refused, and its lessons stay closed
    const forged = await postForm(page.request, '/api/enroll', {
      course: PAID_COURSE,
      locale: 'en',
    });
    expect(forged.status()).toBe(400);
    expect(await forged.text()).toBe('This course is not free. Payment is needed to enroll.');
    const lesson = await page.goto(lessonPath(PAID_COURSE, 'reminder-sequences'));
    expect(lesson?.status()).toBe(403);
    // So is a bare visit to the success page, with or without a made-up session id
    for (const query of ['', '?session_id=cs_test_madeup']) {
      await page.goto(`${coursePath(PAID_COURSE)}/purchased${query}`);
      expect((await page.goto(lessonPath(PAID_COURSE, 'reminder-sequences')))?.status()).toBe(403);
    }
  });

  test('revoking an enrollment with the admin CLI closes the course at once', async ({ page }) => {
    const account = await enrolledLearner(page);
    const before = await page.goto(GATED);
    expect(before?.status()).toBe(200);

    expect(adminCli('revoke', account.email, FREE_COURSE)).toContain(
      `Revoked ${account.email} from ${FREE_COURSE}.`,
    );

    const after = await page.goto(GATED);
    expect(after?.status()).toBe(403);
    await expect(
      page.getByText('This lesson is part of the course. Enroll to open it.'),
    ).toBeVisible();
    const progress = await postForm(page.request, '/api/progress', {
      intent: 'complete',
      course: FREE_COURSE,
      lesson: 'how-chatbots-work',
      return: GATED,
    });
    expect(progress.status()).toBe(403);
  });
});
