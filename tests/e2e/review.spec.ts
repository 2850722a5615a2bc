import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  adminCli,
  createAccount,
  expectNoA11yViolations,
  logIn,
  newAccount,
  ROOT,
} from './helpers';

/** Lessons of every course and language that carry a review date, read from the files. */
function reviewedLessons(): { file: string; reviewed: string; sources: number }[] {
  const courses = join(ROOT, 'content/courses');
  return readdirSync(courses)
    .flatMap((course) =>
      ['lessons', 'lessons/es'].flatMap((dir) => {
        const path = join(courses, course, dir);
        return (existsSync(path) ? readdirSync(path) : [])
          .filter((f) => f.endsWith('.mdx'))
          .map((f) => {
            const head = readFileSync(join(path, f), 'utf8').split(/^---$/m)[1] ?? '';
            return {
              file: `${course}/${dir}/${f}`,
              reviewed: /^reviewed: (\S+)/m.exec(head)?.[1] ?? '',
              sources: head.match(/^  - title:/gm)?.length ?? 0,
            };
          });
      }),
    )
    .filter((l) => l.reviewed);
}

test('a learner gets 403 on the review list; a visitor is sent to log in', async ({
  page,
  request,
}) => {
  const anonymous = await request.get('/instructor/review', { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect(anonymous.headers()['location']).toBe('/login?next=%2Finstructor%2Freview');
  await createAccount(page.request); // signs the learner in
  const refused = await page.goto('/instructor/review');
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Lessons due for review' })).toHaveCount(0);
});

test('an instructor sees which lessons are due for review, in both languages, and can look further ahead', async ({
  page,
}) => {
  const lessons = reviewedLessons();
  const latest = lessons
    .map((l) => l.reviewed)
    .sort()
    .at(-1)!;
  const spanish = lessons.find((l) => l.file.endsWith('/lessons/es/sms-bots-and-the-rules.mdx'))!;
  const instructor = await createAccount(page.request, newAccount('instructor'));
  expect(
    adminCli('set-role', instructor.email, 'instructor', '--reason', 'reviews the course'),
  ).toContain('is now instructor');
  await logIn(page, instructor);

  await page.goto('/instructor');
  await page.getByRole('link', { name: 'Lessons due for review' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Lessons due for review' }),
  ).toBeVisible();
  await expectNoA11yViolations(page, 'review list');

  // Far enough ahead that every lesson's 12 months are up: each one is listed, with its sources.
  const year = Number(latest.slice(0, 4)) + 2;
  await page.getByLabel('Show lessons due by').fill(`${year}-01-01`);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(`/instructor/review?by=${year}-01-01`);
  const table = page.getByRole('table', { name: /due for review by/ });
  await expect(table.getByRole('row')).toHaveCount(lessons.length + 1);
  const row = table
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name: 'Bots de SMS y las reglas del juego' }) });
  await expect(row.getByRole('cell')).toHaveText([
    'Bots de SMS y las reglas del juego',
    'Spanish',
    /Chatbots for organizing/,
    /\d{4}/,
    /Overdue since|On /,
    `${spanish.sources} sources`,
  ]);
  await expect(table.getByRole('cell', { name: 'Spanish' })).toHaveCount(
    lessons.filter((l) => l.file.includes('/lessons/es/')).length,
  );
  await expectNoA11yViolations(page, 'review list with lessons');
  await row.getByRole('link').click();
  await expect(page).toHaveURL(
    '/es/courses/chatbots-for-organizing/lessons/sms-bots-and-the-rules',
  );

  await page.goto('/instructor/review?by=next-week');
  await expect(page.getByText('Enter a date like 2027-06-30.')).toBeVisible();
});
