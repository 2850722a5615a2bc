import { describe, expect, it } from 'vitest';
import { parseExercise } from '~/lib/bot/index.ts';
import type { Language, Problem } from '~/lib/bot/types.ts';
import { readBotFile } from '~/lib/content/bot-files';
import { lintFlow, MAX_DRAFT_LENGTH } from '~/lib/sandbox/flow-check.ts';
import { lineOf } from './helpers.ts';

// Every problem a learner can see in the playground (YAML syntax, format, lint, channel rules)
// follows the exercise's language, then the flow's own `language:`, then English; the rule ids
// and positions never change with the language.

/** A Spanish flow whose YAML is well formed but whose fields are not. */
const FORMAT = `id: Mal Id
name: Comité
channel: fax
language: es
start: bienvenida
keywords:
  - goto: bienvenida
lookups:
  mal-nombre:
    "1": uno
steps:
  bienvenida:
    sya: "Hola"
    save: 2rapido
    expect: codigo
    end: quizas
  elegir:
    ask: "¿Cuál?"
    expect: { type: choice }
    tag: { a: b }
    buttons:
      - { title: Ambos, url: "https://ejemplo.org", goto: bienvenida }
    branch:
      - goto: bienvenida
  mal paso:
    say: [Hola, [anidado]]
    delayHours: mucho
    buttons: uno
  solo-botones:
    quickReplies: [Sí, No]
  condicion:
    lookup: { table: t, key: k }
    branch:
      - if: { var: zip, tagged: x }
        goto: bienvenida
    goto: bienvenida
`;

/** A Spanish SMS flow that parses but would break conversations. */
const STRUCTURE = `id: comite
name: Comité
channel: sms
language: es
help: "Comité: escribe UNETE. Responde STOP para darte de baja."
start: bienvenida
fallback: perdido
keywords:
  - match: [UNETE, unete]
    goto: preguntar
  - match: [HOLA, Unete]
    goto: saludo
steps:
  bienvenida:
    say: "Hola {{apodo}}. Escribe UNETE. Responde STOP para darte de baja."
  preguntar:
    ask: "¿Tu ZIP?"
    save: zip
    expect: zip
    goto: decidir
  decidir:
    branch:
      - if: { var: zip, equals: "94110" }
        goto: pedir-nombre
  pedir-nombre:
    ask: "¿Cómo te llamas?"
    save: nombre
    goto: saludo
  saludo:
    lookup: { table: centros, key: "{{zip}}", save: centro }
    say: "Hola {{nombre}}."
    end: true
  olvidado:
    say: "Nadie llega aquí."
  vuelta-a:
    goto: vuelta-b
  vuelta-b:
    goto: vuelta-a
`;

const LONG =
  'Recuerda que la reunión del comité es el jueves a las 7 de la tarde en el salón de la iglesia. '
    .repeat(6)
    .trim();

/** A Spanish SMS flow that breaks the carrier rules. */
const SMS = `id: aviso
name: Aviso
channel: sms
language: es
start: inicio
keywords:
  - match: [BASTA]
    goto: inicio
steps:
  inicio:
    say: "Hola, te escribimos por la reunión del jueves."
    quickReplies: [Voy, No voy]
    goto: largo
  largo:
    say: "${LONG}"
    goto: comillas
  comillas:
    say: "Nos vemos “pronto”."
    end: true
`;

const QUICK = Array.from({ length: 15 }, (_, i) => `Día ${i + 1}`).join(', ');

/** A Spanish Messenger flow that breaks Messenger's rules. */
const MESSENGER = `id: aviso-m
name: Aviso
channel: messenger
language: es
start: inicio
steps:
  inicio:
    ask: "¿Qué día puedes venir?"
    quickReplies: [${QUICK}]
    save: dia
    goto: botones
  botones:
    say: "Elige una opción."
    buttons:
      - { title: Uno, goto: inicio }
      - { title: Dos, goto: inicio }
      - { title: Tres, goto: inicio }
      - { title: Una opción larguísima de verdad, goto: inicio }
  recordatorio:
    delayHours: 30
    say: "Mañana es la reunión."
    goto: promo
  promo:
    promotional: true
    say: "Compra la camiseta del sindicato."
    end: true
`;

