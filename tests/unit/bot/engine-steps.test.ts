import { describe, expect, it } from 'vitest';
import { Chat, ELECTION_DAY, HOUR, SMS_HEADER, botFrom } from './helpers.ts';

const STEPS_BOT = botFrom(`${SMS_HEADER}keywords:
  - match: [GO]
    goto: ask-zip
  - match: [COLOR]
    goto: color
  - match: [LOOP]
    goto: loop-a
  - match: [BROKEN]
    goto: broken
lookups:
  clinics:
    "94110": { name: Mission Clinic, hours: 9-5 }
    "946*": { name: Oakland Clinic, hours: 8-4 }
    "9*": { name: Generic West Coast Clinic }
  hotlines:
    "94110": "(415) 555-0111"
steps:
  welcome:
    say:
      - "Welcome! Text GO to start."
      - "Reply STOP to opt out."
  ask-zip:
    tag: [started]
    ask: "ZIP?"
    save: zip
    expect: zip
    goto: find
  find:
    lookup: { table: clinics, key: "{{zip}}", save: clinic, missing: none }
    say: "{{clinic.name}} ({{clinic.hours|hours unknown}})"
    untag: [started]
    tag: ["zip-{{zip}}"]
    goto: ask-count
  none:
    say: "No clinic near {{zip}}."
    end: true
  ask-count:
    ask: "How many?"
    save: count
    expect: { type: number, min: 1, max: 9 }
    invalid: "1 to 9, please."
    branch:
      - if: { var: count, gte: 5 }
        goto: big
      - if: [{ var: zip, in: ["94110", "94103"] }, { var: count, equals: "2" }]
        goto: pair-in-mission
      - if: { tagged: zip-94601 }
        goto: oakland
    goto: small
  big:
    say: "Big group of {{count}}."
    end: true
  pair-in-mission:
    say: "A pair in the Mission."
    end: true
  oakland:
    say: "Oakland group."
    end: true
  small:
    say: "Small group."
    end: true
  color:
    ask: "Pick a color: Red or Blue?"
    save: color
    expect: { type: choice, options: [Red, Blue, Go] }
    goto: after-color
  after-color:
    say: "You picked {{color}}."
  loop-a:
    goto: loop-b
  loop-b:
    goto: loop-a
  broken:
    goto: nowhere
`);

const LATER_BOT = botFrom(`${SMS_HEADER}fallback: menu
steps:
  welcome:
    say: "Hi! Reply STOP to opt out."
    goto: reminder
  reminder:
    delayHours: 2
    say: "Reminder one."
    goto: second
  second:
    delayHours: 1
    promotional: true
    say: "Reminder two."
    end: true
  menu:
    say: "Menu: text anything."
    end: true
`);

describe('say, ask, save, goto, end', () => {
  it('sends each say item as its own message, with the step id and YAML path', () => {
    const chat = new Chat(STEPS_BOT);
    expect(chat.texts).toEqual(['Welcome! Text GO to start.', 'Reply STOP to opt out.']);
    expect(chat.replies.map((r) => [r.stepId, r.source])).toEqual([
      ['welcome', 'steps.welcome.say.0'],
      ['welcome', 'steps.welcome.say.1'],
    ]);
  });

  it('asks, waits, saves the answer and follows goto', () => {
    const chat = new Chat(STEPS_BOT);
    expect(chat.say('GO')).toEqual(['ZIP?']);
    expect(chat.replies[0]).toMatchObject({ stepId: 'ask-zip', source: 'steps.ask-zip.ask' });
    expect(chat.state.waiting).toBe('ask-zip');
    expect(chat.say('94110-1234')).toEqual(['Mission Clinic (9-5)', 'How many?']);
    expect(chat.state.vars.zip).toBe('94110');
  });

  it("re-asks with the default hint, then with the step's invalid text, counting attempts", () => {
    const chat = new Chat(STEPS_BOT);
    chat.say('GO');
    expect(chat.say('nope')).toEqual(['Please reply with a 5-digit ZIP code, like 94110.']);
    expect(chat.replies[0]).toMatchObject({ stepId: 'ask-zip', source: 'builtin:invalid-zip' });
    chat.say('94110');
    expect(chat.say('12')).toEqual(['1 to 9, please.']);
    expect(chat.replies[0]?.source).toBe('steps.ask-count.invalid');
    expect(chat.say('eleven?')).toEqual(['1 to 9, please.']);
    expect(chat.state.attempts).toBe(2);
  });

  it('marks the conversation ended at end: true', () => {
    const chat = new Chat(STEPS_BOT);
    chat.say('GO', '94110', '3');
    expect(chat.state).toMatchObject({ ended: true, waiting: null });
  });

  it('answers an idle message with the help text when there is no fallback', () => {
    const chat = new Chat(STEPS_BOT);
    expect(chat.say('hello')).toEqual([STEPS_BOT.help]);
  });

  it('goes to the fallback step for messages that answer nothing', () => {
    const chat = new Chat(LATER_BOT);
    expect(chat.say('hello')).toEqual(['Menu: text anything.']);
  });
});

