import { expect, test, type Page } from '@playwright/test';
import {
  adminCli,
  createAccount,
  enrollByPost,
  expectNoA11yViolations,
  FREE_COURSE,
  latestEmail,
  logIn,
  newAccount,
  PAID_COURSE,
  PAID_TITLE,
  postForm,
  siteOrigin,
  staffFromCli,
  type Account,
} from './helpers';

const ADMIN_PAGES = [
  '/admin',
  '/admin/enrollments',
  '/admin/enrollments.csv',
  '/admin/import',
  '/admin/audit',
  '/admin/outbox',
  '/admin/testimonials',
  '/admin/learners/1',
];
const STAFF_PAGES = ['/instructor', `/instructor/${FREE_COURSE}`];

/** A signed-in admin: an ordinary account promoted with the CLI, then signed in again (a role change ends sessions). */
async function signedInAdmin(page: Page): Promise<Account> {
  const account = await createAccount(page.request, newAccount('admin'));
  expect(adminCli('create-admin', account.email)).toContain(`Admin ${account.email} is ready.`);
  await logIn(page, account);
  return account;
}

test('a learner is refused every admin page and action; a visitor is sent to log in', async ({
  page,
  request,
}) => {
  for (const path of [...ADMIN_PAGES, ...STAFF_PAGES]) {
    const anonymous = await request.get(path, { maxRedirects: 0 });
    expect(anonymous.status(), path).toBe(302);
    expect(anonymous.headers()['location'], path).toBe(`/login?next=${encodeURIComponent(path)}`);
  }
  await createAccount(page.request);
  for (const path of [...ADMIN_PAGES, ...STAFF_PAGES])
    expect((await page.request.get(path)).status(), path).toBe(403);
  const enroll = await postForm(page.request, '/admin/enrollments', {
    action: 'enroll',
    email: 'x@example.org',
    course: FREE_COURSE,
    locale: 'en',
  });
  expect(enroll.status()).toBe(403);
  const imported = await page.request.post('/admin/import', {
    multipart: { step: 'commit', csv: `email,name,course\nx@example.org,X,${FREE_COURSE}\n` },
    headers: { Origin: siteOrigin() },
  });
  expect(imported.status()).toBe(403);
});

