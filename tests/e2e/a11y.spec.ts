import { expect, test } from '@playwright/test';
import { FREE_COURSE, PAID_COURSE, answerQuiz, coursePath, createAccount, enrolledLearner, expectNoA11yViolations, lessonData, lessonPath } from './helpers';

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

  test('sign-up form with errors shown', async ({ page }) => {
    await page.goto('/signup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('alert')).toHaveText('Enter a valid e-mail address.');
    await expect(page.getByLabel('E-mail address')).toHaveAttribute('aria-invalid', 'true');

    await page.getByLabel('Your name').fill('Short Password');
    await page.getByLabel('E-mail address').fill(`short-${Date.now()}@example.org`);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('checkbox', { name: /I have read and accept/ }).check();
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect(page.getByRole('alert')).toHaveText('Password must be at least 10 characters.');
    const password = page.getByLabel('Password', { exact: true });
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveAccessibleDescription(/Password must be at least 10 characters\./);
    await expectNoA11yViolations(page, 'signup, short password');
  });

  test('the buy form, with an amount refused', async ({ page }) => {
    await createAccount(page.request);
    await page.goto(coursePath(PAID_COURSE));
    await page.locator('form#buy').getByLabel('Another amount (USD)').fill('5');
    await page.locator('form#buy').getByRole('button', { name: 'Continue to payment' }).click();
    await expect(page.getByRole('alert')).toHaveText('The lowest price for this course is $15.');
    await expectNoA11yViolations(page, 'paid course, amount refused');
  });

  test('signed-in pages: dashboard and an enrolled lesson with quizzes, a bot and the playground', async ({ page }) => {
    await enrolledLearner(page);
    await page.goto('/dashboard');
    await expect(page.getByRole('link', { name: /Start the first lesson/ })).toBeVisible();
    await expectNoA11yViolations(page, 'dashboard, enrolled');

    await page.goto(lessonPath(FREE_COURSE, 'get-out-the-vote'));
    const sandbox = page.locator('bot-sandbox[data-bot="rides-to-polls"]');
    await expect(sandbox.getByRole('textbox', { name: 'Your message' })).toBeVisible();
    await expect(page.locator('bot-playground').getByRole('button', { name: 'Run the checks' })).toBeVisible();
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
