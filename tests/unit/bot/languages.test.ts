import { describe, expect, it } from 'vitest';
import { parseBot, parseExercise, runScript } from '~/lib/bot/index.ts';
import type { Check, Expect } from '~/lib/bot/index.ts';
import { validateAnswer } from '~/lib/bot/validators.ts';
import { checkFlow } from '~/lib/sandbox/flow-check.ts';
import { BOTS_DIR, Chat, botFrom, loadBot, loadExercise, readBotFile } from './helpers.ts';

// A bot's built-in texts (re-asks, STOP/START/HELP replies) follow its `language:`, and a
// check's explanation follows the exercise's: a Spanish bot needs no hand-written `invalid:`.

/** A Spanish SMS bot that writes none of its own re-asks or carrier replies. */
const BARE_ES = `id: bare-es
name: Comité de Inquilinos
channel: sms
language: es
help: "Comité de Inquilinos: escribe UNETE para sumarte. Responde STOP para darte de baja."
start: welcome
keywords:
  - match: [UNETE]
    goto: ask-zip
steps:
  welcome:
    say: "Escribe UNETE para sumarte. Responde STOP para darte de baja."
  ask-zip:
    ask: "¿En qué código postal vives?"
    save: zip
    expect: zip
    goto: ask-people
  ask-people:
    ask: "¿Cuántas personas viven contigo?"
    save: people
    expect: { type: number, min: 1, max: 12, integer: true }
    goto: ask-email
  ask-email:
    ask: "¿Tu correo?"
    save: email
    expect: email
    goto: ask-phone
  ask-phone:
    ask: "¿Tu teléfono?"
    save: phone
    expect: phone
    goto: ask-meeting
  ask-meeting:
    ask: "¿Vienes a la reunión del jueves?"
    save: meeting
    expect: yes-no
    goto: ask-shift
  ask-shift:
    ask: "¿Qué turno? 1 Mañana, 2 Tarde."
    save: shift
    expect: { type: choice, options: [Mañana, Tarde] }
    goto: ask-name
  ask-name:
    ask: "¿Cómo te llamas?"
    save: name
    expect: { type: text, maxLength: 20 }
    goto: done
  done:
    say: "¡Gracias, {{name}}!"
    end: true
`;

const EN = (yaml: string) => yaml.replace('language: es\n', '');

describe('validator hints', () => {
  const cases: [Expect, string, string, string][] = [
    [
      { type: 'zip' },
      'hola',
      'Please reply with a 5-digit ZIP code, like 94110.',
      'Responde con un código postal (ZIP) de 5 cifras, por ejemplo 94110.',
    ],
    [{ type: 'yes-no' }, 'quizás', 'Please reply YES or NO.', 'Responde SÍ o NO.'],
    [
      { type: 'email' },
      'no tengo',
      'Please reply with an email address, like name@example.org.',
      'Responde con un correo electrónico, por ejemplo nombre@ejemplo.org.',
    ],
    [
      { type: 'phone' },
      '555',
      'Please reply with a 10-digit US phone number, like 415-555-0134.',
      'Responde con un teléfono de EE. UU. de 10 cifras, por ejemplo 415-555-0134.',
    ],
    [
      { type: 'choice', options: ['Mañana', 'Tarde'] },
      'noche',
      'Please reply with one of: Mañana, Tarde (or its number).',
      'Responde con una de estas opciones: Mañana, Tarde (o su número).',
    ],
    [
      { type: 'number', min: 1, max: 6, integer: true },
      '9',
      'Please reply with a whole number from 1 to 6.',
      'Responde con un número entero del 1 al 6.',
    ],
    [
      { type: 'number', min: 1 },
      '0',
      'Please reply with a number of at least 1.',
      'Responde con un número de 1 o más.',
    ],
    [
      { type: 'number', max: 10 },
      '11',
      'Please reply with a number no bigger than 10.',
      'Responde con un número de 10 o menos.',
    ],
    [{ type: 'number' }, 'muchos', 'Please reply with a number.', 'Responde con un número.'],
    [
      { type: 'text' },
      '  ',
      'Please reply with a short answer.',
      'Responde con unas pocas palabras.',
    ],
    [
      { type: 'text', maxLength: 5 },
      'San Francisco',
      'Please keep it to 5 characters or fewer.',
      'Escribe 5 caracteres como máximo.',
    ],
    [
      { type: 'text', maxLength: 1 },
      'no',
      'Please keep it to 1 character or fewer.',
      'Escribe 1 carácter como máximo.',
    ],
  ];

  it.each(cases)('%j rejects %j in English and in Spanish', (expectation, answer, en, es) => {
    expect(validateAnswer(expectation, answer)).toEqual({ ok: false, hint: en });
    expect(validateAnswer(expectation, answer, { language: 'en' })).toEqual({
      ok: false,
      hint: en,
    });
    expect(validateAnswer(expectation, answer, { language: 'es' })).toEqual({
      ok: false,
      hint: es,
    });
  });

  it('accepts the same answers whatever the language', () => {
    expect(validateAnswer({ type: 'yes-no' }, 'sí', { language: 'es' })).toEqual({
      ok: true,
      value: 'yes',
    });
    expect(validateAnswer({ type: 'number' }, 'tres', { language: 'en' })).toEqual({
      ok: true,
      value: 3,
    });
  });
});

