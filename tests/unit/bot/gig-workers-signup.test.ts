/**
 * gig-workers-signup: what the bot promises about follow-ups must match what it sends.
 * Meetings can be weeks away, so the day-before reminder goes by email; on Messenger the bot
 * promises one check-in about 20 hours after sign-up, inside the 24-hour window.
 */
import { describe, expect, it } from 'vitest';
import { lintBot, parseBot } from '~/lib/bot/index.ts';
import { WINDOW_MS } from '~/lib/bot/messenger.ts';
import { Chat, HOUR, loadBot, readBotFile } from './helpers.ts';

const bot = loadBot('gig-workers-signup');

function signUp(): Chat {
  const chat = new Chat(bot);
  chat.say('hi', 'DoorDash', 'Fresno', 'yes', 'ana@example.org');
  return chat;
}

describe('gig-workers-signup follow-up', () => {
  it('promises one check-in about 20 hours out, and the day-before reminder by email', () => {
    const chat = signUp();
    const [confirmation, checkIn] = chat.replies;
    expect(confirmation?.text).toContain('ana@example.org');
    expect(confirmation?.text).toMatch(/reminder the day before the meeting will go there too/);
    expect(confirmation?.text).toMatch(/check in here once, about 20 hours from now/);
    expect(confirmation?.text).not.toMatch(/remind(er)? (you )?here/i);
    expect(confirmation?.sendAt).toBeUndefined();
    expect(checkIn?.sendAt).toBe(chat.now + 20 * HOUR);
    expect(checkIn?.text).toMatch(
      /checking in as promised: did the meeting invite reach ana@example\.org\?/,
    );
  });

  it('sends the check-in inside the 24-hour standard messaging window, as a non-promotional message', () => {
    const chat = signUp();
    const checkIn = chat.replies[1]!;
    expect(checkIn.sendAt! - chat.state.lastUserMessageAt!).toBeLessThan(WINDOW_MS);
    expect(checkIn).not.toHaveProperty('outsideWindow');
    expect(checkIn).not.toHaveProperty('promotional');
    expect(chat.state.ended).toBe(true);
  });

  it('lints clean: no step can land outside the window', () => {
    const { bot: parsed, sourceMap } = parseBot(readBotFile('gig-workers-signup'));
    expect(lintBot(parsed!, sourceMap).filter((p) => p.rule === 'messenger-window')).toEqual([]);
  });

  it('lets a worker who got no invite sign up again with JOIN after the check-in', () => {
    const chat = signUp();
    chat.wait(20 * HOUR);
    expect(chat.say('JOIN').at(-1)).toBe('Which app do you work for the most?');
  });

  it('promises nothing more on Messenger to a worker who declines the meeting', () => {
    const chat = new Chat(bot);
    chat.say('hi', 'Lyft', 'Fresno');
    const texts = chat.say('no');
    expect(texts).toEqual([
      expect.stringContaining("we'll only message you here if you write to us"),
    ]);
    expect(chat.replies.every((r) => r.sendAt === undefined)).toBe(true);
  });
});
