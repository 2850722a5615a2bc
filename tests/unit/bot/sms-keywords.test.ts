import { describe, expect, it } from 'vitest';
import { isHelp, isOptIn, isOptOut } from '~/lib/bot/sms.ts';
import { Chat, SMS_HEADER, botFrom } from './helpers.ts';

const STANDARD_OPT_OUTS = [
  'STOP',
  'stop',
  'Stop.',
  'STOPALL',
  'UNSUBSCRIBE',
  'CANCEL',
  'END',
  'QUIT',
  ' quit! ',
];
const TYPO_OPT_OUTS = ['STPO', 'stopp', 'unsubscibe'];
const PLAIN_LANGUAGE_OPT_OUTS = [
  'take me off your list',
  'Please take me off this list',
  'revoke',
  'I revoke consent',
  'opt out',
  'opt me out please',
  'stop texting me',
  'Stop messaging me!!',
  'unsubscribe me',
  "don't text me again",
  'do not contact me',
  'please stop',
  'leave me alone',
  'no more texts',
];
const SPANISH_OPT_OUTS = [
  'PARAR',
  'Baja',
  'cancelar',
  'Ya no me manden mensajes',
  'ya no me envíen nada',
  'no me escriban más',
  'quiero darme de baja',
  'sáquenme de su lista',
];
const NOT_OPT_OUTS = [
  'Can I stop by the clinic?',
  'subscribe',
  'SUBSCRIBE',
  'the end of the street',
  'yes',
  'RIDE',
  '94110',
  'VIAJE',
  'necesito un viaje',
  'sí',
];
const RESUME_WORDS = ['START', 'yes', 'UNSTOP', 'Start!'];
const HELP_WORDS = ['HELP', 'help!', 'INFO', 'Info?', 'AYUDA', 'ayuda!'];

const WELCOME = 'Welcome! Text GO to start. Reply STOP to opt out.';
const QUESTION_BOT = botFrom(`${SMS_HEADER}keywords:
  - match: [GO]
    goto: ask-name
steps:
  welcome:
    say: "${WELCOME}"
  ask-name:
    ask: "What's your name?"
    save: name
    goto: ask-ok
  ask-ok:
    ask: "Thanks {{name}}. Is that right? Reply YES or NO."
    save: ok
    expect: yes-no
    goto: done
  done:
    say: "All set, {{name}}."
    end: true
`);

const OPT_OUT_CONFIRMATION = /unsubscribed/i;

describe('SMS keyword detection', () => {
  it.each(STANDARD_OPT_OUTS)('treats %j as an opt-out', (text) =>
    expect(isOptOut(text)).toBe(true),
  );
  it.each(TYPO_OPT_OUTS)('treats the typo %j as an opt-out', (text) =>
    expect(isOptOut(text)).toBe(true),
  );
  it.each(PLAIN_LANGUAGE_OPT_OUTS)(
    'treats the plain-language %j as an opt-out (FCC 2024)',
    (text) => expect(isOptOut(text)).toBe(true),
  );
  it.each(SPANISH_OPT_OUTS)('treats the Spanish %j as an opt-out', (text) =>
    expect(isOptOut(text)).toBe(true),
  );
  it.each(NOT_OPT_OUTS)('does not treat %j as an opt-out', (text) =>
    expect(isOptOut(text)).toBe(false),
  );
  it.each(RESUME_WORDS)('treats %j as a resume request', (text) =>
    expect(isOptIn(text)).toBe(true),
  );
  it.each(HELP_WORDS)('treats %j as HELP', (text) => expect(isHelp(text)).toBe(true));
  it('does not treat "hello" as HELP', () => expect(isHelp('hello')).toBe(false));
});

