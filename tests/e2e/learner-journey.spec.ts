import { expect, test, type Page } from '@playwright/test';
import {
  FREE_COURSE,
  FREE_TITLE,
  PAID_COURSE,
  answerQuiz,
  coursePath,
  courseLessons,
  createAccount,
  enrolledLearner,
  expectNoA11yViolations,
  lessonData,
  lessonPath,
  postForm,
} from './helpers';

// The learner's journey as two learners walked it: on a 360 px phone, by keyboard, and in
// Spanish. Each state a learner reaches (errors, results, confirmations) is checked with axe.

test.describe.configure({ mode: 'parallel' });

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
const TWO_QUIZ_LESSON = 'sms-bots-and-the-rules';

/** The dashboard card of the free course. */
const courseCard = (page: Page) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: FREE_TITLE }) });

test.describe('on a phone', () => {
  test.use(PHONE);

  test('"Mark complete" without the answers moves focus to one message beside the button, naming each open check', async ({
    page,
  }) => {
    const lesson = lessonData(FREE_COURSE, TWO_QUIZ_LESSON);
    expect(lesson.requiresQuiz).toBe(true);
    expect(lesson.quizzes).toHaveLength(2);
    const [first, second] = lesson.quizzes as [
      (typeof lesson.quizzes)[0],
      (typeof lesson.quizzes)[0],
    ];
    await enrolledLearner(page);
    await page.goto(lessonPath(FREE_COURSE, lesson.slug));
    const complete = page.getByRole('button', { name: 'Mark complete and continue' });
    await expect(complete).toHaveAccessibleDescription(
      'Answer all 2 knowledge checks in this lesson correctly to complete it.',
    );

    await complete.click();
    const alert = page.getByRole('alert');
    await expect(alert).toBeFocused();
    await expect(alert).toBeInViewport();
    await expect(complete).toBeInViewport();
    await expect(alert).toContainText(
      'To complete this lesson, first answer these 2 knowledge checks correctly:',
    );
    await expect(alert.getByRole('link')).toHaveText([first.question, second.question]);
    // One message, not the note and the error in different words
    await expect(
      page.getByText('Answer all 2 knowledge checks in this lesson correctly to complete it.'),
    ).toHaveCount(0);
    await expect(complete).toHaveAccessibleDescription(
      /first answer these 2 knowledge checks correctly/,
    );
    await expectNoA11yViolations(page, 'mark complete refused');

    // The link leads to the check; once one is right, only the other is named
    await alert.getByRole('link', { name: first.question }).click();
    await expect(page.locator(`#quiz-${first.id}`)).toBeInViewport();
    await answerQuiz(page, first);
    await page.getByRole('button', { name: 'Mark complete and continue' }).click();
    await expect(page.getByRole('alert')).toBeFocused();
    await expect(page.getByRole('alert')).toContainText(
      'first answer this knowledge check correctly:',
    );
    await expect(page.getByRole('alert').getByRole('link')).toHaveText([second.question]);
  });

  test('a graded answer is shown in view, focused, with the chosen option marked', async ({
    page,
  }) => {
    const lesson = lessonData(FREE_COURSE, TWO_QUIZ_LESSON);
    const quiz = lesson.quizzes[1]!;
    const wrong = quiz.answer === 0 ? 1 : 0;
    await enrolledLearner(page);
    await page.goto(lessonPath(FREE_COURSE, lesson.slug));
    const section = page.locator(`#quiz-${quiz.id}`);
    await section.getByRole('radio', { name: quiz.options[wrong]!, exact: true }).check();
    await section.getByRole('button', { name: 'Check my answer' }).click();

    const result = section.getByRole('status');
    await expect(result).toBeFocused();
    await expect(result).toBeInViewport();
    await expect(result).toContainText('Not quite.');
    const chosen = section
      .locator('.option')
      .filter({ has: page.getByRole('radio', { name: quiz.options[wrong]!, exact: true }) });
    await expect(chosen.getByText('Your answer')).toBeVisible();
    await expect(chosen.getByRole('radio')).toBeChecked();
    await expect(section.getByText('Your answer')).toHaveCount(1);
    await expectNoA11yViolations(page, 'quiz answered wrong, on a phone');

    await section.getByRole('radio', { name: quiz.options[quiz.answer]!, exact: true }).check();
    await section.getByRole('button', { name: 'Answer again' }).click();
    await expect(section.getByRole('status')).toBeFocused();
    await expect(section.getByRole('status')).toContainText('Correct.');
    await expectNoA11yViolations(page, 'quiz answered right, on a phone');
  });

  test('the enroll button is on the first screen, enrolling says so, and lesson 1 is no longer a "preview"', async ({
    page,
  }) => {
    await createAccount(page.request);
    await page.goto(coursePath(FREE_COURSE));
    const enroll = page.getByRole('button', { name: 'Enroll for free' }).first();
    await expect(enroll).toBeInViewport();
    await enroll.click();

    const welcome = page.getByRole('status');
    await expect(welcome).toContainText(`You are enrolled in ${FREE_TITLE}.`);
    await expect(welcome).toBeFocused();
    const main = page.getByRole('main');
    await expect(main.getByText('Free preview')).toHaveCount(0);
    await expectNoA11yViolations(page, 'first lesson, just enrolled');
    await page.goto(coursePath(FREE_COURSE));
    await expect(page.getByRole('main').getByText('Free preview')).toHaveCount(0);
  });

  test('in a lesson, the header is short, and where you are and the outline are on the first screen', async ({
    page,
  }) => {
    await enrolledLearner(page);
    await page.goto(lessonPath(FREE_COURSE, 'how-chatbots-work'));
    const header = await page.locator('header.site-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(100);
    const total = courseLessons(FREE_COURSE).length;
    await expect(page.getByText(`Lesson 2 of ${total}`)).toBeInViewport();
    await expect(page.getByText('0% complete').first()).toBeInViewport();
    await page.getByRole('link', { name: 'Course outline' }).click();
    await expect(page.getByRole('complementary').getByRole('progressbar')).toBeInViewport();
    await expect(
      page
        .getByRole('complementary')
        .getByText(`Complete all ${total} lessons to earn a certificate`),
    ).toBeVisible();
    await expectNoA11yViolations(page, 'lesson on a phone, at the outline');
  });
});

test('erasing progress is asked for on its own page, named for what it does, and confirmed when done', async ({
  page,
}) => {
  await enrolledLearner(page);
  await page.goto(lessonPath(FREE_COURSE, 'why-chatbots-for-organizing'));
  await page.getByRole('button', { name: 'Mark complete and continue' }).click();
  await page.goto('/dashboard');
  const card = courseCard(page);
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');
  await expect(card.getByRole('button', { name: /Start over/ })).toHaveCount(0);

  // A bare post, as the old one-tap button sent, erases nothing
  const bare = await postForm(page.request, '/api/progress', {
    intent: 'reset',
    course: FREE_COURSE,
    return: '/dashboard',
  });
  expect(bare.status()).toBe(303);
  expect(bare.headers()['location']).toBe(`/courses/${FREE_COURSE}/erase-progress`);
  await page.reload();
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');

  await card
    .getByRole('link', { name: new RegExp(`^Erase my progress… ?: ${FREE_TITLE}$`) })
    .click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Erase your progress in ${FREE_TITLE}?` }),
  ).toBeVisible();
  await expect(page.getByText('You have completed 6% of this course.')).toBeVisible();
  await expectNoA11yViolations(page, 'erase progress: confirmation');
  await page.getByRole('link', { name: 'Keep my progress' }).click();
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '6');

  await card.getByRole('link', { name: /Erase my progress/ }).click();
  await page.getByRole('button', { name: 'Erase my progress' }).click();
  const done = page.getByRole('status');
  await expect(done).toHaveText(
    `Your progress in ${FREE_TITLE} was erased. Start again whenever you like.`,
  );
  await expect(done).toBeFocused();
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
  await expectNoA11yViolations(page, 'dashboard, progress erased');
});

test('"Continue where you left off" opens the lesson last read, and the dashboard says what earns the certificate', async ({
  page,
}) => {
  await enrolledLearner(page);
  const lessons = courseLessons(FREE_COURSE);
  const later = lessons[4]!;
  await page.goto(lessonPath(FREE_COURSE, lessons[0]!.slug));
  await page.goto(lessonPath(FREE_COURSE, later.slug));
  await page.goto('/dashboard');
  const card = courseCard(page);
  await expect(
    card.getByRole('link', { name: new RegExp(`^Continue where you left off ?: ${FREE_TITLE}$`) }),
  ).toHaveAttribute('href', lessonPath(FREE_COURSE, later.slug));
  await expect(card).toContainText(
    `Complete all ${lessons.length} lessons to earn a certificate with a public link anyone can use to check it. ${lessons.length} lessons to go.`,
  );
  await page.goto(coursePath(FREE_COURSE));
  await expect(
    page.getByRole('link', { name: 'Continue where you left off' }).first(),
  ).toHaveAttribute('href', lessonPath(FREE_COURSE, later.slug));
});

test('by keyboard, the lesson comes before the outline, and the skip link lands in it', async ({
  page,
}) => {
  await enrolledLearner(page);
  const lesson = lessonData(FREE_COURSE, TWO_QUIZ_LESSON);
  await page.goto(lessonPath(FREE_COURSE, lesson.slug));
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  let presses = 0;
  let inOutline = false;
  while (presses < 40) {
    await page.keyboard.press('Tab');
    presses += 1;
    const where = await page.evaluate(() => ({
      outline: !!document.activeElement?.closest('aside'),
      radio: (document.activeElement as HTMLInputElement | null)?.type === 'radio',
    }));
    inOutline ||= where.outline;
    if (where.radio) break;
  }
  expect(inOutline, 'an outline link came before the first quiz answer').toBe(false);
  expect(presses, 'Tab presses from the skip link to the first quiz answer').toBeLessThan(20);
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-MX' });

  test('English passages are marked "en inglés" and carry lang="en"', async ({ page }) => {
    await page.goto('/es/');
    const english = page.getByRole('listitem').filter({ hasText: 'Texting for turnout' });
    await expect(english.getByText('en inglés')).toBeVisible();
    await expect(english.getByRole('heading', { level: 2 })).toHaveAttribute('lang', 'en');
    await expectNoA11yViolations(page, 'Spanish catalog');

    await page.goto(`/es${coursePath(FREE_COURSE)}`);
    const instructors = page.getByRole('region', { name: 'Quiénes enseñan' }).getByRole('article');
    await expect(instructors).not.toHaveCount(0);
    for (const instructor of await instructors.all()) {
      await expect(instructor.getByText('en inglés')).toBeVisible();
      await expect(instructor.locator('.bio')).toHaveAttribute('lang', 'en');
    }
    await page.goto(`/es${coursePath(PAID_COURSE)}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveAttribute('lang', 'en');
  });

  test('"Siguiente" from the last preview explains why an account is needed and offers both ways in', async ({
    page,
  }) => {
    await page.goto(`/es${lessonPath(FREE_COURSE, TWO_QUIZ_LESSON)}`);
    const next = page.getByRole('link', { name: /^Siguiente:/ });
    const target = await next.getAttribute('href');
    await next.click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Esta lección es para quienes se inscribieron' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Crear una cuenta' })).toHaveAttribute(
      'href',
      `/es/signup?next=${encodeURIComponent(target!)}`,
    );
    await expect(page.getByLabel('Correo electrónico')).toBeVisible();
    await expectNoA11yViolations(page, 'login for a gated lesson, Spanish');
  });
});
