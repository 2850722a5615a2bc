import { describe, expect, it } from 'vitest';
import { handleMessage, lintBot, parseBot, runScript, startConversation } from '~/lib/bot/index.ts';
import {
  MAX_CHECK_CHARS,
  MAX_REPLIES_PER_TURN,
  MAX_REPLY_CHARS,
  MAX_TAG_CHARS,
  MAX_TURN_CHARS,
} from '~/lib/bot/limits.ts';
import { cut, interpolate } from '~/lib/bot/template.ts';
import { botFrom, ELECTION_DAY } from './helpers';
import { multiplyingFlow } from './hostile-flows';

const chars = (replies: { text: string }[]) => replies.reduce((n, r) => n + r.text.length, 0);

describe('interpolate with a length cap', () => {
  it('stops filling once the cap is reached and ends with an ellipsis', () => {
    const text = interpolate('{{v}}'.repeat(10_000), { v: 'y'.repeat(1_000) }, 50);
    expect(text).toHaveLength(50);
    expect(text.endsWith('…')).toBe(true);
  });
  it('leaves short texts alone', () => {
    expect(interpolate('Hi {{name|there}}', {}, 50)).toBe('Hi there');
    expect(cut('abcdef', 4)).toBe('abc…');
    expect(cut('abc', 4)).toBe('abc');
  });
});

describe('a turn stays within the limits whoever wrote the bot', () => {
  for (const channel of ['sms', 'messenger'] as const) {
    it(`stops a multiplying ${channel} flow early, and says why`, () => {
      const { bot } = parseBot(multiplyingFlow(9, channel));
      expect(bot).not.toBeNull();
      const opened = startConversation(bot!, { now: ELECTION_DAY });
      const turn =
        channel === 'sms'
          ? opened
          : handleMessage(bot!, opened.state, 'hi', { now: ELECTION_DAY + 1 });
      expect(turn.replies.length).toBeLessThanOrEqual(MAX_REPLIES_PER_TURN);
      expect(chars(turn.replies)).toBeLessThanOrEqual(MAX_TURN_CHARS + MAX_REPLY_CHARS);
      for (const reply of turn.replies)
        expect(reply.text.length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
      for (const tag of turn.state.tags) expect(tag.length).toBeLessThanOrEqual(MAX_TAG_CHARS);
      expect(turn.notes.join(' ')).toMatch(/Stopped after \d+ replies/);
      expect(JSON.stringify(turn.state).length).toBeLessThan(20_000);
    });
  }

  it('still sends every reply of an ordinary bot', () => {
    const bot = botFrom(
      `id: ok\nname: Ok\nchannel: sms\nhelp: "Ok. Reply STOP to opt out."\nstart: a\nsteps:\n  a:\n    say: [One, Two, Three]\n    ask: Your ZIP?\n    save: zip\n    expect: zip\n    goto: b\n  b:\n    say: "Thanks, {{zip}}."\n    end: true\n`,
    );
    const { state, replies } = startConversation(bot, { now: ELECTION_DAY });
    expect(replies.map((r) => r.text)).toEqual(['One', 'Two', 'Three', 'Your ZIP?']);
    expect(
      handleMessage(bot, state, '94110', { now: ELECTION_DAY + 1 }).replies.map((r) => r.text),
    ).toEqual(['Thanks, 94110.']);
  });

  it('fails a scripted check that talks past the check budget instead of running on', () => {
    const { bot } = parseBot(multiplyingFlow(9));
    const says = Array.from({ length: 12 }, () => 'GO');
    const result = runScript(bot!, { checks: [{ name: 'talks forever', says, expect: ['x'] }] });
    expect(result.checks[0]!.passed).toBe(false);
    expect(result.checks[0]!.reason).toContain(MAX_CHECK_CHARS.toLocaleString('en-US'));
    expect(result.checks[0]!.transcript.reduce((n, l) => n + l.text.length, 0)).toBeLessThanOrEqual(
      MAX_CHECK_CHARS + MAX_TURN_CHARS + MAX_REPLY_CHARS,
    );
  });
});

describe('the linter', () => {
  it('makes a goto loop without a question an error', () => {
    const { bot, sourceMap } = parseBot(multiplyingFlow(1));
    const loop = lintBot(bot!, sourceMap).filter((p) => p.rule === 'goto-loop');
    expect(loop).toHaveLength(1);
    expect(loop[0]!.severity).toBe('error');
  });
});