const ES = (yaml: string) => yaml;
const EN = (yaml: string) => yaml.replace('language: es\n', '');

const problems = (yaml: string, language?: Language): Problem[] =>
  lintFlow(yaml, language).problems;

/** The messages of `rule` on the line holding `marker`, in each language. */
function said(yaml: string, rule: string, marker: string): { en: string[]; es: string[] } {
  const line = lineOf(yaml, marker);
  const at = (language: Language) =>
    problems(yaml, language)
      .filter((p) => p.rule === rule && p.line === line)
      .map((p) => p.message);
  return { en: at('en'), es: at('es') };
}

type Case = [marker: string, rule: string, en: string, es: string];

const expectCases = (yaml: string, cases: Case[]) =>
  it.each(cases)('at %j (%s)', (marker, rule, en, es) => {
    const messages = said(yaml, rule, marker);
    expect(messages.en).toContain(en);
    expect(messages.es).toContain(es);
  });

describe('YAML syntax, in the learner’s language', () => {
  // The parser places an unclosed quote or bracket at the end of the text, where it gave up.
  const cases: [yaml: string, line: number, en: RegExp | string, es: string][] = [
    [
      'id: x\nlanguage: es\nsteps:\n  a:\n    say: Hola: ¿vienes?\n',
      5,
      /^Nested mappings are not allowed in compact mappings \(if this is text with a colon in it, put it in "quotes"\)$/,
      'YAML leyó esto como un campo dentro de otro en la misma línea. Si es un texto con dos puntos (:), ponlo entre "comillas".',
    ],
    [
      'id: x\nlanguage: es\nsteps:\n  a:\n    say: "Hola\n',
      6,
      /^Missing closing "quote$/,
      'Faltan las comillas de cierre de este texto.',
    ],
    [
      'id: x\nlanguage: es\nsteps:\n  a:\n\tsay: Hola\n',
      5,
      /^Tabs are not allowed as indentation$/,
      'Usa espacios para la sangría, no tabulaciones.',
    ],
    [
      'id: x\nlanguage: es\nsteps:\n  a:\n    say: Hola\n   goto: b\n',
      6,
      /indent|column/i,
      'La sangría no cuadra: lo que está al mismo nivel tiene que empezar en la misma columna.',
    ],
    [
      'id: x\nlanguage: es\nid: y\n',
      3,
      /^Map keys must be unique$/,
      'Este nombre ya aparece más arriba al mismo nivel: cada campo o paso puede estar una sola vez.',
    ],
    [
      'id: x\nlanguage: es\nsteps: [a, b\n',
      4,
      /end with a ]$/,
      'Falta el ] que cierra esta lista (o le falta sangría).',
    ],
    [
      'id: x\nlanguage: es\nsteps: {a: b\n',
      4,
      /end with a }$/,
      'Falta la } que cierra este grupo de campos (o le falta sangría).',
    ],
    [
      'id: x\nlanguage: es\nsteps:\n  a:\n    say: @equipo, ¿vienes?\n',
      5,
      /^Plain value cannot start with reserved character @$/,
      'Un texto sin comillas no puede empezar con @, `, %, |, >, una coma ni una tabulación: ponlo entre "comillas".',
    ],
    [
      'id: x\nlanguage: es\nsay: [a] b\n',
      3,
      /^Unexpected/,
      'Hay algo de más o fuera de lugar: revisa la sangría, las comillas y los signos [ ] { } , de esta línea.',
    ],
  ];

  it.each(cases)('%j', (yaml, line, en, es) => {
    const [english] = problems(yaml, 'en');
    const [spanish] = problems(yaml, 'es');
    expect(english).toMatchObject({
      rule: 'yaml',
      severity: 'error',
      line,
      message: expect.stringMatching(en),
    });
    expect(spanish).toEqual({ ...english, message: es });
  });

  it('names the slip in Spanish for every syntax error, even ones it has no sentence of its own for', () => {
    const missingComma = 'id: x\nlanguage: es\nsay: { a: b c: d }\n';
    for (const yaml of [
      missingComma,
      'id: x\nlanguage: es\n- uno\n',
      'id: x\nlanguage: es\n--- \nid: y\n',
    ]) {
      const spanish = problems(yaml, 'es').filter((p) => p.rule === 'yaml');
      expect(spanish.length, yaml).toBeGreaterThan(0);
      const english = problems(yaml, 'en').filter((p) => p.rule === 'yaml');
      spanish.forEach((p, i) => expect(p.message, yaml).not.toBe(english[i]?.message));
    }
  });

  it('an empty flow and one too long to read', () => {
    expect(problems('', 'es')).toEqual([
      { line: 1, column: 1, severity: 'error', rule: 'yaml', message: 'El archivo está vacío.' },
    ]);
    expect(problems('', 'en')[0]?.message).toBe('The file is empty.');
    const huge = `id: x\nlanguage: es\nname: "${'a'.repeat(MAX_DRAFT_LENGTH)}"\n`;
    expect(problems(huge, 'es')).toEqual([
      {
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'size',
        message: 'El flujo tiene más de 50,000 caracteres.',
      },
    ]);
    expect(problems(huge, 'en')[0]?.message).toBe('The flow is longer than 50,000 characters.');
  });

  it('a flow with too many aliases', () => {
    const aliases = `id: x\nlanguage: es\nname: &n Nombre\nsay: [${Array.from({ length: 101 }, () => '*n').join(', ')}]\n`;
    expect(problems(aliases, 'es')).toContainEqual(
      expect.objectContaining({ rule: 'yaml', message: 'Hay más de 100 alias de YAML (*nombre).' }),
    );
    expect(problems(aliases, 'en')).toContainEqual(
      expect.objectContaining({ rule: 'yaml', message: 'More than 100 YAML aliases.' }),
    );
  });
});

