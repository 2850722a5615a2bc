import { describe, expect, it } from 'vitest';
import {
  MAX_BUTTONS,
  MAX_QUICK_REPLIES,
  MAX_TITLE,
  cutTitle,
  outsideWindow,
} from '~/lib/bot/messenger.ts';
import { Chat, ELECTION_DAY, HOUR, MESSENGER_HEADER, botFrom } from './helpers.ts';

const MANY_OPTIONS = Array.from({ length: 15 }, (_, i) => `Option ${i + 1}`);
const LONG_TITLE = 'Instacart Shopper (full service)';
const CUT_LONG_TITLE = 'Instacart Shopper (f';
const FIRST_MESSAGE = 'hi there';

const MENU_BOT = botFrom(`${MESSENGER_HEADER}keywords:
  - match: [PLATFORMS]
    goto: platform
steps:
  welcome:
    say: "Hello!"
    buttons:
      - { title: See platforms, goto: platform }
      - { title: Many options, goto: many }
      - { title: Our website, url: "https://example.org" }
      - { title: Fourth button, url: "https://example.org/4" }
  platform:
    ask: "Which app?"
    save: platform
    expect: { type: choice, options: [Uber, "${LONG_TITLE}"] }
    goto: ready
  many:
    ask: "Pick one"
    expect: { type: choice, options: [${MANY_OPTIONS.join(', ')}] }
    end: true
  ready:
    ask: "Ready?"
    save: ready
    expect: yes-no
    goto: later
  later:
    delayHours: 23
    say: "Still inside the window."
    goto: much-later
  much-later:
    delayHours: 2
    promotional: true
    say: "Outside the window."
    end: true
`);

describe('starting a Messenger conversation', () => {
  it('sends nothing until the person writes', () => {
    const chat = new Chat(MENU_BOT);
    expect(chat.replies).toEqual([]);
    expect(chat.state).toMatchObject({ channel: 'messenger', started: false });
  });

  it.each([FIRST_MESSAGE, 'GET_STARTED'])('runs the start step on the first message %j', (text) => {
    const chat = new Chat(MENU_BOT);
    expect(chat.say(text)).toEqual(['Hello!']);
    expect(chat.state.started).toBe(true);
  });

  it('lets a keyword in the first message choose where to start', () => {
    expect(new Chat(MENU_BOT).say('platforms')).toEqual(['Which app?']);
  });

  it("records the person's last message time", () => {
    const chat = new Chat(MENU_BOT);
    chat.say(FIRST_MESSAGE);
    expect(chat.state.lastUserMessageAt).toBe(chat.now);
  });

  it('can run a Messenger bot as SMS via the channel option', () => {
    const chat = new Chat(MENU_BOT, { channel: 'sms' });
    expect(chat.state.channel).toBe('sms');
    expect(chat.texts).toEqual(['Hello!']);
  });
});

describe('Messenger limits', () => {
  it(`shows at most ${MAX_BUTTONS} buttons`, () => {
    const chat = new Chat(MENU_BOT);
    chat.say(FIRST_MESSAGE);
    expect(chat.replies[0]?.buttons?.map((b) => b.title)).toEqual([
      'See platforms',
      'Many options',
      'Our website',
    ]);
  });

  it(`shows at most ${MAX_QUICK_REPLIES} quick replies`, () => {
    const chat = new Chat(MENU_BOT);
    chat.say(FIRST_MESSAGE, 'Many options');
    expect(chat.replies[0]?.quickReplies).toEqual(MANY_OPTIONS.slice(0, MAX_QUICK_REPLIES));
  });

  it(`cuts titles to ${MAX_TITLE} characters, and the cut title still selects the option`, () => {
    expect(cutTitle(LONG_TITLE)).toBe(CUT_LONG_TITLE);
    const chat = new Chat(MENU_BOT);
    chat.say('PLATFORMS');
    expect(chat.replies[0]?.quickReplies).toEqual(['Uber', CUT_LONG_TITLE]);
    chat.say(CUT_LONG_TITLE);
    expect(chat.state.vars.platform).toBe(LONG_TITLE);
  });

  it('offers Yes / No quick replies for yes-no questions', () => {
    const chat = new Chat(MENU_BOT);
    chat.say('PLATFORMS', 'uber');
    expect(chat.replies[0]).toMatchObject({ text: 'Ready?', quickReplies: ['Yes', 'No'] });
  });
});

describe('buttons', () => {
  it('jump to their step when tapped', () => {
    const chat = new Chat(MENU_BOT);
    chat.say(FIRST_MESSAGE);
    expect(chat.state.waiting).toBe('welcome');
    expect(chat.say('See platforms')).toEqual(['Which app?']);
  });

  it('ask again, with the buttons, when something else is typed', () => {
    const chat = new Chat(MENU_BOT);
    chat.say(FIRST_MESSAGE);
    expect(chat.say('what?')).toEqual(['Please tap one of the buttons.']);
    expect(chat.replies[0]?.buttons).toHaveLength(MAX_BUTTONS);
  });
});

describe('the 24-hour window', () => {
  it("is open for 24 hours after the person's last message", () => {
    expect(outsideWindow(ELECTION_DAY, ELECTION_DAY + 24 * HOUR)).toBe(false);
    expect(outsideWindow(ELECTION_DAY, ELECTION_DAY + 24 * HOUR + 1)).toBe(true);
    expect(outsideWindow(null, ELECTION_DAY)).toBe(true);
  });

  it('flags delayed messages that land outside it', () => {
    const chat = new Chat(MENU_BOT);
    chat.say('PLATFORMS', 'Uber', 'yes');
    const answeredAt = chat.now;
    expect(chat.replies.map((r) => [r.text, r.sendAt, r.outsideWindow, r.promotional])).toEqual([
      ['Still inside the window.', answeredAt + 23 * HOUR, undefined, undefined],
      ['Outside the window.', answeredAt + 25 * HOUR, true, true],
    ]);
  });
});

describe('Messenger and the SMS keywords', () => {
  it('does not treat STOP as an opt-out (that is an SMS rule)', () => {
    const chat = new Chat(MENU_BOT);
    chat.say(FIRST_MESSAGE, 'STOP');
    expect(chat.state.optedOut).toBe(false);
  });

  it('answers HELP only when the bot has help text', () => {
    const chat = new Chat(MENU_BOT);
    chat.say(FIRST_MESSAGE);
    expect(chat.say('help')).toEqual(['Test Bot help.']);
    const { help: _help, ...silent } = MENU_BOT;
    const other = new Chat(silent);
    other.say(FIRST_MESSAGE);
    expect(other.say('help')).toEqual(['Please tap one of the buttons.']);
  });

  it('carries no SMS segment info', () => {
    const chat = new Chat(MENU_BOT);
    chat.say(FIRST_MESSAGE);
    expect(chat.replies[0]).not.toHaveProperty('sms');
  });
});