describe('a bot with language: es and no texts of its own', () => {
  it('re-asks every kind of question in Spanish', () => {
    const chat = new Chat(botFrom(BARE_ES));
    expect(chat.say('UNETE', 'hola')).toEqual([
      'Responde con un código postal (ZIP) de 5 cifras, por ejemplo 94110.',
    ]);
    expect(chat.say('94110', 'muchas')).toEqual(['Responde con un número entero del 1 al 12.']);
    expect(chat.say('3', 'no tengo')).toEqual([
      'Responde con un correo electrónico, por ejemplo nombre@ejemplo.org.',
    ]);
    expect(chat.say('ana@ejemplo.org', '555')).toEqual([
      'Responde con un teléfono de EE. UU. de 10 cifras, por ejemplo 415-555-0134.',
    ]);
    expect(chat.say('415-555-0134', 'quizás')).toEqual(['Responde SÍ o NO.']);
    expect(chat.say('sí', 'noche')).toEqual([
      'Responde con una de estas opciones: Mañana, Tarde (o su número).',
    ]);
    expect(chat.say('2', 'Ana María de los Ángeles')).toEqual([
      'Escribe 20 caracteres como máximo.',
    ]);
    expect(chat.say('Ana')).toEqual(['¡Gracias, Ana!']);
  });

  it('the same bot without language: re-asks in English', () => {
    const chat = new Chat(botFrom(EN(BARE_ES)));
    expect(chat.say('UNETE', 'hola')).toEqual([
      'Please reply with a 5-digit ZIP code, like 94110.',
    ]);
  });

  it('confirms an opt-out and a re-subscription in Spanish, and answers HELP with its help text', () => {
    const bot = botFrom(BARE_ES.replace(/help: .*\n/, ''));
    const chat = new Chat(bot);
    expect(chat.say('UNETE', 'BASTA')).toEqual([
      'Te diste de baja de Comité de Inquilinos y ya no te enviaremos mensajes. Responde START para volver a suscribirte.',
    ]);
    expect(chat.say('START')).toEqual([
      'Te suscribiste de nuevo a Comité de Inquilinos. Responde HELP para ayuda o STOP para darte de baja.',
    ]);
    expect(chat.say('AYUDA')).toEqual(['Comité de Inquilinos. Responde STOP para darte de baja.']);
  });

  it('asks about an unclear word in the language of the word, not of the bot', () => {
    expect(new Chat(botFrom(BARE_ES)).say('UNETE', 'fin')).toEqual([
      expect.stringMatching(/^¿Quieres dejar de recibir mensajes de Comité de Inquilinos\?/),
    ]);
    expect(new Chat(botFrom(BARE_ES)).say('UNETE', 'enough')).toEqual([
      expect.stringMatching(/^Do you want to stop getting texts from Comité de Inquilinos\?/),
    ]);
  });

  it('on Messenger offers Sí / No for a yes-no question and asks for a tap in Spanish', () => {
    const yaml = `id: m-es
name: Comité
channel: messenger
language: es
start: ask
steps:
  ask:
    ask: "¿Vienes el jueves?"
    save: coming
    expect: yes-no
    goto: pick
  pick:
    say: "Elige una opción."
    buttons: [{ title: Ver el mapa, goto: ask }]
`;
    const chat = new Chat(botFrom(yaml));
    chat.say('hola');
    expect(chat.replies[0]?.quickReplies).toEqual(['Sí', 'No']);
    expect(chat.say('sí', 'otra cosa')).toEqual(['Toca uno de los botones, por favor.']);
    const english = new Chat(botFrom(EN(yaml)));
    english.say('hello');
    expect(english.replies[0]?.quickReplies).toEqual(['Yes', 'No']);
    expect(english.say('yes', 'something else')).toEqual(['Please tap one of the buttons.']);
  });
});

describe('language: in YAML', () => {
  it('accepts en and es, and leaves it out when absent', () => {
    expect(botFrom(BARE_ES).language).toBe('es');
    expect(botFrom(BARE_ES.replace('language: es', 'language: en')).language).toBe('en');
    expect('language' in botFrom(EN(BARE_ES))).toBe(false);
  });

  it('refuses another language with a line number, in bots and exercises', () => {
    const { bot, problems } = parseBot(BARE_ES.replace('language: es', 'language: fr'));
    expect(bot).toBeNull();
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: 4,
        severity: 'error',
        message: 'language must be one of en, es (not "fr").',
      }),
    );
    const exercise = parseExercise(
      'kind: exercise\nid: x\nname: X\nstarter: s\nlanguage: pt\nchecks:\n  - name: c\n    says: [hi]\n    expect: hi\n',
    );
    expect(exercise.exercise).toBeNull();
    expect(exercise.problems).toContainEqual(
      expect.objectContaining({ line: 5, message: 'language must be one of en, es (not "pt").' }),
    );
  });

  it('is declared by every Spanish bot and exercise that ships', async () => {
    const { readdirSync } = await import('node:fs');
    const spanish = readdirSync(BOTS_DIR)
      .filter((name) => name.endsWith('-es.yaml'))
      .map((name) => name.slice(0, -5));
    expect(spanish.length).toBeGreaterThan(5);
    for (const id of spanish) expect(readBotFile(id), id).toMatch(/^language: es$/m);
    expect(loadExercise('rides-exercise-es').language).toBe('es');
    expect(loadBot('rides-to-polls-es').language).toBe('es');
  });
});