describe('format problems, in the learner’s language', () => {
  expectCases(FORMAT, [
    [
      'id: Mal Id',
      'schema',
      '"Mal Id" is not a valid bot id: use lowercase letters, digits and dashes.',
      '"Mal Id" no es un id de bot válido: usa minúsculas, cifras y guiones.',
    ],
    [
      'channel: fax',
      'schema',
      'channel must be sms or messenger.',
      'channel tiene que ser sms o messenger.',
    ],
    [
      '- goto: bienvenida',
      'schema',
      'A keyword needs match: [WORDS].',
      'Cada palabra clave necesita match: [PALABRAS].',
    ],
    [
      'mal-nombre:',
      'schema',
      '"mal-nombre" is not a valid table name: use letters, digits and _, starting with a letter or a single _.',
      '"mal-nombre" no es un nombre de tabla válido: usa letras, cifras y _, y empieza con una letra o con un solo _.',
    ],
    [
      'sya:',
      'schema',
      'Unknown field "sya" (did you mean "say"?).',
      'No existe el campo "sya" (¿quisiste decir "say"?).',
    ],
    [
      'save: 2rapido',
      'schema',
      '"2rapido" is not a valid variable name: use letters, digits and _, starting with a letter or a single _.',
      '"2rapido" no es un nombre de variable válido: usa letras, cifras y _, y empieza con una letra o con un solo _.',
    ],
    [
      'expect: codigo',
      'schema',
      'Unknown answer type "codigo": use one of text, number, yes-no, choice, email, phone, zip.',
      'No existe el tipo de respuesta "codigo": usa uno de estos: text, number, yes-no, choice, email, phone, zip.',
    ],
    [
      'end: quizas',
      'schema',
      'Expected true or false at steps.bienvenida.end.',
      'steps.bienvenida.end tiene que ser true o false.',
    ],
    [
      '  bienvenida:',
      'schema',
      'steps.bienvenida saves or expects an answer but has no ask: question.',
      'steps.bienvenida guarda o espera una respuesta, pero no hace ninguna pregunta (ask:).',
    ],
    [
      'expect: { type: choice }',
      'schema',
      'A choice question needs options: [...].',
      'Una pregunta con opciones (choice) necesita options: [...].',
    ],
    [
      'tag: { a: b }',
      'schema',
      'Expected text or a list of texts at steps.elegir.tag.',
      'steps.elegir.tag tiene que ser un texto o una lista de textos.',
    ],
    [
      '- { title: Ambos',
      'schema',
      'A button needs either url: or goto: (not both).',
      'Un botón necesita url: o goto: (uno de los dos, no ambos).',
    ],
    [
      '      - goto: bienvenida',
      'schema',
      'A branch needs if: conditions.',
      'Cada rama necesita sus condiciones en if:.',
    ],
    [
      'mal paso:',
      'schema',
      '"mal paso" is not a valid step id: use letters, digits, - or _.',
      '"mal paso" no es un nombre de paso válido: usa letras, cifras, - o _.',
    ],
    [
      'say: [Hola, [anidado]]',
      'schema',
      'Expected text at steps.mal paso.say.1.',
      'steps.mal paso.say.1 tiene que ser un texto.',
    ],
    [
      'delayHours: mucho',
      'schema',
      'Expected a number at steps.mal paso.delayHours.',
      'steps.mal paso.delayHours tiene que ser un número.',
    ],
    [
      'buttons: uno',
      'schema',
      'Expected a list at steps.mal paso.buttons.',
      'steps.mal paso.buttons tiene que ser una lista.',
    ],
    [
      'solo-botones:',
      'schema',
      'steps.solo-botones has buttons or quick replies but no say: or ask: text to attach them to.',
      'steps.solo-botones tiene botones o respuestas rápidas, pero ningún texto (say: o ask:) donde mostrarlos.',
    ],
    [
      'lookup: { table: t, key: k }',
      'schema',
      'Missing steps.condicion.lookup.save.',
      'Falta el campo steps.condicion.lookup.save.',
    ],
    [
      '- if: { var: zip, tagged: x }',
      'schema',
      'A condition needs var: (or tagged:), not both.',
      'Una condición necesita var: o tagged: (uno de los dos, no ambos).',
    ],
  ]);

  it('a flow of the wrong shape, of the wrong kind, with no steps or in an unknown language', () => {
    const first = (yaml: string, language: Language) =>
      problems(yaml, language).map((p) => p.message);
    expect(first('solo un texto', 'es')).toContain(
      'El flujo tiene que estar hecho de campos escritos nombre: valor (como id: y name:).',
    );
    expect(first('solo un texto', 'en')).toContain(
      'The flow must be made of fields written name: value (such as id: and name:).',
    );
    expect(first('id: x\nsteps: [a]\n', 'es')).toContain(
      'steps tiene que llevar campos escritos nombre: valor.',
    );
    expect(first('kind: exercise\nid: x\n', 'es')).toContain(
      'Este es un archivo de ejercicio (kind: exercise), no un bot.',
    );
    expect(first('kind: flujo\nid: x\n', 'es')).toContain('kind tiene que ser "bot" o "exercise".');
    expect(first('kind: flujo\nid: x\n', 'en')).toContain('kind must be "bot" or "exercise".');
    expect(first('id: x\nname: X\nchannel: sms\nstart: a\n', 'es')).toEqual(
      expect.arrayContaining(['Un bot necesita al menos un paso en steps.']),
    );
    expect(first('id: x\nname: X\nstart: a\n', 'es')).toContain('Falta el campo channel.');
    expect(first('id: x\nlanguage: fr\n', 'es')).toContain(
      'language tiene que ser uno de estos: en, es (no "fr").',
    );
    expect(first('id: x\nlanguage: fr\n', 'en')).toContain(
      'language must be one of en, es (not "fr").',
    );
  });
});

