/**
 * The clinic finder exercise in Spanish (clinic-exercise-es on clinic-starter-es): the starter
 * fails, and a learner's correct Spanish solution passes every check. Also: a polite English
 * re-ask that starts with "Sorry" passes clinic-exercise.
 */
import { describe, expect, it } from 'vitest';
import { lintBot, parseBot, runScript } from '~/lib/bot/index.ts';
import { botFrom, loadBot, loadExercise } from './helpers.ts';

const exercise = loadExercise('clinic-exercise-es');

/** What a learner might write: the starter with a ZIP question, a re-ask and the clinic's name. */
const SOLUTION = `
id: clinic-starter-es
name: Salud Cerca
channel: sms
help: "Salud Cerca: escribe CLINICA para buscar un centro de salud gratis cerca de ti. Responde STOP para darte de baja."
start: welcome
keywords:
  - match: [CLINICA, CLINIC]
    goto: ask-zip
lookups:
  clinics:
    "94110": { name: Mission Neighborhood Health, address: 2480 Mission St, hours: de lunes a viernes de 8am a 6pm }
    "94601": { name: Fruitvale Health Center, address: 3451 E 12th St, hours: de lunes a viernes de 8am a 5pm }
    "94704": { name: Berkeley Free Clinic, address: 2339 Durant Ave, hours: de lunes a viernes de 3pm a 9pm }
steps:
  welcome:
    say: "Salud Cerca: escribe CLINICA para buscar un centro de salud gratis cerca de ti. Responde STOP para darte de baja."

  ask-zip:
    ask: "¿Cuál es tu código postal?"
    save: zip
    expect: zip
    invalid: "Lo sentimos, eso no es un código postal. Escribe las 5 cifras, por ejemplo 94110."
    goto: find-clinic

  find-clinic:
    lookup: { table: clinics, key: "{{zip}}", save: clinic, missing: no-clinic }
    say: "{{clinic.name}} queda en {{clinic.address}}. Abre {{clinic.hours}}."
    end: true

  no-clinic:
    say: "Lo sentimos, no conocemos un centro de salud cerca de {{zip}}. Llama al 211 para pedir ayuda."
    end: true
`;

describe('clinic-exercise-es', () => {
  it('uses the Spanish starter', () => {
    expect(exercise.starter).toBe('clinic-starter-es');
    expect(exercise.checks.map((c) => c.says[0])).toEqual(['CLINICA', 'CLINICA', 'CLINICA']);
  });

  it('fails the starter on all three checks, quoting its Spanish replies', () => {
    const result = runScript(loadBot('clinic-starter-es'), exercise);
    expect(result.passed).toBe(false);
    expect(result.checks.map((c) => c.passed)).toEqual([false, false, false]);
    expect(result.checks[1]!.reason).toContain('cerca de mi casa');
  });

  it('passes a correct Spanish solution that says "código postal" and begins its re-ask with "Lo sentimos"', () => {
    const { bot, sourceMap } = parseBot(SOLUTION);
    expect(lintBot(bot!, sourceMap)).toEqual([]);
    const result = runScript(botFrom(SOLUTION), exercise);
    expect(result.checks.filter((c) => !c.passed)).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it('also passes a solution that asks for the "ZIP"', () => {
    const zip = SOLUTION.replace(
      '¿Cuál es tu código postal?',
      'Escribe tu ZIP de 5 cifras.',
    ).replace('eso no es un código postal', 'eso no es un ZIP');
    expect(runScript(botFrom(zip), exercise).passed).toBe(true);
  });

  it('passes with language: es and no invalid: of its own: the built-in re-ask is in Spanish', () => {
    const bare = SOLUTION.replace('channel: sms\n', 'channel: sms\nlanguage: es\n').replace(
      /    invalid: .*\n/,
      '',
    );
    const result = runScript(botFrom(bare), exercise);
    expect(result.checks.filter((c) => !c.passed)).toEqual([]);
    expect(result.checks[1]!.transcript.at(-1)?.text).toBe(
      'Responde con un código postal (ZIP) de 5 cifras, por ejemplo 94110.',
    );
    expect(result.checks[1]!.reason).toBe(
      'Después de “mi casa”, el bot dijo “Responde con un código postal (ZIP) de 5 cifras, por ejemplo 94110.”.',
    );
  });

  it('does not pass a solution that still takes any text as a ZIP', () => {
    const loose = SOLUTION.replace('    expect: zip\n', '');
    const result = runScript(botFrom(loose), exercise);
    expect(result.passed).toBe(false);
    expect(result.checks[1]!.passed).toBe(false);
  });
});

describe('clinic-exercise (English)', () => {
  it('lets a polite re-ask that starts with "Sorry" pass, and still fails the starter', () => {
    const english = loadExercise('clinic-exercise');
    expect(runScript(loadBot('clinic-starter'), english).checks[1]!.passed).toBe(false);
    const fixed = SOLUTION.replace('¿Cuál es tu código postal?', "What's your ZIP code?")
      .replace(
        'Lo sentimos, eso no es un código postal. Escribe las 5 cifras, por ejemplo 94110.',
        "Sorry, that isn't a ZIP code. Please send 5 digits, like 94110.",
      )
      .replace('[CLINICA, CLINIC]', '[CLINIC]');
    const result = runScript(botFrom(fixed), english);
    expect(result.checks.filter((c) => !c.passed)).toEqual([]);
  });
});
