import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintBot, parseBot, parseExercise } from '~/lib/bot/index.ts';
import { BOTS_DIR, Chat, loadBot, readBotFile } from './helpers.ts';

const FILES = readdirSync(BOTS_DIR).filter((f) => f.endsWith('.yaml'));
const isExercise = (file: string) =>
  /^kind:\s*exercise/m.test(readBotFile(file.replace(/\.yaml$/, '')));
const BOT_IDS = FILES.filter((f) => !isExercise(f)).map((f) => f.replace(/\.yaml$/, ''));
const EXERCISE_IDS = FILES.filter(isExercise).map((f) => f.replace(/\.yaml$/, ''));
const SHIPPED = [
  'rides-to-polls',
  'nearest-clinic',
  'benefits-screener',
  'gig-workers-signup',
  'opt-in-list',
];
const OPT_OUT = /unsubscribed/i;

describe('content/bots', () => {
  it('ships every bot and exercise', () => {
    expect(BOT_IDS).toEqual(
      expect.arrayContaining([...SHIPPED, 'rides-starter', 'optin-starter', 'clinic-starter']),
    );
    expect(EXERCISE_IDS).toEqual(
      expect.arrayContaining(['rides-exercise', 'optin-exercise', 'clinic-exercise']),
    );
  });

  it.each(BOT_IDS)('%s parses, matches its file name and is lint-clean', (id) => {
    const { bot, problems, sourceMap } = parseBot(readBotFile(id));
    expect(problems).toEqual([]);
    expect(bot?.id).toBe(id);
    expect(lintBot(bot!, sourceMap)).toEqual([]);
  });

  it.each(EXERCISE_IDS)('%s parses, matches its file name, and its starter exists', (id) => {
    const { exercise, problems } = parseExercise(readBotFile(id));
    expect(problems).toEqual([]);
    expect(exercise?.id).toBe(id);
    expect(BOT_IDS).toContain(exercise?.starter);
  });

  it.each(SHIPPED)('%s has a description and help text', (id) => {
    const bot = loadBot(id);
    expect(bot.description).toBeTruthy();
    expect(bot.help).toBeTruthy();
  });
});

describe('rides-to-polls', () => {
  const bot = loadBot('rides-to-polls');

  it('books a ride and confirms it with a summary', () => {
    const chat = new Chat(bot);
    expect(chat.last).toMatch(/Text RIDE.*STOP to opt out/);
    expect(chat.say('RIDE')).toEqual([expect.stringContaining('ZIP code')]);
    expect(chat.say('941')).toEqual([expect.stringContaining("doesn't look like a ZIP")]);
    expect(chat.say('94110')).toEqual([expect.stringContaining('Reply 1 for Morning')]);
    expect(chat.say('2')).toEqual([expect.stringContaining('How many people')]);
    expect(chat.say('9')).toEqual([expect.stringContaining('from 1 to 6')]);
    expect(chat.say('3')).toEqual([expect.stringContaining('wheelchair')]);
    expect(chat.say('yes')).toEqual([
      "You're booked! Pickup in ZIP 94110, Midday (11am-3pm), for 3 rider(s). Wheelchair access: yes. A driver will text you the evening before. Text RIDE to change your request.",
    ]);
    expect(chat.state.tags).toEqual(['needs-accessible', 'rider']);
    expect(chat.state.ended).toBe(true);
    expect(chat.replies[0]?.sms).toMatchObject({ encoding: 'GSM-7', segments: 2 });
  });

  it('accepts VOTE and a typo, and does not tag accessible rides that are not needed', () => {
    const chat = new Chat(bot);
    chat.say('vote', '94103', 'morning', 'one');
    expect(chat.say('nope')[0]).toContain('Wheelchair access: no');
    expect(chat.state.tags).toEqual(['rider']);
    expect(new Chat(bot).say('RIDEE')[0]).toContain('ZIP code');
  });

  it('honours STOP mid-question, then silence, then START', () => {
    const chat = new Chat(bot);
    chat.say('RIDE', '94110');
    expect(chat.say('stop texting me')).toEqual([expect.stringMatching(OPT_OUT)]);
    expect(chat.say('RIDE')).toEqual([]);
    expect(chat.say('START')[0]).toMatch(/resubscribed/);
    expect(chat.say('HELP')).toEqual([bot.help]);
  });
});