describe('lint problems, in the learner’s language', () => {
  expectCases(STRUCTURE, [
    [
      'fallback: perdido',
      'unknown-step',
      'There is no step named "perdido".',
      'No hay ningún paso llamado "perdido".',
    ],
    [
      'table: centros',
      'unknown-lookup',
      'There is no lookup table named "centros".',
      'No hay ninguna tabla llamada "centros" en lookups.',
    ],
    [
      '  olvidado:',
      'unreachable',
      'Step "olvidado" can\'t be reached from start, fallback or any keyword.',
      'No se puede llegar al paso "olvidado" desde start, fallback ni ninguna palabra clave.',
    ],
    [
      '  olvidado:',
      'dead-end',
      'Step "olvidado" has no way out: add ask:, goto:, branch:, end: true, or tell the person a keyword.',
      'El paso "olvidado" no tiene salida: agrega ask:, goto:, branch: o end: true, o dile a la persona qué palabra clave escribir.',
    ],
    [
      '  decidir:',
      'branch-no-default',
      'If no branch matches, "decidir" stops the conversation: add goto: or end: true.',
      'Si no se cumple ninguna rama, la conversación se corta en "decidir": agrega goto: o end: true.',
    ],
    [
      'say: "Hola {{apodo}}',
      'unsaved-variable',
      '{{apodo}} is never saved: no step has save: apodo.',
      '{{apodo}} nunca se guarda: ningún paso tiene save: apodo.',
    ],
    [
      'say: "Hola {{nombre}}',
      'maybe-unsaved',
      '{{nombre}} may be used before it is saved (not every path to here saves it).',
      '{{nombre}} podría usarse antes de guardarse (no todos los caminos que llegan aquí la guardan).',
    ],
    [
      'match: [UNETE, unete]',
      'duplicate-keyword',
      'Keyword "unete" is already used in this keyword.',
      '"unete" está repetida en esta misma palabra clave.',
    ],
    [
      'match: [HOLA, Unete]',
      'duplicate-keyword',
      'Keyword "Unete" is already used by keyword 1.',
      'La palabra clave 1 ya usa "Unete".',
    ],
    [
      '  vuelta-a:',
      'goto-loop',
      'Steps loop back to "vuelta-a" without asking anything.',
      'Los pasos vuelven a "vuelta-a" en círculo sin preguntar nada.',
    ],
  ]);
});