test('an admin finds a learner named like a formula, exports them as text, enrolls, revokes with a reason and imports a group', async ({
  page,
  browser,
}) => {
  // The learner signs up with a name a spreadsheet would run.
  const learnerContext = await browser.newContext();
  const formula = '=HYPERLINK("http://x")';
  const learner = await createAccount(learnerContext.request, {
    ...newAccount('formula'),
    name: formula,
  });
  await enrollByPost(learnerContext.request);
  await learnerContext.close();

  await signedInAdmin(page);
  await page.goto('/admin/enrollments');
  await page.getByLabel('Search e-mail or name').fill('hyperlink');
  await page.getByRole('button', { name: 'Show' }).click();
  const row = page.getByRole('row').filter({ hasText: learner.email });
  await expect(row).toContainText(formula);
  await expectNoA11yViolations(page, 'admin enrollments');

  const csv = await page.request.get('/admin/enrollments.csv?q=hyperlink');
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text.startsWith('\uFEFFemail,name,course')).toBe(true);
  expect(text).toContain(`${learner.email},"'=HYPERLINK(""http://x"")",${FREE_COURSE},active`);
  expect(text).not.toMatch(/,=HYPERLINK/);

  // Revoke with a reason: access ends, and the audit log says who and why.
  await row.getByLabel('Reason to revoke').fill('asked to leave the course');
  await row.getByRole('button', { name: /Revoke/ }).click();
  await expect(page.getByRole('status')).toContainText('access ended at once');
  await page.goto(`/admin/audit?subject=${encodeURIComponent(learner.email)}`);
  await expect(page.getByRole('row').filter({ hasText: 'revoke' })).toContainText(
    'reason: asked to leave the course',
  );

  // Enroll a new address: an account is made and invited by e-mail, in Spanish.
  const newcomer = `newcomer-${Date.now()}@example.org`;
  await page.goto('/admin/enrollments');
  const enrollForm = page.locator('#enroll');
  await enrollForm.getByLabel('E-mail address').fill(newcomer);
  await enrollForm.getByLabel('Name (for a new account)').fill('Nueva Persona');
  await enrollForm.getByLabel('Language of the e-mail').selectOption('es');
  await enrollForm.getByRole('button', { name: 'Enroll' }).click();
  await expect(page.getByRole('status')).toContainText(`Created an account for ${newcomer}`);
  await expect
    .poll(() => latestEmail(newcomer)?.subject)
    .toBe('Tu cuenta de Botcamp está lista: elige una contraseña');
  expect(latestEmail(newcomer)?.text).toMatch(/\/reset-password\/[a-z2-7]{32}/);

  // A bad address in the enroll form is answered beside the field, the rest kept.
  await enrollForm.getByLabel('E-mail address').fill('not an address');
  await enrollForm.getByLabel('Partner group (optional)').fill('Kept Group');
  await enrollForm.getByRole('button', { name: 'Enroll' }).click();
  await expect(page.locator('#enroll').getByText('Enter a valid e-mail address.')).toBeVisible();
  await expect(page.locator('#enroll').getByLabel('Partner group (optional)')).toHaveValue(
    'Kept Group',
  );

  // Import a partner group from a semicolon-separated spreadsheet export.
  const stamp = Date.now();
  const file = `\uFEFFemail;name;course;group\r\nimp-a-${stamp}@example.org;Imp A;${FREE_COURSE};Riverside Tenants\r\nnot-an-email;B;${FREE_COURSE};\r\nimp-c-${stamp}@example.org;"Imp; C";no-such-course;\r\n`;
  await page.goto('/admin/import');
  await page
    .getByLabel('CSV file')
    .setInputFiles({ name: 'group.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: 'Check the file' }).click();
  await expect(page.getByRole('status')).toContainText(
    '3 rows read: 1 will be enrolled, 2 have problems',
  );
  await expect(page.getByRole('row').filter({ hasText: /^\s*3/ })).toContainText(
    'The e-mail address is not valid.',
  );
  await expect(
    page.getByRole('row').filter({ hasText: 'There is no course "no-such-course".' }),
  ).toContainText('4');
  await expectNoA11yViolations(page, 'admin import preview');
  await page.getByRole('button', { name: 'Enroll 1 learners' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Enrolled 1 learners (1 new accounts, each sent a link to choose a password)',
  );
  await page.goto('/admin/enrollments?group=Riverside%20Tenants');
  await expect(
    page.getByRole('row').filter({ hasText: `imp-a-${stamp}@example.org` }),
  ).toContainText('import');
});

test('an instructor sees the reports of the courses they teach, with counts only, and no admin page', async ({
  page,
  browser,
}) => {
  const learnerContext = await browser.newContext();
  const learner = await createAccount(learnerContext.request);
  await enrollByPost(learnerContext.request);
  await learnerContext.close();

  // The demo content lists this address on an instructor of the free course only.
  await staffFromCli(
    page,
    { ...newAccount('instructor'), email: 'instructor@botcamp.localhost' },
    'instructor',
  );
  expect((await page.request.get('/admin/enrollments')).status()).toBe(403);
  expect((await page.request.get(`/instructor/${PAID_COURSE}`)).status()).toBe(403);
  await page.goto('/instructor');
  await expect(page.getByRole('link', { name: PAID_TITLE })).toHaveCount(0);
  await page.getByRole('link', { name: /Chatbots for organizing/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'At a glance' })).toBeVisible();
  await expect(page.getByRole('figure', { name: /Where learners stop/ })).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain(learner.email);
  expect(html).not.toMatch(/[\w.+-]+@example\.org/);
  await expectNoA11yViolations(page, 'course report');

  // An instructor whom no course names sees no report at all.
  const stranger = await (await browser.newContext()).newPage();
  await staffFromCli(stranger, newAccount('instructor'), 'instructor');
  await stranger.goto('/instructor');
  await expect(stranger.getByText('No course names you as an instructor yet.')).toBeVisible();
  expect((await stranger.request.get(`/instructor/${FREE_COURSE}`)).status()).toBe(403);
});

test("an admin opens a learner's record and signs them out everywhere, with a reason", async ({
  page,
  browser,
}) => {
  const learnerContext = await browser.newContext();
  const learner = await createAccount(learnerContext.request);
  await enrollByPost(learnerContext.request);
  expect((await learnerContext.request.get('/dashboard', { maxRedirects: 0 })).status()).toBe(200);

  await signedInAdmin(page);
  await page.goto(`/admin/enrollments?q=${encodeURIComponent(learner.email)}`);
  await page.getByRole('link', { name: learner.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: learner.name })).toBeVisible();
  await expect(page.getByText('1 active session')).toBeVisible();
  await expectNoA11yViolations(page, 'learner record');
  await page.getByLabel('Reason').fill('lost phone');
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('status')).toHaveText('Signed out of every device.');
  await expect(page.getByText('0 active sessions')).toBeVisible();
  // The history reads the reason in words, not the stored JSON.
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('reason: lost phone');
  await expect(history).not.toContainText('{"reason"');
  expect((await learnerContext.request.get('/dashboard', { maxRedirects: 0 })).status()).toBe(302);
  await learnerContext.close();
});
