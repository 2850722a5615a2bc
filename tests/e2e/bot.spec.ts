import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { FREE_COURSE, ROOT, enrolledLearner, lessonPath } from './helpers';

const GOTV = lessonPath(FREE_COURSE, 'get-out-the-vote');
const XSS = '<img src=x onerror=alert(1)>';

/** The rides-to-polls chat on the page (the playground's phone has the same bot name). */
const ridesBot = (page: Page) => page.locator('bot-sandbox[data-bot="rides-to-polls"]');

/** Sends a message in a stored-mode sandbox and returns the server's reply lines. */
async function sendStored(page: Page, sandbox: Locator, text: string): Promise<{ text: string }[]> {
  const response = page.waitForResponse(
    (r) =>
      new URL(r.url()).pathname === '/api/bots/rides-to-polls' && r.request().method() === 'POST',
  );
  await sandbox.getByRole('textbox', { name: 'Your message' }).fill(text);
  await sandbox.getByRole('button', { name: 'Send' }).click();
  const done = await response;
  expect(done.status()).toBe(200);
  return ((await done.json()) as { replies: { text: string }[] }).replies;
}

/** The transcript as rendered: who sent each message and the bubble's text. */
const transcript = (sandbox: Locator) =>
  sandbox
    .getByRole('log')
    .getByRole('listitem')
    .evaluateAll((items) =>
      items.map((li) => ({
        from: li.classList.contains('person') ? 'person' : 'bot',
        text: li.querySelector('.bubble')?.textContent ?? '',
      })),
    );

test.describe.configure({ mode: 'parallel' });