describe('nearest-clinic', () => {
  const bot = loadBot('nearest-clinic');

  it('finds the clinic for a known ZIP', () => {
    const chat = new Chat(bot);
    expect(chat.texts).toEqual([
      expect.stringContaining('STOP to opt out'),
      "What's your 5-digit ZIP code?",
    ]);
    expect(chat.say('94103')).toEqual([
      'Nearest clinic: Mission Neighborhood Health, 2480 Mission St, San Francisco. Hours: Mon-Fri 8am-6pm, Sat 9am-1pm. Call (415) 555-0111. Text CLINIC to search another ZIP.',
    ]);
    expect(chat.state.tags).toEqual(['clinic-found']);
  });

  it('uses a prefix row for nearby ZIPs', () => {
    expect(new Chat(bot).say('94612')[0]).toContain('Oakland Downtown Clinic');
  });

  it('re-asks for an invalid ZIP and falls back helpfully for an unknown one', () => {
    const chat = new Chat(bot);
    expect(chat.say('Mission district')[0]).toContain('just the 5 digits');
    expect(chat.say('10001')).toEqual([expect.stringContaining('Call 211')]);
    expect(chat.state.tags).toEqual(['clinic-not-found']);
  });

  it('starts a new search on CLINIC or any other message', () => {
    const chat = new Chat(bot);
    chat.say('94110');
    expect(chat.say('clinica')).toEqual(["What's your 5-digit ZIP code?"]);
    chat.say('94110');
    expect(chat.say('thanks!')).toEqual(["What's your 5-digit ZIP code?"]);
  });
});

describe('benefits-screener', () => {
  const bot = loadBot('benefits-screener');
  const screen = (...answers: string[]) => {
    const chat = new Chat(bot);
    chat.say('GET_STARTED');
    chat.say(...answers);
    return chat;
  };

  it('waits for the person, then explains and disclaims before asking', () => {
    const chat = new Chat(bot);
    expect(chat.replies).toEqual([]);
    expect(chat.say('hi')).toEqual([
      expect.stringContaining('SNAP'),
      expect.stringContaining('not an application or a decision'),
      'Ready to start?',
    ]);
    expect(chat.replies[2]?.quickReplies).toEqual(['Yes', 'No']);
  });

  it('points a low-income family with working parents to SNAP and child care', () => {
    const chat = screen('yes', '3', '$1,900', 'no', 'yes', 'yes');
    expect(chat.texts[0]).toContain('SNAP food benefits AND child care');
    expect(chat.texts[1]).toContain('estimate, not a decision');
    expect(chat.replies[1]?.buttons?.map((b) => b.title)).toEqual([
      'Find a SNAP office',
      'Child care help',
    ]);
    expect(chat.state.tags).toEqual(['may-qualify-snap', 'may-qualify-childcare']);
  });

  it('points a low-income adult without children to SNAP only', () => {
    const chat = screen('yes', '1', '1200', 'no', 'no');
    expect(chat.texts[0]).toContain('you may be eligible for SNAP');
    expect(chat.state.tags).toEqual(['may-qualify-snap']);
  });

  it('points a working family above the SNAP limit to child care only', () => {
    const chat = screen('yes', '4', '4000', 'no', 'yes', 'yes');
    expect(chat.texts[0]).toContain('help paying for child care');
    expect(chat.state.tags).toEqual(['may-qualify-childcare']);
  });

  it('keeps SNAP open for seniors above the gross limit', () => {
    expect(screen('yes', '2', '2500', 'yes', 'no').texts[0]).toContain('60+ or with a disability');
  });

  it('is careful with everyone else', () => {
    const chat = screen('yes', '2', '9000', 'no', 'no');
    expect(chat.texts[0]).toContain('above the usual limits');
    expect(chat.state.tags).toEqual([]);
  });

  it('re-asks out-of-range numbers and can start over', () => {
    const chat = screen('yes');
    expect(chat.say('15')[0]).toContain('from 1 to 10');
    expect(chat.say('start over')).toEqual([
      expect.any(String),
      expect.any(String),
      'Ready to start?',
    ]);
    expect(chat.say('no')).toEqual(["No problem. Type START OVER whenever you're ready."]);
  });
});

