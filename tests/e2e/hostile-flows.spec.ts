import { expect, test } from '@playwright/test';
import { multiplyingFlow } from '../unit/bot/hostile-flows';
import { createAccount, enrollByPost, siteOrigin } from './helpers';

// The probe from the hardening issue, from outside: a learner posts flows built to multiply text
// to the playground while another visitor loads a page. The flows run in a worker thread, so the
// page is served as usual and the learner gets a plain answer about their flow.
test('a learner’s multiplying flow neither stalls other visitors nor takes the server down', async ({
  page,
  request,
}) => {
  await createAccount(page.request);
  await enrollByPost(page.request);
  const post = (action: 'run' | 'lint', kilobytes: number) =>
    page.request.post('/api/exercises/rides-exercise', {
      data: { action, source: multiplyingFlow(kilobytes) },
      headers: { Origin: siteOrigin() },
    });

  const timings: number[] = [];
  const visitor = (async () => {
    for (let i = 0; i < 8; i++) {
      const started = Date.now();
      const response = await request.get('/values');
      expect(response.status()).toBe(200);
      timings.push(Date.now() - started);
    }
  })();
  const flows = await Promise.all([
    post('run', 5.6),
    post('run', 9),
    post('lint', 9),
    post('run', 20),
    post('run', 5),
  ]);
  await visitor;

  for (const response of flows) {
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { problems: { rule: string; severity: string }[] };
    expect(body.problems).toContainEqual(
      expect.objectContaining({ rule: 'goto-loop', severity: 'error' }),
    );
  }
  // Generous for a busy 2-core machine; before the fix one such flow held every page for seconds.
  expect(Math.max(...timings)).toBeLessThan(1_500);
  expect((await request.get('/')).status()).toBe(200);
});
