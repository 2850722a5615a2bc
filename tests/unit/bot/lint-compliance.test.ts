import { describe, expect, it } from 'vitest';
import { lineOf, linesFor, lint } from './helpers.ts';

// 499 GSM-7 characters: 4 segments of up to 153.
const LONG_TEXT = 'This sentence is exactly fifty characters long!!! '.repeat(10).trim();

const SMS_COMPLIANCE = `id: compliance
name: Compliance
channel: sms
start: welcome
keywords:
  - match: [STOP, INFO, JOIN]
    goto: welcome
steps:
  welcome:
    say:
      - "Welcome to our list. Text JOIN for news."
      - "${LONG_TEXT}"
      - “Smart quotes” cost you 90 characters per segment.
    quickReplies: [JOIN]
    end: true
`;

describe('lintBot: SMS compliance', () => {
  const problems = lint(SMS_COMPLIANCE);

  it('requires opt-out instructions in the first message', () => {
    expect(linesFor(problems, 'sms-opt-out-missing')).toEqual([
      lineOf(SMS_COMPLIANCE, 'start: welcome'),
    ]);
  });

  it('requires help text', () => {
    expect(linesFor(problems, 'sms-help-missing')).toEqual([
      lineOf(SMS_COMPLIANCE, 'name: Compliance'),
    ]);
  });

  it('accepts the Spanish keywords the engine honours, and only an instruction, as opt-out wording', () => {
    const spanish = SMS_COMPLIANCE.replace(
      '"Welcome to our list. Text JOIN for news."',
      '"Bienvenida a la lista. Responde BAJA para no recibir más mensajes."',
    ).replace(
      'start: welcome',
      'help: "Noticias. Responde PARAR para darte de baja."\nstart: welcome',
    );
    const found = lint(spanish);
    expect(linesFor(found, 'sms-opt-out-missing')).toEqual([]);
    expect(linesFor(found, 'sms-help-no-opt-out')).toEqual([]);
    // Every Spanish keyword the lessons show, accents or not.
    for (const instruction of [
      'Responde BASTA para no recibir más mensajes.',
      'Escribe ALTO si ya no quieres avisos.',
      'Responde con BAJA para salir.',
      'Envía «NO MÁS MENSAJES» para darte de baja.',
    ])
      expect(
        linesFor(
          lint(spanish.replace('Responde BAJA para no recibir más mensajes.', instruction)),
          'sms-opt-out-missing',
        ),
        instruction,
      ).toEqual([]);
    // Inside a sentence the same words are ordinary ones: not an instruction.
    const ordinary = SMS_COMPLIANCE.replace(
      '"Welcome to our list. Text JOIN for news."',
      '"Bienvenida. Ya basta de esperar: con una renta más baja no vamos a parar."',
    );
    expect(linesFor(lint(ordinary), 'sms-opt-out-missing')).toEqual([
      lineOf(ordinary, 'start: welcome'),
    ]);
  });

  it('wants the help text to mention STOP', () => {
    const yaml = SMS_COMPLIANCE.replace(
      'start: welcome',
      'help: "Compliance news."\nstart: welcome',
    );
    expect(linesFor(lint(yaml), 'sms-help-no-opt-out')).toEqual([lineOf(yaml, 'help:')]);
  });

  it('refuses keywords owned by the carrier rules', () => {
    const reserved = problems.filter((p) => p.rule === 'sms-reserved-keyword');
    expect(reserved.map((p) => [p.line, p.column])).toEqual([
      [lineOf(SMS_COMPLIANCE, 'match: [STOP'), 13],
      [lineOf(SMS_COMPLIANCE, 'match: [STOP'), 19],
    ]);
  });

  it('warns about messages over 3 segments by default', () => {
    expect(linesFor(problems, 'sms-segments')).toEqual([lineOf(SMS_COMPLIANCE, LONG_TEXT)]);
    expect(problems.find((p) => p.rule === 'sms-segments')?.message).toMatch(
      /takes 4 SMS segments/,
    );
  });

  it('takes the segment limit from the options or the bot', () => {
    expect(linesFor(lint(SMS_COMPLIANCE, { maxSegments: 4 }), 'sms-segments')).toEqual([]);
    const strict = SMS_COMPLIANCE.replace('start: welcome', 'maxSegments: 1\nstart: welcome');
    expect(linesFor(lint(strict), 'sms-segments')).toEqual([lineOf(strict, LONG_TEXT)]);
  });

  it('suggests GSM-7 replacements for curly quotes', () => {
    const lookalike = problems.filter((p) => p.rule === 'sms-lookalike');
    expect(lookalike.map((p) => p.line)).toEqual([lineOf(SMS_COMPLIANCE, '“Smart quotes”')]);
    expect(lookalike[0]?.message).toContain('“ → "');
  });

  it('warns that quick replies are not shown on SMS', () => {
    expect(linesFor(problems, 'sms-no-buttons')).toEqual([lineOf(SMS_COMPLIANCE, 'quickReplies:')]);
  });

  it('accepts opt-out instructions in a later message before the first question', () => {
    const yaml = `id: ok\nname: OK\nchannel: sms\nhelp: "OK: reply STOP to opt out."\nstart: a\nsteps:\n  a:\n    say: Hi\n    goto: b\n  b:\n    say: Reply STOP to opt out.\n    ask: Name?\n    end: true\n`;
    expect(lint(yaml)).toEqual([]);
  });
});

const TITLES = Array.from({ length: 14 }, (_, i) => `Choice ${i + 1}`);
const MESSENGER = `id: messenger-lint
name: Messenger Lint
channel: messenger
start: welcome
steps:
  welcome:
    ask: "Pick one"
    expect: { type: choice, options: [${TITLES.join(', ')}] }
    goto: buttons
  buttons:
    say: "Links"
    buttons:
      - { title: One, url: "https://example.org/1" }
      - { title: Two, url: "https://example.org/2" }
      - { title: Three, url: "https://example.org/3" }
      - { title: This title is far too long, url: "https://example.org/4" }
    goto: nudge
  nudge:
    delayHours: 20
    say: "Inside the window"
    goto: late
  late:
    delayHours: 6
    say: "Outside the window"
    goto: promo
  promo:
    promotional: true
    say: "Buy our t-shirt!"
    end: true
`;

describe('lintBot: Messenger', () => {
  const problems = lint(MESSENGER);

  it('warns about more than 13 quick replies', () => {
    expect(linesFor(problems, 'messenger-quick-replies')).toEqual([
      lineOf(MESSENGER, 'expect: { type: choice'),
    ]);
  });

  it('warns about more than 3 buttons', () => {
    expect(linesFor(problems, 'messenger-buttons')).toEqual([lineOf(MESSENGER, 'buttons:', 2)]);
  });

  it('warns that titles over 20 characters will be cut', () => {
    const titles = problems.filter((p) => p.rule === 'messenger-title');
    expect(titles.map((p) => p.line)).toEqual([lineOf(MESSENGER, 'This title is far too long')]);
    expect(titles[0]?.message).toContain('"This title is far to"');
  });

  it('flags messages outside the 24-hour window: promotional ones as errors', () => {
    const window = problems.filter((p) => p.rule === 'messenger-window');
    expect(window.map((p) => [p.line, p.severity])).toEqual([
      [lineOf(MESSENGER, '  late:'), 'warning'],
      [lineOf(MESSENGER, '  promo:'), 'error'],
    ]);
  });

  it('needs no help text or opt-out instructions', () => {
    expect(problems.filter((p) => p.rule.startsWith('sms-'))).toEqual([]);
  });
});