describe('tags', () => {
  it('adds, interpolates and removes tags', () => {
    const chat = new Chat(STEPS_BOT);
    chat.say('GO');
    expect(chat.state.tags).toEqual(['started']);
    chat.say('94601');
    expect(chat.state.tags).toEqual(['zip-94601']);
  });
});

describe('lookup', () => {
  it('prefers an exact key, then the longest prefix key', () => {
    const chat = new Chat(STEPS_BOT);
    chat.say('GO');
    expect(chat.say('94601')[0]).toBe('Oakland Clinic (8-4)');
    const other = new Chat(STEPS_BOT);
    other.say('GO');
    expect(other.say('95112')[0]).toBe('Generic West Coast Clinic (hours unknown)');
    expect(other.state.vars.clinic).toEqual({ name: 'Generic West Coast Clinic' });
  });

  it('saves a plain-text row as text', () => {
    const bot = {
      ...STEPS_BOT,
      start: 'hotline',
      steps: {
        ...STEPS_BOT.steps,
        hotline: {
          lookup: { table: 'hotlines', key: '94110', save: 'phone' },
          say: ['Call {{phone}}.'],
        },
      },
    };
    expect(new Chat(bot).texts).toEqual(['Call (415) 555-0111.']);
  });

  it('goes to the missing step when no row matches', () => {
    const chat = new Chat(STEPS_BOT);
    chat.say('GO');
    expect(chat.say('10001')).toEqual(['No clinic near 10001.']);
    expect(chat.state.vars).not.toHaveProperty('clinic');
  });
});

describe('branch', () => {
  const afterZip = (zip: string, count: string) => {
    const chat = new Chat(STEPS_BOT);
    chat.say('GO', zip);
    return chat.say(count);
  };

  it('compares numbers with gte', () =>
    expect(afterZip('94110', '5')).toEqual(['Big group of 5.']));
  it('requires every condition in a list (in + equals)', () => {
    expect(afterZip('94110', '2')).toEqual(['A pair in the Mission.']);
    expect(afterZip('94112', '2')).toEqual(['Small group.']);
  });
  it('tests tags', () => expect(afterZip('94601', '3')).toEqual(['Oakland group.']));
  it('falls back to goto when nothing matches', () =>
    expect(afterZip('94110', '3')).toEqual(['Small group.']));
});

describe('global keywords', () => {
  it('jump from anywhere, even mid-question, on an exact match', () => {
    const chat = new Chat(STEPS_BOT);
    chat.say('GO');
    expect(chat.say('color')).toEqual(['Pick a color: Red or Blue?']);
  });

  it('tolerate a typo when idle, or when the answer is invalid', () => {
    const chat = new Chat(STEPS_BOT);
    expect(chat.say('colr')).toEqual(['Pick a color: Red or Blue?']);
    chat.say('GO');
    expect(chat.say('colr')).toEqual(['Pick a color: Red or Blue?']);
  });

  it("do not steal an answer that is one of the pending question's options", () => {
    const chat = new Chat(STEPS_BOT);
    chat.say('COLOR');
    expect(chat.say('go')).toEqual(['You picked Go.']);
  });

  it('do not treat a typo as a keyword when it is a valid answer', () => {
    const chat = new Chat(STEPS_BOT);
    chat.say('COLOR');
    expect(chat.say('Blu')).toEqual(['You picked Blue.']);
  });
});

describe('delays and flags', () => {
  it('schedules delayed steps cumulatively and flags promotional ones', () => {
    const chat = new Chat(LATER_BOT);
    expect(chat.replies.map((r) => [r.text, r.sendAt, r.promotional])).toEqual([
      ['Hi! Reply STOP to opt out.', undefined, undefined],
      ['Reminder one.', ELECTION_DAY + 2 * HOUR, undefined],
      ['Reminder two.', ELECTION_DAY + 3 * HOUR, true],
    ]);
  });
});

describe('author mistakes at runtime', () => {
  it('stops a goto loop and explains it in notes', () => {
    const chat = new Chat(STEPS_BOT);
    expect(chat.say('LOOP')).toEqual([]);
    expect(chat.notes).toEqual([expect.stringContaining('goto loop')]);
  });

  it('reports a missing step in notes instead of crashing', () => {
    const chat = new Chat(STEPS_BOT);
    expect(chat.say('BROKEN')).toEqual([]);
    expect(chat.notes).toEqual(['Step "nowhere" does not exist.']);
  });
});