describe('SMS opt-out in a conversation', () => {
  it.each([...STANDARD_OPT_OUTS, ...PLAIN_LANGUAGE_OPT_OUTS])(
    '%j sends one confirmation and opts out',
    (text) => {
      const chat = new Chat(QUESTION_BOT);
      const replies = chat.say(text);
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatch(OPT_OUT_CONFIRMATION);
      expect(chat.replies[0]).toMatchObject({ stepId: null, source: 'builtin:optOutConfirmation' });
      expect(chat.state.optedOut).toBe(true);
    },
  );

  it('then stays silent, even for keywords, answers and a second STOP', () => {
    const chat = new Chat(QUESTION_BOT);
    chat.say('STOP');
    for (const text of ['hello', 'GO', 'Alex', 'STOP', 'no']) expect(chat.say(text)).toEqual([]);
  });

  it('wins while the bot is waiting for an answer', () => {
    const chat = new Chat(QUESTION_BOT);
    chat.say('GO');
    expect(chat.state.waiting).toBe('ask-name');
    expect(chat.say('stop')).toEqual([expect.stringMatching(OPT_OUT_CONFIRMATION)]);
    expect(chat.state).toMatchObject({ optedOut: true, waiting: null });
    expect(chat.state.vars).not.toHaveProperty('name');
  });

  it.each(RESUME_WORDS)('resumes on %j with a confirmation', (word) => {
    const chat = new Chat(QUESTION_BOT);
    chat.say('STOP');
    expect(chat.say(word)).toEqual([expect.stringMatching(/resubscribed/i)]);
    expect(chat.state.optedOut).toBe(false);
    expect(chat.say('GO')).toEqual(["What's your name?"]);
  });

  it('treats YES as an ordinary answer when not opted out', () => {
    const chat = new Chat(QUESTION_BOT);
    chat.say('GO', 'Alex');
    expect(chat.say('YES')).toEqual(['All set, Alex.']);
    expect(chat.state.vars.ok).toBe('yes');
  });

  it("uses the bot's own opt-out and opt-in texts when given", () => {
    const bot = {
      ...QUESTION_BOT,
      optOutConfirmation: 'Bye from Test Bot.',
      optInConfirmation: 'Welcome back.',
    };
    const chat = new Chat(bot);
    expect(chat.say('STOP')).toEqual(['Bye from Test Bot.']);
    expect(chat.replies[0]?.source).toBe('optOutConfirmation');
    expect(chat.say('START')).toEqual(['Welcome back.']);
  });
});

describe('SMS HELP', () => {
  it.each(HELP_WORDS)('answers %j with the help text', (word) => {
    const chat = new Chat(QUESTION_BOT);
    expect(chat.say(word)).toEqual([QUESTION_BOT.help]);
    expect(chat.replies[0]).toMatchObject({ stepId: null, source: 'help' });
  });

  it('keeps the pending question pending', () => {
    const chat = new Chat(QUESTION_BOT);
    chat.say('GO', 'HELP');
    expect(chat.state.waiting).toBe('ask-name');
    expect(chat.say('Alex')).toEqual(['Thanks Alex. Is that right? Reply YES or NO.']);
  });

  it('still answers while opted out, without resubscribing', () => {
    const chat = new Chat(QUESTION_BOT);
    chat.say('STOP');
    expect(chat.say('HELP')).toEqual([QUESTION_BOT.help]);
    expect(chat.state.optedOut).toBe(true);
  });

  it('falls back to a default that names the bot and says how to opt out', () => {
    const { help: _help, ...bot } = QUESTION_BOT;
    const chat = new Chat(bot);
    expect(chat.say('HELP')).toEqual(['Test Bot. Reply STOP to unsubscribe.']);
    expect(chat.replies[0]?.source).toBe('builtin:help');
  });
});

describe('SMS replies', () => {
  it('carry segment info', () => {
    const chat = new Chat(QUESTION_BOT);
    expect(chat.replies[0]?.sms).toEqual({
      encoding: 'GSM-7',
      units: WELCOME.length,
      segments: 1,
      ucs2Chars: [],
    });
  });

  it('do not carry quick replies or buttons', () => {
    const bot = botFrom(`${SMS_HEADER}steps:
  welcome:
    ask: "Pick one. Reply STOP to opt out."
    expect: { type: choice, options: [A, B] }
    quickReplies: [A, B]
`);
    expect(new Chat(bot).replies[0]).not.toHaveProperty('quickReplies');
  });
});