describe('check explanations', () => {
  const bot = botFrom(BARE_ES);
  const run = (check: Omit<Check, 'name'>, language?: 'en' | 'es', subject = bot) =>
    runScript(subject, { language, checks: [{ name: 'prueba', ...check }] }).checks[0]!.reason;

  it('explain every kind of failure in Spanish for a Spanish exercise', () => {
    expect(run({ says: ['UNETE'], expect: ['ciudad'] }, 'es')).toBe(
      'Después de “UNETE”, el bot dijo “¿En qué código postal vives?”, y eso no menciona “ciudad”.',
    );
    expect(run({ says: ['UNETE'], expect: ['/ciudad/i'] }, 'es')).toBe(
      'Después de “UNETE”, el bot dijo “¿En qué código postal vives?”, y eso no coincide con /ciudad/i.',
    );
    expect(run({ says: ['STOP', 'hola'], expectLast: 'algo' }, 'es')).toBe(
      'Después de “hola”, el bot no dijo nada; su respuesta debería mencionar “algo”.',
    );
    expect(run({ says: ['UNETE'], expectLast: '/zip/i' }, 'es')).toBe(
      'Después de “UNETE”, la última respuesta del bot fue “¿En qué código postal vives?”, y eso no coincide con /zip/i.',
    );
    expect(run({ says: ['UNETE'], expectNot: ['postal'] }, 'es')).toBe(
      'Después de “UNETE”, el bot dijo “¿En qué código postal vives?”, y no debería mencionar “postal”.',
    );
    expect(run({ says: ['UNETE'], thenSilentOn: ['hola'] }, 'es')).toBe(
      'Después de “hola”, el bot tendría que quedarse callado, pero dijo “Responde con un código postal (ZIP) de 5 cifras, por ejemplo 94110.”.',
    );
    expect(run({ says: [], tags: ['inquilino'] }, 'es')).toBe(
      'La persona debería tener la etiqueta “inquilino”, pero no tiene ninguna.',
    );
    expect(run({ says: ['UNETE'], vars: { zip: '94110' } }, 'es')).toBe(
      '{{zip}} debería ser “94110”, pero nunca se guardó.',
    );
    expect(run({ says: ['UNETE', '94103'], vars: { zip: '94110' } }, 'es')).toBe(
      '{{zip}} debería ser “94110”, pero es “94103”.',
    );
  });

  it('describe a pass in Spanish', () => {
    expect(run({ says: [], expect: ['STOP'] }, 'es')).toBe(
      'Al principio, el bot dijo “Escribe UNETE para sumarte. Responde STOP para darte de baja.”.',
    );
    expect(
      run({ says: ['UNETE', 'STOP'], expect: ['baja'], thenSilentOn: ['hola'] }, 'es'),
    ).toMatch(/^Después de “STOP”, el bot dijo “Te diste de baja .*” y luego se quedó callado\.$/);
  });

  it('follow the exercise first, then the bot, then English', () => {
    const check = { says: ['UNETE'], expect: ['ciudad'] };
    expect(run(check)).toMatch(/^Después de “UNETE”, el bot dijo/);
    expect(run(check, 'en')).toBe(
      "After “UNETE” the bot said “¿En qué código postal vives?”, which doesn't mention “ciudad”.",
    );
    expect(run(check, undefined, botFrom(EN(BARE_ES)))).toMatch(/^After “UNETE” the bot said/);
    expect(run(check, 'es', botFrom(EN(BARE_ES)))).toMatch(/^Después de “UNETE”, el bot dijo/);
  });

  it('a shipped Spanish exercise explains, in Spanish, why its starter fails', () => {
    const result = runScript(loadBot('rides-starter-es'), loadExercise('rides-exercise-es'));
    const failed = result.checks.find((c) => !c.passed)!;
    expect(failed.reason).toMatch(
      /^Después de “VIAJE”, el bot dijo “.*”, y eso no coincide con \/ZIP\|c\[oó\]digo postal\/i\.$/,
    );
  });

  it('the playground check (flow-check) gives the learner the Spanish explanation', () => {
    const result = checkFlow(readBotFile('rides-starter-es'), loadExercise('rides-exercise-es'));
    expect(result.passed).toBe(false);
    expect(
      result.checks
        .filter((c) => !c.passed)
        .every((c) => /^(Después de|Al principio|La persona|\{\{)/.test(c.reason)),
    ).toBe(true);
    expect(result.checks.filter((c) => c.passed).every((c) => /el bot dijo/.test(c.reason))).toBe(
      true,
    );
  });
});