describe('SMS rules, in the learner’s language', () => {
  expectCases(SMS, [
    [
      'start: inicio',
      'sms-opt-out-missing',
      'The first message must say how to opt out, e.g. "Reply STOP to opt out."',
      'El primer mensaje tiene que decir cómo darse de baja, por ejemplo: "Responde STOP para darte de baja."',
    ],
    [
      'name: Aviso',
      'sms-help-missing',
      'SMS bots need help: text (sent for HELP), with the program name and how to opt out.',
      'Un bot de SMS necesita un texto en help: (se manda cuando alguien escribe HELP) con el nombre del programa y cómo darse de baja.',
    ],
    [
      'match: [BASTA]',
      'sms-reserved-keyword',
      '"BASTA" is reserved on SMS (opt-out / HELP) and can\'t be a bot keyword.',
      '"BASTA" está reservada en SMS (para darse de baja o pedir ayuda) y no puede ser una palabra clave del bot.',
    ],
    [
      `say: "${LONG}"`,
      'sms-segments',
      'This message takes 9 SMS segments (569 UCS-2 characters); the limit is 3.',
      'Este mensaje ocupa 9 segmentos de SMS (569 caracteres UCS-2); el límite es 3.',
    ],
    [
      'say: "Nos vemos',
      'sms-lookalike',
      'Replace “ → ", ” → " to keep this message in GSM-7 (160 characters per segment instead of 70).',
      'Cambia “ → ", ” → " para que este mensaje quede en GSM-7 (160 caracteres por segmento en vez de 70).',
    ],
    [
      'quickReplies: [Voy',
      'sms-no-buttons',
      'Quick replies and buttons are not shown on SMS: list the choices in the text.',
      'Por SMS no se ven las respuestas rápidas ni los botones: escribe las opciones en el texto.',
    ],
  ]);

  it('a help text that does not say how to opt out', () => {
    const yaml = SMS.replace(
      'start: inicio\n',
      'help: "Aviso: avisos del comité."\nstart: inicio\n',
    );
    expect(said(yaml, 'sms-help-no-opt-out', 'help:')).toEqual({
      en: ['The help text should say how to opt out (e.g. "Reply STOP to opt out").'],
      es: [
        'El texto de help: debería decir cómo darse de baja (por ejemplo: "Responde STOP para darte de baja").',
      ],
    });
  });
});

