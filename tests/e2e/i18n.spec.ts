import { expect, test } from '@playwright/test';
import {
  enrolledLearner,
  expectNoA11yViolations,
  FREE_COURSE,
  lessonPath,
  PAID_COURSE,
} from './helpers';

const ES_TITLE = /Chatbots para organizar/;

test.describe('Spanish for a browser that asks for it', () => {
  test.use({ locale: 'es-MX' });

  test('first visit follows Accept-Language, and the course reads in Spanish', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL('/es/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.goto(`/courses/${FREE_COURSE}`);
    await expect(page).toHaveURL(`/es/courses/${FREE_COURSE}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(ES_TITLE);
    await expect(page.getByRole('heading', { name: 'Preguntas frecuentes' })).toBeVisible();
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
      'href',
      /\/courses\/chatbots-for-organizing$/,
    );
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute(
      'content',
      /\/es\/courses\/chatbots-for-organizing\/og\.png$/,
    );
    await expectNoA11yViolations(page);
  });

  test('an enrolled learner takes translated lessons with progress shared; an untranslated lesson carries a note', async ({
    page,
  }) => {
    await enrolledLearner(page);
    await page.goto(`/es${lessonPath(FREE_COURSE, 'how-chatbots-work')}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('button', { name: /Marcar como completada/ })).toBeVisible();
    await page.goto(`/es${lessonPath(FREE_COURSE, 'messenger-bots')}`);
    await expect(page.getByText('Esta lección todavía no está traducida')).toHaveCount(0);
    await page.getByRole('button', { name: 'Marcar como completada y seguir' }).click();
    await expect(page).toHaveURL(`/es${lessonPath(FREE_COURSE, 'sms-bots-and-the-rules')}`);
    // The completion made in Spanish shows as a tick in the English outline.
    await page.goto(lessonPath(FREE_COURSE, 'messenger-bots'));
    await expect(page.getByRole('button', { name: 'Mark as not complete' })).toBeVisible();
    await expectNoA11yViolations(page);
    // The other demo course is in English only: its lessons say so in Spanish.
    await page.goto(`/es${lessonPath(PAID_COURSE, 'final-week-plan')}`);
    await expect(page.getByText('Esta lección todavía no está traducida')).toBeVisible();
  });
});

test('the language switch keeps you on the same lesson and is remembered', async ({ page }) => {
  const preview = lessonPath(FREE_COURSE, 'why-chatbots-for-organizing');
  await page.goto(preview);
  await page.getByRole('button', { name: 'Switch to Español' }).click();
  await expect(page).toHaveURL(`/es${preview}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // Remembered: an English address now leads to the Spanish page…
  await page.goto('/');
  await expect(page).toHaveURL('/es/');
  // …until the visitor switches back.
  await page.goto(`/es${preview}`);
  await page.getByRole('button', { name: 'Cambiar a English' }).click();
  await expect(page).toHaveURL(preview);
  await page.goto('/');
  await expect(page).toHaveURL('/');
});

test('the sitemap lists public pages in both languages and robots.txt points to it', async ({
  request,
}) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toContain(`/courses/${FREE_COURSE}</loc>`);
  expect(sitemap).toContain(`/es/courses/${FREE_COURSE}</loc>`);
  expect(sitemap).toContain('hreflang="es"');
  expect(sitemap).not.toContain('lessons/get-out-the-vote');
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Sitemap: http.*\/sitemap\.xml/);
});

test('a prefix that names no language is a 404 on every localized page, a real one is not', async ({
  request,
}) => {
  for (const path of [
    '/fr/login',
    '/fr/signup',
    '/xx/dashboard',
    `/de/courses/${FREE_COURSE}`,
    `/fr/courses/${FREE_COURSE}/lessons/welcome`,
    '/zz/values',
  ]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
  }
  for (const path of ['/es/login', '/es/signup', `/es/courses/${FREE_COURSE}`, '/es/values']) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
  }
});
