import { expect, test } from '@playwright/test';
import {
  FREE_COURSE,
  PAID_COURSE,
  answerQuiz,
  coursePath,
  createAccount,
  enrolledLearner,
  expectNoA11yViolations,
  lessonData,
  lessonPath,
  newAccount,
  sendSignUpForm,
  signUpLinkFor,
} from './helpers';

test.describe.configure({ mode: 'parallel' });

test.describe('accessibility (axe, WCAG 2.0/2.1/2.2 A and AA)', () => {
  const publicPages: [string, string][] = [
    ['catalog', '/'],
    ['course landing page', coursePath(FREE_COURSE)],
    ['preview lesson', lessonPath(FREE_COURSE, 'why-chatbots-for-organizing')],
    ['preview lesson with a local sandbox bot', lessonPath(FREE_COURSE, 'sms-bots-and-the-rules')],
    ['instructor page', '/instructors/christine-miranda'],
    ['login', '/login'],
    ['Spanish landing page', `/es${coursePath(FREE_COURSE)}`],
  ];
  for (const [name, path] of publicPages) {
    test(name, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expectNoA11yViolations(page, name);
    });
  }

  test('404 page', async ({ page }) => {
    const response = await page.goto('/this-page-does-not-exist');
    expect(response?.status()).toBe(404);
    await expectNoA11yViolations(page, '404');
  });

  test('sign-up form with errors shown: focus on the first, what was typed kept', async ({
    page,
  }) => {
    await page.goto('/signup');
    await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: 'Create account' }).click();
    const name = page.getByLabel('Your name');
    await expect(name).toBeFocused();
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription(/Your name must be 1 to 80 characters long/);

    await name.fill('Typo Address');
    await page.getByLabel('E-mail address').fill('typo.example.org');
    await page.getByRole('checkbox', { name: /I have read and accept/ }).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    const email = page.getByLabel('E-mail address');
    await expect(email).toBeFocused();
    await expect(email).toHaveAccessibleDescription(/Enter a valid e-mail address\./);
    await expect(name).toHaveValue('Typo Address');
    await expect(page.getByRole('checkbox', { name: /I have read and accept/ })).toBeChecked();
    await expectNoA11yViolations(page, 'signup, bad address');
  });

  test('sign-up sent, and the page that sets the first password with its rules', async ({
    page,
  }) => {
    const account = newAccount('a11y');
    await sendSignUpForm(page, account);
    await expectNoA11yViolations(page, 'signup sent');
    await page.goto(await signUpLinkFor(account.email));
    const password = page.getByLabel('Password', { exact: true });
    await expect(password).toHaveAccessibleDescription(
      /without your name or the first part of your e-mail address/,
    );
    await password.fill('short');
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await expect(password).toBeFocused();
    await expect(password).toHaveAccessibleDescription(/Password must be at least 10 characters\./);
    await expectNoA11yViolations(page, 'first password, too short');
    await password.fill(account.password);
    await page.getByRole('button', { name: 'Save and sign in' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Your account is ready' }),
    ).toBeVisible();
    await expectNoA11yViolations(page, 'dashboard, account ready');
  });

  test('the buy form, with an amount refused', async ({ page }) => {
    await createAccount(page.request);
    await page.goto(coursePath(PAID_COURSE));
    await page.locator('form#buy').getByLabel('Another amount (USD)').fill('5');
    await page.locator('form#buy').getByRole('button', { name: 'Continue to payment' }).click();
    await expect(page.getByRole('alert')).toHaveText('The lowest price for this course is $15.');
    await expectNoA11yViolations(page, 'paid course, amount refused');
  });

  test('signed-in pages: dashboard and an enrolled lesson with quizzes, a bot and the playground', async ({
    page,
  }) => {
    await enrolledLearner(page);
    await page.goto('/dashboard');
    await expect(page.getByRole('link', { name: /Start the first lesson/ })).toBeVisible();
    await expectNoA11yViolations(page, 'dashboard, enrolled');

    await page.goto(lessonPath(FREE_COURSE, 'get-out-the-vote'));
    const sandbox = page.locator('bot-sandbox[data-bot="rides-to-polls"]');
    await expect(sandbox.getByRole('textbox', { name: 'Your message' })).toBeVisible();
    await expect(
      page.locator('bot-playground').getByRole('button', { name: 'Run the checks' }),
    ).toBeVisible();
    await expectNoA11yViolations(page, 'get-out-the-vote, enrolled');

    // With a graded (wrong) answer, a chat under way and check results on the page
    const quiz = lessonData(FREE_COURSE, 'get-out-the-vote').quizzes[0]!;
    await answerQuiz(page, quiz, quiz.answer === 0 ? 1 : 0);
    await sandbox.getByRole('textbox', { name: 'Your message' }).fill('RIDE');
    await sandbox.getByRole('button', { name: 'Send' }).click();
    await expect(sandbox.getByRole('log').getByRole('listitem').last()).toContainText('ZIP code');
    await page.locator('bot-playground').getByRole('button', { name: 'Run the checks' }).click();
    await expect(page.getByText('Some checks failed.', { exact: false })).toBeVisible();
    await expectNoA11yViolations(page, 'get-out-the-vote, after chatting and running checks');
  });
});