describe('Messenger rules, in the learner’s language', () => {
  expectCases(MESSENGER, [
    [
      'quickReplies: [',
      'messenger-quick-replies',
      'Messenger shows at most 13 quick replies; 2 will be dropped.',
      'Messenger muestra como máximo 13 respuestas rápidas; las últimas 2 no se mostrarán.',
    ],
    [
      '    buttons:',
      'messenger-buttons',
      'Messenger shows at most 3 buttons; 1 will be dropped.',
      'Messenger muestra como máximo 3 botones; el último no se mostrará.',
    ],
    [
      '- { title: Una opción',
      'messenger-title',
      '"Una opción larguísima de verdad" is over 20 characters; Messenger will show "Una opción larguísim".',
      '"Una opción larguísima de verdad" tiene más de 20 caracteres; Messenger mostrará "Una opción larguísim".',
    ],
    [
      '  recordatorio:',
      'messenger-window',
      "Sent 30 h after the person's last message, outside Messenger's 24-hour window: it can only go out as an approved utility template or a marketing message the person subscribed to; ask for a new message from them, or use SMS or e-mail for it.",
      'Sale 30 h después del último mensaje de la persona, fuera de la ventana de 24 horas de Messenger: solo puede mandarse como plantilla de utilidad aprobada o como mensaje de marketing al que la persona se suscribió. Consigue que la persona vuelva a escribir antes, o mándalo por SMS o correo electrónico.',
    ],
    [
      '  promo:',
      'messenger-window',
      "Promotional message sent 30 h after the person's last message: outside the 24-hour window Messenger allows promotion only as a paid marketing message to people who subscribed to them.",
      'Este mensaje promocional sale 30 h después del último mensaje de la persona: fuera de la ventana de 24 horas, Messenger solo permite promociones como mensajes de marketing pagados, y solo a quien se suscribió a ellos.',
    ],
  ]);

  it('counts one dropped quick reply and several dropped buttons in Spanish', () => {
    const yaml = MESSENGER.replace(QUICK, QUICK.split(', ').slice(0, 14).join(', ')).replace(
      '      - { title: Tres, goto: inicio }\n',
      '      - { title: Tres, goto: inicio }\n      - { title: Cuatro, goto: inicio }\n',
    );
    expect(said(yaml, 'messenger-quick-replies', 'quickReplies: [').es).toEqual([
      'Messenger muestra como máximo 13 respuestas rápidas; la última no se mostrará.',
    ]);
    expect(said(yaml, 'messenger-buttons', '    buttons:').es).toEqual([
      'Messenger muestra como máximo 3 botones; los últimos 2 no se mostrarán.',
    ]);
  });
});

