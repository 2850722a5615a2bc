import { expect, test } from '@playwright/test';
import {
  FREE_COURSE,
  FREE_TITLE,
  answerQuiz,
  expectNoA11yViolations,
  courseLessons,
  enrollFree,
  lessonData,
  lessonPath,
  signUp,
} from './helpers';

test('a learner takes the whole free course and earns a certificate', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const lessons = courseLessons(FREE_COURSE);
  expect(lessons).toHaveLength(16);

  const account = await signUp(page);
  await enrollFree(page);
  await expect(page).toHaveURL(`${lessonPath(FREE_COURSE, lessons[0]!.slug)}?enrolled=1`);
  await expect(page.getByRole('status').first()).toContainText(
    `You are enrolled in ${FREE_TITLE}.`,
  );

  let certificateUrl = '';
  for (const [index, lesson] of lessons.entries()) {
    await expect(page, `lesson ${index + 1} of ${lessons.length}`).toHaveURL(
      (url) => url.pathname === lessonPath(FREE_COURSE, lesson.slug),
    );
    await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
    for (const quiz of lesson.quizzes) await answerQuiz(page, quiz);
    const last = index === lessons.length - 1;
    await page
      .getByRole('button', {
        name: last ? 'Mark complete' : 'Mark complete and continue',
        exact: true,
      })
      .click();
    if (last) {
      await expect(page).toHaveURL(/\/certificates\/[^/?]+\?new=1$/);
      certificateUrl = new URL(page.url()).pathname;
    }
  }

  // The certificate names the learner and the course
  await expect(page.getByRole('status').filter({ hasText: 'Congratulations' })).toContainText(
    'Congratulations, you finished the course!',
  );
  const certificate = page.getByRole('article', { name: `Certificate: ${FREE_TITLE}` });
  await expect(certificate.getByText(account.name, { exact: true })).toBeVisible();
  await expect(certificate.getByText(FREE_TITLE, { exact: true })).toBeVisible();
  await expect(certificate).toContainText('Certificate of completion');
  await expect(
    certificate.getByRole('link', { name: new RegExp(`${certificateUrl}$`) }),
  ).toHaveAttribute('href', new RegExp(`${certificateUrl}$`));
  // The link can be copied in one tap, and the page printed or saved as a PDF
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await expect(page.getByLabel('Link to this certificate')).toHaveValue(
    new RegExp(`${certificateUrl}$`),
  );
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText('Link copied.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    new RegExp(`^http.*${certificateUrl}$`),
  );
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
  await expectNoA11yViolations(page, 'certificate page, link copied');

  // The dashboard shows the course complete, with the certificate
  await page.goto('/dashboard');
  const card = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: FREE_TITLE }) });
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  await expect(card.getByText('100% complete')).toBeVisible();
  await expect(card.getByRole('link', { name: 'View certificate' })).toHaveAttribute(
    'href',
    certificateUrl,
  );

  // Anyone with the link can verify it
  const anonymous = await browser.newContext();
  try {
    const visitor = await anonymous.newPage();
    const response = await visitor.goto(certificateUrl);
    expect(response?.status()).toBe(200);
    await expect(visitor.getByRole('link', { name: 'Log in' })).toBeVisible();
    await expect(visitor.getByText(account.name, { exact: true })).toBeVisible();
    await expect(visitor.getByText(FREE_TITLE, { exact: true })).toBeVisible();
    // It prints on one page, A4 and Letter alike.
    for (const format of ['A4', 'Letter']) {
      const pdf = (await visitor.pdf({ format })).toString('latin1');
      expect(pdf.match(/\/Type\s*\/Page\b/g), `${format} pages`).toHaveLength(1);
    }
    // A made-up number is not a certificate
    const unknown = await visitor.goto('/certificates/not-a-real-certificate-id');
    expect(unknown?.status()).toBe(404);
    await expect(
      visitor.getByRole('heading', { level: 1, name: 'Certificate not found' }),
    ).toBeVisible();
  } finally {
    await anonymous.close();
  }
});

test('a wrong answer on a lesson that requires its quiz blocks completion until it is right', async ({
  page,
}) => {
  const lesson = lessonData(FREE_COURSE, 'how-chatbots-work');
  expect(lesson.requiresQuiz).toBe(true);
  const quiz = lesson.quizzes[0]!;
  const wrong = quiz.answer === 0 ? 1 : 0;

  await signUp(page);
  await enrollFree(page);
  await page.goto(lessonPath(FREE_COURSE, lesson.slug));
  const complete = page.getByRole('button', { name: 'Mark complete and continue' });
  await expect(complete).toHaveAccessibleDescription(
    'Answer the knowledge check in this lesson correctly to complete it.',
  );

  await answerQuiz(page, quiz, wrong);
  await complete.click();
  await expect(page).toHaveURL(`${lessonPath(FREE_COURSE, lesson.slug)}?error=quiz-required`);
  await expect(page.getByRole('alert')).toContainText(
    'To complete this lesson, first answer this knowledge check correctly:',
  );
  await expect(page.getByRole('alert')).toBeFocused();
  await expect(page.getByText('You completed this lesson.')).toHaveCount(0);

  await answerQuiz(page, quiz);
  await page.getByRole('button', { name: 'Mark complete and continue' }).click();
  const order = courseLessons(FREE_COURSE);
  const next = order[order.findIndex((l) => l.slug === lesson.slug) + 1]!;
  await expect(page).toHaveURL(lessonPath(FREE_COURSE, next.slug));
  await page.goto(lessonPath(FREE_COURSE, lesson.slug));
  await expect(page.getByText('You completed this lesson.')).toBeVisible();
});
