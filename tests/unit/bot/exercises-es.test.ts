import { describe, expect, it } from 'vitest';
import { lintBot, parseBot, runScript } from '~/lib/bot/index.ts';
import { botFrom, loadBot, loadExercise } from './helpers';

// The Spanish exercises can be passed in Spanish: each starter fails, and a learner's
// reasonable Spanish solution passes every check and is lint-clean.

/** rides-starter-es with the missing step, written the way a learner would in Spanish. */
const RIDES_SOLUTION = `id: rides-starter-es
name: Te Llevamos a Votar
channel: sms
help: "Te Llevamos a Votar: viajes gratis para votar el 3 de nov. Escribe VIAJE para reservar. Responde STOP para darte de baja."
optOutConfirmation: "Te Llevamos a Votar: ya no te enviaremos mensajes. Responde START para volver a suscribirte."
start: welcome
keywords:
  - match: [VIAJE, VIAJES, RIDE]
    goto: ask-zip
steps:
  welcome:
    say: "¡Hola! Somos Te Llevamos a Votar. Escribe VIAJE para reservar un viaje gratis para votar. Responde STOP para darte de baja."

  ask-zip:
    ask: "¿En qué código postal te recogemos? Escribe el ZIP de 5 cifras."
    save: zip
    expect: zip
    invalid: "Eso no parece un ZIP. Responde con 5 cifras, por ejemplo 94110."
    goto: confirm

  confirm:
    tag: [rider]
    say: "¡Gracias! Te recogemos en el ZIP {{zip}}. Alguien del equipo te escribe pronto."
    end: true
`;

/** optin-starter-es made a double opt-in with a yes/no question, as the starter suggests. */
const OPTIN_SOLUTION_YES_NO = `id: optin-starter-es
name: Inquilinos del Eastside
channel: sms
help: "Inquilinos del Eastside: avisos de reuniones y noticias de la renta. Escribe UNETE para suscribirte. Responde STOP para darte de baja."
optOutConfirmation: "Inquilinos del Eastside: ya no te enviaremos mensajes. Responde START para volver a suscribirte."
start: welcome
keywords:
  - match: [UNETE, JOIN]
    goto: confirm
steps:
  welcome:
    say: "Inquilinos del Eastside: escribe UNETE para recibir avisos de reuniones y noticias de la renta. Responde STOP para darte de baja."

  confirm:
    ask: "¿Quieres recibir los avisos de Inquilinos del Eastside? Responde SÍ para confirmar."
    save: confirmed
    expect: yes-no
    invalid: "Responde SÍ o NO, por favor."
    branch:
      - if: { var: confirmed, equals: "yes" }
        goto: joined
    end: true

  joined:
    tag: [subscribed]
    say: "¡Te damos la bienvenida a los avisos de Inquilinos del Eastside! Responde STOP cuando quieras para darte de baja."
    end: true
`;

/** The same, confirmed with ACEPTO as the lesson recommends (a choice that also takes SÍ). */
const OPTIN_SOLUTION_ACEPTO = OPTIN_SOLUTION_YES_NO.replace(
  `    ask: "¿Quieres recibir los avisos de Inquilinos del Eastside? Responde SÍ para confirmar."
    save: confirmed
    expect: yes-no
    invalid: "Responde SÍ o NO, por favor."
    branch:
      - if: { var: confirmed, equals: "yes" }`,
  `    ask: "Responde ACEPTO para recibir los avisos de Inquilinos del Eastside."
    save: confirmed
    expect: { type: choice, options: [ACEPTO, SI, YES, NO] }
    invalid: "Responde ACEPTO, o NO si no quieres los avisos."
    branch:
      - if: { var: confirmed, in: [ACEPTO, SI, YES] }`,
);

const lintClean = (yaml: string) => {
  const { bot, sourceMap } = parseBot(yaml);
  return lintBot(bot!, sourceMap);
};

describe('rides-exercise-es', () => {
  const exercise = loadExercise('rides-exercise-es');

  it('names the Spanish starter, which fails at least one check', () => {
    expect(exercise.starter).toBe('rides-starter-es');
    const result = runScript(loadBot('rides-starter-es'), exercise);
    expect(result.passed).toBe(false);
    expect(result.checks.find((c) => c.name === 'VIAJE pregunta el código postal')?.passed).toBe(
      false,
    );
  });

  it('passes with a Spanish solution', () => {
    const result = runScript(botFrom(RIDES_SOLUTION), exercise);
    expect(result.checks.filter((c) => !c.passed)).toEqual([]);
    expect(lintClean(RIDES_SOLUTION)).toEqual([]);
  });

  it('fails a solution whose opt-out confirmation does not say the texts will stop', () => {
    // A bot can't switch the opt-out words off, but its confirmation can still be unclear.
    const english = RIDES_SOLUTION.replace(
      /optOutConfirmation: .*\n/,
      'optOutConfirmation: "Bye."\n',
    );
    const result = runScript(botFrom(english), exercise);
    expect(result.checks.filter((c) => !c.passed).map((c) => c.name)).toEqual([
      'STOP se respeta a mitad de la reserva',
      'BASTA también se respeta a mitad de la reserva',
    ]);
  });
});

describe('optin-exercise-es', () => {
  const exercise = loadExercise('optin-exercise-es');

  it('names the Spanish starter, which fails at least one check', () => {
    expect(exercise.starter).toBe('optin-starter-es');
    const result = runScript(loadBot('optin-starter-es'), exercise);
    expect(result.passed).toBe(false);
    expect(
      result.checks.find((c) => c.name === 'UNETE pide confirmar con SÍ o ACEPTO')?.passed,
    ).toBe(false);
  });

  it.each([
    ['a yes/no question', OPTIN_SOLUTION_YES_NO],
    ['an ACEPTO choice', OPTIN_SOLUTION_ACEPTO],
  ])('passes with a Spanish solution using %s', (_, yaml) => {
    const result = runScript(botFrom(yaml), exercise);
    expect(result.checks.filter((c) => !c.passed)).toEqual([]);
    expect(lintClean(yaml)).toEqual([]);
  });

  it('fails a solution that subscribes without waiting for a yes', () => {
    const eager = OPTIN_SOLUTION_YES_NO.replace(
      '    end: true\n\n  joined:',
      '    goto: joined\n\n  joined:',
    );
    const result = runScript(botFrom(eager), exercise);
    expect(result.checks.find((c) => c.name === 'Sin un sí, no hay suscripción')?.passed).toBe(
      false,
    );
  });
});
