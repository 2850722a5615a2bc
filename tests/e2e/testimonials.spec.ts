import { expect, test, type Page } from '@playwright/test';
import {
  adminCli,
  enrolledLearner,
  expectNoA11yViolations,
  newAccount,
  PAID_COURSE,
  courseLessons,
  lessonPath,
  answerQuiz,
  coursePath,
  staffFromCli,
} from './helpers';

/** Completes every lesson of a (short) course the learner is enrolled in. */
async function finishCourse(page: Page, course: string): Promise<void> {
  for (const lesson of courseLessons(course)) {
    await page.goto(lessonPath(course, lesson.slug));
    for (const quiz of lesson.quizzes) await answerQuiz(page, quiz);
    await page.getByRole('button', { name: /^Mark complete/ }).click();
  }
  await expect(page.getByRole('status')).toContainText('Congratulations');
}

test('a finished learner’s testimonial appears on the course page only after an admin approves it', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // The learner gets the paid course from an admin (the CLI), finishes it and writes a testimonial.
  const learner = await enrolledLearner(page);
  adminCli('enroll', learner.email, PAID_COURSE);
  await finishCourse(page, PAID_COURSE);
  await page.getByRole('link', { name: 'Leave a testimonial' }).click();
  await page.getByRole('button', { name: 'Send for review' }).click();
  // The error sits beside the field it is about, which takes the focus; it is not repeated on top.
  const quoteField = page.getByLabel('Your testimonial');
  await expect(quoteField).toBeFocused();
  await expect(quoteField).toHaveAttribute('aria-invalid', 'true');
  await expect(quoteField).toHaveAccessibleDescription(/must be 20 to 600 characters long/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectNoA11yViolations(page, 'testimonial form with errors');
  const quote = `The reminder sequences doubled our turnout calls <b>${Date.now()}</b> and the bot did the rest.`;
  await page.getByLabel('Your testimonial').fill(quote);
  await page.getByLabel('Organization (optional)').fill('Eastside Votes');
  await page.getByRole('checkbox', { name: /I agree that this testimonial/ }).check();
  await page.getByRole('button', { name: 'Send for review' }).click();
  await expect(page.getByRole('status')).toContainText('once an admin approves it');

  await page.goto(coursePath(PAID_COURSE));
  await expect(page.getByText(quote)).toHaveCount(0);

  // The first admin comes from the CLI's one-time set-password link.
  const adminPage = await (await browser.newContext()).newPage();
  await staffFromCli(adminPage, newAccount('admin'), 'admin');
  await adminPage.goto('/admin/testimonials');
  await expectNoA11yViolations(adminPage, 'admin testimonials');
  const item = adminPage.getByRole('listitem').filter({ hasText: quote });
  await item.getByRole('button', { name: /^Approve/ }).click();

  await page.goto(coursePath(PAID_COURSE));
  // Shown as text: the markup the learner typed is visible, not rendered.
  await expect(page.getByText(quote)).toBeVisible();
  await expect(page.locator('blockquote b')).toHaveCount(0);
});

test('a learner cannot reach the admin area', async ({ page }) => {
  await enrolledLearner(page);
  const response = await page.goto('/admin/testimonials');
  expect(response?.status()).toBe(403);
});