describe('the same problems in either language', () => {
  const where = (p: Problem) => ({ ...p, message: undefined });

  it.each([
    ['format', FORMAT],
    ['lint', STRUCTURE],
    ['SMS rules', SMS],
    ['Messenger rules', MESSENGER],
  ])(
    '%s: same rules, places and severities, and no English sentence left in Spanish',
    (_, yaml) => {
      const english = problems(yaml, 'en');
      const spanish = problems(yaml, 'es');
      expect(english.length).toBeGreaterThan(4);
      expect(spanish.map(where)).toEqual(english.map(where));
      spanish.forEach((p, i) => expect(p.message, p.rule).not.toBe(english[i]!.message));
    },
  );
});

describe('which language the problems are in', () => {
  const rule = (yaml: string, language?: Language) =>
    problems(yaml, language).find((p) => p.rule === 'unknown-step')?.message;

  it('the exercise’s first, then the flow’s own language:, then English', () => {
    expect(rule(STRUCTURE, 'en')).toBe('There is no step named "perdido".');
    expect(rule(EN(STRUCTURE), 'es')).toBe('No hay ningún paso llamado "perdido".');
    expect(rule(ES(STRUCTURE))).toBe('No hay ningún paso llamado "perdido".');
    expect(rule(EN(STRUCTURE))).toBe('There is no step named "perdido".');
  });

  it('a flow that does not parse still follows its language:, wherever that line is', () => {
    const broken = 'id: x\nsteps:\n  a:\n    say: Hola: ¿vienes?\nlanguage: es\n';
    expect(problems(broken)[0]?.message).toMatch(/^YAML leyó esto como un campo/);
    expect(problems(broken, 'en')[0]?.message).toMatch(/^Nested mappings/);
    expect(problems('language: es\nid: x\nsteps:\n  a:\n    say: "Hola\n')[0]?.message).toBe(
      'Faltan las comillas de cierre de este texto.',
    );
  });

  it('exercise files follow their own language too', () => {
    const exercise =
      'kind: exercise\nid: x\nname: X\nstarter: s\nlanguage: es\nchecks:\n  - name: c\n    says: [hola]\n    expectLast: /abierto(/\n  - name: d\n    says: [hola]\n';
    const messages = (language?: Language) =>
      parseExercise(exercise, language).problems.map((p) => p.message);
    expect(messages()).toEqual([
      '"/abierto(/" no es una expresión regular válida.',
      'Cada prueba necesita algo que comprobar: expect, expectLast, expectNot, thenSilentOn, tags o vars.',
    ]);
    expect(messages('en')).toEqual([
      '"/abierto(/" is not a valid regular expression.',
      'A check needs something to verify: expect, expectLast, expectNot, thenSilentOn, tags or vars.',
    ]);
    expect(parseExercise('id: x\nlanguage: es\n').problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'Un archivo de ejercicio necesita kind: exercise.',
        'Un ejercicio necesita al menos una prueba.',
      ]),
    );
    expect(
      parseExercise('kind: exercise\nid: X\nlanguage: es\n').problems.map((p) => p.message),
    ).toContain('"X" no es un id de ejercicio válido: usa minúsculas, cifras y guiones.');
  });

  it('the content check speaks English to instructors, whatever language a bot speaks', () => {
    const { problems: found } = readBotFile('comite', STRUCTURE);
    expect(found.find((p) => p.rule === 'unknown-step')?.message).toBe(
      'There is no step named "perdido".',
    );
    expect(
      readBotFile('x', 'id: x\nlanguage: es\nsteps:\n  a:\n    say: "Hola\n').problems[0]?.message,
    ).toBe('Missing closing "quote');
    expect(
      readBotFile('x', 'kind: exercise\nid: x\nlanguage: es\n').problems.map((p) => p.message),
    ).toContain('An exercise needs at least one check.');
  });
});