test.describe('sandbox bots', () => {
  test('an enrolled learner chats with the rides bot; the chat is stored, STOP is honoured and nothing is rendered as HTML', async ({
    page,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await enrolledLearner(page);
    await page.goto(GOTV);
    const sandbox = ridesBot(page);
    const log = sandbox.getByRole('log', { name: 'Conversation with Rides to the Polls' });
    await expect(sandbox.getByRole('textbox', { name: 'Your message' })).toBeVisible();
    await expect(log).toContainText('Text RIDE to book one');

    // RIDE starts a booking: the bot asks for a ZIP code
    await sendStored(page, sandbox, 'RIDE');
    await expect(log.getByRole('listitem').last()).toContainText(/ZIP code/);

    // The conversation is stored on the server
    await page.reload();
    await expect(log.getByRole('listitem').last()).toContainText(/ZIP code/);
    const stored = await transcript(sandbox);
    expect(stored.at(-2)).toEqual({ from: 'person', text: 'RIDE' });
    expect(stored.at(-1)?.from).toBe('bot');

    // Markup in a message is shown as text, live and after a reload
    await sendStored(page, sandbox, XSS);
    const mine = log.locator('.msg.person .bubble').last();
    await expect(mine).toHaveText(XSS);
    expect(await mine.evaluate((node) => node.textContent)).toBe(XSS);
    await expect(log.locator('img')).toHaveCount(0);
    await page.reload();
    expect(
      await log
        .locator('.msg.person .bubble')
        .last()
        .evaluate((node) => node.textContent),
    ).toBe(XSS);
    await expect(log.locator('img')).toHaveCount(0);

    // STOP: exactly one confirmation, then silence
    const stopReplies = await sendStored(page, sandbox, 'STOP');
    expect(stopReplies).toHaveLength(1);
    expect(stopReplies[0]!.text).toMatch(/unsubscribed/i);
    await expect(log.getByRole('listitem').last()).toContainText(/unsubscribed/i);
    const helloReplies = await sendStored(page, sandbox, 'hello');
    expect(helloReplies).toEqual([]);

    await page.reload();
    const lines = await transcript(sandbox);
    const stopAt = lines.map((l) => l.text).lastIndexOf('STOP');
    expect(lines[stopAt]).toEqual({ from: 'person', text: 'STOP' });
    expect(lines.slice(stopAt + 1).map((l) => l.from)).toEqual(['bot', 'person']);
    expect(lines.at(-1)).toEqual({ from: 'person', text: 'hello' });
    expect(dialogs).toEqual([]);
  });

  test('a preview visitor chats with the opt-in bot in the browser only', async ({ page }) => {
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });
    await page.goto(lessonPath(FREE_COURSE, 'sms-bots-and-the-rules'));
    const sandbox = page.locator('bot-sandbox[data-bot="opt-in-list"]');
    await expect(sandbox).toHaveAttribute('data-mode', 'local');
    await expect(
      sandbox.getByText('This chat stays in your browser.', { exact: false }),
    ).toBeVisible();
    const log = sandbox.getByRole('log', { name: 'Conversation with Eastside Tenants Alerts' });
    await expect(log).toContainText('text JOIN to get alerts');

    const say = async (text: string) => {
      await sandbox.getByRole('textbox', { name: 'Your message' }).fill(text);
      await sandbox.getByRole('button', { name: 'Send' }).click();
    };
    await say('JOIN');
    await expect(log.getByRole('listitem').last()).toContainText('Reply YES to confirm');
    await say('YES');
    await expect(log).toContainText("You're subscribed to Eastside Tenants alerts!");
    await expect(log.getByRole('listitem').last()).toContainText("What's your first name?");

    // Kept in this browser across a reload
    await page.reload();
    await expect(log.getByRole('listitem').last()).toContainText("What's your first name?");
    expect(apiCalls).toEqual([]);
  });

  test('the playground fails the starter flow and passes a fixed one', async ({ page }) => {
    await enrolledLearner(page);
    await page.goto(GOTV);
    const playground = page.locator('bot-playground');
    await expect(
      playground.getByRole('heading', { name: 'Build it yourself: Ask where to pick people up' }),
    ).toBeVisible();
    await expect(playground.getByText('You passed this exercise.', { exact: false })).toHaveCount(
      0,
    );
    const editor = playground.getByRole('textbox', { name: 'Your flow (YAML)' });
    await expect(editor).toHaveValue(/id: rides-starter/);

    const run = async () => {
      const response = page.waitForResponse(
        (r) =>
          new URL(r.url()).pathname === '/api/exercises/rides-exercise' &&
          r.request().postDataJSON()?.action === 'run',
      );
      await playground.getByRole('button', { name: 'Run the checks' }).click();
      expect((await response).status()).toBe(200);
    };

    const checks = (
      parseYaml(readFileSync(join(ROOT, 'content/bots/rides-exercise.yaml'), 'utf8')) as {
        checks: { name: string }[];
      }
    ).checks;
    await expect(
      playground.getByRole('listitem').filter({ hasText: checks[0]!.name }).first(),
    ).toBeVisible();

    // The starter books a ride without asking for a ZIP code
    await run();
    await expect(
      playground.getByText('Some checks failed. Read why, fix the flow and run them again.'),
    ).toBeVisible();
    await expect(playground.getByText(/^✗ Failed: /).first()).toBeVisible();
    await expect(playground.getByText('✗ Failed: RIDE asks for a ZIP code')).toBeVisible();

    // Editing lints the flow on the server (and restarts the phone with the new bot)
    const linted = page.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === '/api/exercises/rides-exercise' &&
        r.request().postDataJSON()?.action === 'lint',
    );
    await editor.fill(FIXED_FLOW);
    expect((await linted).status()).toBe(200);
    await expect(playground.getByText('No problems found.')).toBeVisible();
    await run();
    await expect(playground.getByText('Every check passed. Exercise complete!')).toBeVisible();
    await expect(playground.getByText(/^✓ Passed: /)).toHaveCount(checks.length);
    for (const check of checks)
      await expect(playground.getByText(`✓ Passed: ${check.name}`)).toBeVisible();
    await expect(playground.getByText(/^✗ Failed: /)).toHaveCount(0);

    // The phone chats with the learner's latest version
    const phone = playground.getByRole('log');
    await playground.getByRole('textbox', { name: 'Your message' }).fill('RIDE');
    await playground.getByRole('button', { name: 'Send' }).click();
    await expect(phone.getByRole('listitem').last()).toContainText('ZIP code');
    await playground.getByRole('textbox', { name: 'Your message' }).fill('94110');
    await playground.getByRole('button', { name: 'Send' }).click();
    await expect(phone.getByRole('listitem').last()).toContainText('ZIP 94110');

    await page.reload();
    await expect(
      playground.getByRole('status').filter({ hasText: 'You passed this exercise.' }),
    ).toBeVisible();
  });
});

/** rides-starter with the missing step: RIDE asks for a ZIP, re-asks on a bad one, confirms with it. */
const FIXED_FLOW = `id: rides-starter
name: Rides to the Polls
channel: sms
description: Books a ride after asking where to pick the person up.
help: "Rides to the Polls: free rides to vote on Election Day. Text RIDE to book. Reply STOP to opt out."
start: welcome
keywords:
  - match: [RIDE, RIDES]
    goto: ask-zip
steps:
  welcome:
    say: "Hi from Rides to the Polls! Text RIDE to book a free ride to vote. Reply STOP to opt out."

  ask-zip:
    ask: "What's the 5-digit ZIP code where we should pick you up?"
    save: zip
    expect: zip
    invalid: "Hmm, that doesn't look like a ZIP code. Please reply with 5 digits, like 94110."
    goto: confirm

  confirm:
    tag: [rider]
    say: "Thanks! A volunteer will text you soon to set up your ride from ZIP {{zip}}."
    end: true
`;