describe('gig-workers-signup', () => {
  const bot = loadBot('gig-workers-signup');

  it('signs up a worker, tags the platform, and schedules a reminder inside the window', () => {
    const chat = new Chat(bot);
    chat.say('Get started');
    expect(chat.replies[1]?.quickReplies).toEqual([
      'Uber',
      'Lyft',
      'DoorDash',
      'Instacart',
      'Amazon Flex',
      'Other',
    ]);
    expect(chat.say('amazon flex')).toEqual(['Thanks! What city do you mostly work in?']);
    expect(chat.state.tags).toEqual(['platform-amazon-flex']);
    expect(chat.say('Oakland')[0]).toBe(
      'Amazon Flex workers in Oakland meet online every other Tuesday at 7pm to plan our next steps. Want an invite to the next meeting?',
    );
    expect(chat.say('yes')).toEqual(['Great! What email should we send the invite to?']);
    expect(chat.say('not an email')[0]).toContain("doesn't look right");
    const texts = chat.say('Sam@Example.com');
    expect(texts[0]).toContain('sam@example.com');
    expect(chat.replies[1]).toMatchObject({ sendAt: chat.now + 20 * 3_600_000 });
    expect(chat.replies[1]).not.toHaveProperty('outsideWindow');
    expect(chat.state.tags).toEqual(['platform-amazon-flex', 'wants-meeting']);
  });

  it('respects a no to the meeting', () => {
    const chat = new Chat(bot);
    chat.say('hi', '1', 'San Jose');
    expect(chat.say('nah')[0]).toContain("You're on the list");
    expect(chat.state.tags).toEqual(['platform-uber', 'signed-up']);
  });

  it('asks again for an unknown platform', () => {
    const chat = new Chat(bot);
    chat.say('hi');
    expect(chat.say('my bike')).toEqual(["Tap one of the buttons below, or type the app's name."]);
  });
});

describe('opt-in-list', () => {
  const bot = loadBot('opt-in-list');

  it('double opts in, then collects a first name and ZIP', () => {
    const chat = new Chat(bot);
    expect(chat.say('JOIN')).toEqual([expect.stringMatching(/^Reply YES to confirm/)]);
    expect(chat.state.tags).toEqual(['pending']);
    expect(chat.say('YES')).toEqual([
      expect.stringContaining("You're subscribed"),
      "What's your first name?",
    ]);
    expect(chat.state.tags).toEqual(['subscribed']);
    expect(chat.say('Rosa')[0]).toMatch(/^Thanks, Rosa!/);
    expect(chat.say('94601')).toEqual([
      'Got it, Rosa: alerts for ZIP 94601. See you at the next meeting!',
    ]);
  });

  it('does not subscribe without a YES', () => {
    const chat = new Chat(bot);
    chat.say('join');
    expect(chat.say('no')[0]).toContain('not subscribed');
    expect(chat.state.tags).toEqual([]);
  });

  it('treats STOP as an opt-out even while waiting for YES, and YES then resubscribes', () => {
    const chat = new Chat(bot);
    chat.say('JOIN');
    expect(chat.say('STOP')).toEqual([expect.stringMatching(OPT_OUT)]);
    expect(chat.say('hello')).toEqual([]);
    expect(chat.say('YES')[0]).toMatch(/resubscribed/);
    expect(chat.state.optedOut).toBe(false);
  });
});
