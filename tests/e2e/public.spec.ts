import { expect, test, type Page } from '@playwright/test';
import {
  FREE_COURSE,
  FREE_TITLE,
  PAID_COURSE,
  PAID_TITLE,
  coursePath,
  courseLessons,
  lessonPath,
} from './helpers';

const LANDING = coursePath(FREE_COURSE);
const PREVIEW_NO_BOT = lessonPath(FREE_COURSE, 'why-chatbots-for-organizing');
const INSTRUCTORS = ['Steve Nagai-Ma', 'Christine Miranda', 'Deepak Puri', 'Micky Jordan'];

test.describe.configure({ mode: 'parallel' });

test.describe('public pages', () => {
  test('catalog lists both courses', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Learn to organize with chatbots' }),
    ).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: FREE_TITLE })).toHaveAttribute('href', LANDING);
    await expect(main.getByRole('link', { name: PAID_TITLE })).toHaveAttribute(
      'href',
      coursePath(PAID_COURSE),
    );
  });

  test('course landing page: outcomes, curriculum, instructors, testimonials, FAQ, metadata', async ({
    page,
  }) => {
    const response = await page.goto(LANDING);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: FREE_TITLE })).toBeVisible();

    // Outcomes
    const outcomes = page.getByRole('region', { name: 'What you will be able to do' });
    await expect(outcomes.getByRole('listitem')).toHaveCount(6);
    await expect(outcomes).toContainText('Set up a compliant texting program');

    // Curriculum: 4 modules, 16 lessons, preview lessons badged and linked
    const lessons = courseLessons(FREE_COURSE);
    const curriculum = page.getByRole('region', { name: 'Curriculum' });
    await expect(curriculum).toContainText('4 modules, 16 lessons');
    for (const lesson of lessons)
      await expect(curriculum.getByText(lesson.title, { exact: true })).toBeVisible();
    const previews = lessons.filter((l) => l.preview);
    expect(previews.map((l) => l.slug).sort()).toEqual([
      'sms-bots-and-the-rules',
      'why-chatbots-for-organizing',
    ]);
    await expect(curriculum.getByText('Free preview', { exact: true })).toHaveCount(
      previews.length,
    );
    for (const lesson of previews) {
      const row = curriculum
        .getByRole('listitem')
        .filter({ hasText: lesson.title, hasNot: page.getByRole('listitem') });
      await expect(row.getByText('Free preview')).toBeVisible();
      await expect(row.getByRole('link', { name: lesson.title })).toHaveAttribute(
        'href',
        lessonPath(FREE_COURSE, lesson.slug),
      );
    }
    // A gated lesson is listed without a link for a visitor
    await expect(curriculum.getByRole('link', { name: 'How chatbots work' })).toHaveCount(0);

    // Instructors
    const instructors = page.getByRole('region', { name: 'Your instructors' });
    await expect(instructors.getByRole('heading', { level: 3 })).toHaveCount(4);
    for (const name of INSTRUCTORS)
      await expect(instructors.getByRole('link', { name })).toBeVisible();

    // Testimonials are marked as samples
    const testimonials = page.getByRole('region', { name: 'What learners say' });
    const cards = testimonials.getByRole('listitem');
    expect(await cards.count()).toBeGreaterThan(0);
    for (const card of await cards.all())
      await expect(card.getByText('Sample', { exact: true })).toBeVisible();
    await expect(testimonials).toContainText('come from fictional learners');

    // FAQ says there is no end date
    const faq = page.getByRole('region', { name: 'Frequently asked questions' });
    await faq.getByText('When does the course start and finish?').click();
    await expect(faq.getByText(/has no end date/)).toBeVisible();

    // schema.org Course and Open Graph
    const ld = await page.locator('script[type="application/ld+json"]').textContent();
    const data = JSON.parse(ld ?? '{}');
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe('Course');
    expect(data.name).toBe(FREE_TITLE);
    expect(data.instructor).toHaveLength(4);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', FREE_TITLE);
  });

  test('absolute URLs (canonical, og:url, JSON-LD) use the configured SITE_URL', async ({
    page,
    baseURL,
  }) => {
    // The e2e server runs with SITE_URL = baseURL (playwright.config.ts), read at start-up.
    await page.goto(LANDING);
    const expected = `${baseURL}${LANDING}`;
    // Server-rendered values: read once rather than waiting for them to change.
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect({
      canonical: await page.locator('link[rel="canonical"]').getAttribute('href'),
      ogUrl: await page.locator('meta[property="og:url"]').getAttribute('content'),
      jsonLdUrl: ld.url,
    }).toEqual({ canonical: expected, ogUrl: expected, jsonLdUrl: expected });
  });

  for (const path of [LANDING, PREVIEW_NO_BOT]) {
    test(`ships no JavaScript: ${path}`, async ({ page }) => {
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (
          request.resourceType() === 'script' ||
          /\.m?js(\?|$)/.test(new URL(request.url()).pathname)
        )
          scripts.push(request.url());
      });
      const response = await page.goto(path, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await expect(page.locator('script[src]')).toHaveCount(0);
      await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0);
      const types = await page
        .locator('script')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('type')));
      expect(types.filter((type) => type !== 'application/ld+json')).toEqual([]);
      expect(scripts).toEqual([]);
    });
  }

  test('an anonymous visitor reads a preview lesson', async ({ page }) => {
    const response = await page.goto(PREVIEW_NO_BOT);
    expect(response?.status()).toBe(200);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Why chatbots for organizing' }),
    ).toBeVisible();
    await expect(page.getByRole('main').getByText('Free preview').first()).toBeVisible();
    await expect(page.getByText('You are reading a free preview.')).toBeVisible();
    await expect(
      page.getByRole('link', { name: 'Enroll to take the whole course and track your progress.' }),
    ).toHaveAttribute('href', LANDING);
    // No completion form for a visitor; the quiz is graded but not saved
    await expect(page.getByRole('button', { name: /Mark complete/ })).toHaveCount(0);
    await expect(
      page.getByText('Your answer is checked but not saved, because you are not enrolled.'),
    ).toBeVisible();
  });

  test('a gated lesson tells an anonymous visitor why, and offers sign-up as well as log-in', async ({
    page,
  }) => {
    const gated = lessonPath(FREE_COURSE, 'how-chatbots-work');
    await page.goto(gated);
    await expect(page).toHaveURL(`/login?next=${encodeURIComponent(gated)}&for=lesson`);
    await expect(
      page.getByRole('heading', { level: 1, name: 'This lesson is for enrolled learners' }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      `/signup?next=${encodeURIComponent(gated)}`,
    );
    await expect(page.getByRole('main').getByRole('button', { name: 'Log in' })).toBeVisible();
  });

  test('an unknown page is a helpful 404', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: FREE_TITLE })).toHaveAttribute('href', LANDING);
    await expect(main.getByRole('link', { name: PAID_TITLE })).toHaveAttribute(
      'href',
      coursePath(PAID_COURSE),
    );
    await expect(main.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute(
      'href',
      '/',
    );

    const lesson = await page.goto(lessonPath(FREE_COURSE, 'no-such-lesson'));
    expect(lesson?.status()).toBe(404);
    const course = await page.goto(coursePath('no-such-course'));
    expect(course?.status()).toBe(404);
  });

  test('instructor page', async ({ page }) => {
    const response = await page.goto('/instructors/deepak-puri');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Deepak Puri' })).toBeVisible();
    await expect(page.getByText('Co-founder, Democracy Labs').first()).toBeVisible();
    const teaches = page.getByRole('region', { name: 'Courses' });
    await expect(teaches.getByRole('link', { name: FREE_TITLE })).toBeVisible();
    await expect(teaches.getByRole('link', { name: PAID_TITLE })).toBeVisible();
    const ld = JSON.parse(
      (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
    );
    expect(ld['@type']).toBe('Person');
    expect(ld.name).toBe('Deepak Puri');
    // From the landing page, an instructor's name leads here
    await page.goto(LANDING);
    await page
      .getByRole('region', { name: 'Your instructors' })
      .getByRole('link', { name: 'Deepak Puri' })
      .click();
    await expect(page).toHaveURL('/instructors/deepak-puri');
  });

  test.describe('at 360px', () => {
    test.use({ viewport: { width: 360, height: 740 } });

    const noHorizontalScroll = async (page: Page, path: string) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect(width, `${path} scrollWidth at 360px`).toBeLessThanOrEqual(360);
    };

    test('landing page has no horizontal scroll', async ({ page }) => {
      await noHorizontalScroll(page, LANDING);
    });

    test('preview lessons have no horizontal scroll', async ({ page }) => {
      await noHorizontalScroll(page, PREVIEW_NO_BOT);
      await noHorizontalScroll(page, lessonPath(FREE_COURSE, 'sms-bots-and-the-rules'));
    });
  });
});

test('at 200% zoom (640 CSS pixels) the landing page and a lesson keep everything on screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 640, height: 450 });
  for (const path of [
    '/courses/chatbots-for-organizing',
    '/courses/chatbots-for-organizing/lessons/sms-bots-and-the-rules',
  ]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.scrollingElement!.scrollWidth - window.innerWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeAttached();
  }
});
