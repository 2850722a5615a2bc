/**
 * Problem sentences in Spanish (see problem-texts.ts), written for organizers in the US: tú,
 * "darse de baja", numbers as es-US writes them (50,000). The YAML parser only speaks English,
 * so its errors are rewritten here by their code, each as what to fix rather than what the
 * parser saw.
 */
import type { ErrorCode } from 'yaml';
import type { NameKind, ProblemTexts } from './problem-texts.ts';

const COLON_HINT = 'Si es un texto con dos puntos (:), ponlo entre "comillas".';

const YAML_SYNTAX: { [code in ErrorCode]: string } = {
  ALIAS_PROPS: 'Un alias (*nombre) no puede llevar anclas ni etiquetas.',
  BAD_ALIAS:
    'El nombre de esta ancla o alias (&nombre, *nombre) está vacío o termina en dos puntos.',
  BAD_DIRECTIVE: 'Esta directiva de YAML (la línea que empieza con %) no es válida.',
  BAD_DQ_ESCAPE:
    'Entre comillas dobles, la barra invertida (\\) empieza un código especial y este no existe: escribe \\\\ o usa comillas simples.',
  BAD_INDENT:
    'La sangría no cuadra: lo que está al mismo nivel tiene que empezar en la misma columna.',
  BAD_PROP_ORDER:
    'Las anclas (&) y las etiquetas (!) van después del guion o de los dos puntos, no antes.',
  BAD_SCALAR_START:
    'Un texto sin comillas no puede empezar con @, `, %, |, >, una coma ni una tabulación: ponlo entre "comillas".',
  BLOCK_AS_IMPLICIT_KEY: `YAML leyó esto como un campo dentro de otro en la misma línea. ${COLON_HINT}`,
  BLOCK_IN_FLOW:
    'Dentro de [corchetes] o {llaves} no puedes abrir una lista con guiones ni un bloque con sangría.',
  DUPLICATE_KEY:
    'Este nombre ya aparece más arriba al mismo nivel: cada campo o paso puede estar una sola vez.',
  IMPOSSIBLE: 'No se puede leer el YAML en este punto.',
  KEY_OVER_1024_CHARS:
    'Este nombre de campo es demasiado largo (más de 1024 caracteres antes de los dos puntos).',
  MISSING_CHAR:
    'Falta algo en esta línea: unas comillas de cierre, una coma entre elementos o un espacio después de los dos puntos.',
  MULTILINE_IMPLICIT_KEY: `El nombre de un campo tiene que caber en una sola línea. ${COLON_HINT}`,
  MULTIPLE_ANCHORS: 'Un valor puede tener una sola ancla (&).',
  MULTIPLE_DOCS: 'Hay más de un documento YAML (una línea con --- en medio): deja uno solo.',
  MULTIPLE_TAGS: 'Un valor puede tener una sola etiqueta (!).',
  NON_STRING_KEY: 'El nombre de un campo tiene que ser un texto simple.',
  RESOURCE_EXHAUSTION: 'El YAML crece demasiado al expandir sus alias: usa menos alias.',
  TAB_AS_INDENT: 'Usa espacios para la sangría, no tabulaciones.',
  TAG_RESOLVE_FAILED: 'No se reconoce esta etiqueta de YAML (!algo).',
  UNEXPECTED_TOKEN:
    'Hay algo de más o fuera de lugar: revisa la sangría, las comillas y los signos [ ] { } , de esta línea.',
  BAD_COLLECTION_TYPE: 'Esta etiqueta de YAML no sirve para este tipo de valor.',
};

/** Some codes cover several slips, told apart by the parser's wording; these are worth naming. */
const UNCLOSED: [RegExp, string][] = [
  [/end with a \]/, 'Falta el ] que cierra esta lista (o le falta sangría).'],
  [/end with a \}/, 'Falta la } que cierra este grupo de campos (o le falta sangría).'],
];
const REFINED: { [code in ErrorCode]?: [RegExp, string][] } = {
  BAD_INDENT: UNCLOSED,
  MISSING_CHAR: [
    ...UNCLOSED,
    [/closing .?quote/i, 'Faltan las comillas de cierre de este texto.'],
    [/missing , /i, 'Falta una coma entre los elementos.'],
    [/space after :/i, 'Falta un espacio después de los dos puntos.'],
    [/followed by map values/i, 'A esta línea le faltan los dos puntos: escribe campo: valor.'],
    [/without - indicator/i, 'A este elemento de la lista le falta el guion (-) delante.'],
    [/comments must be separated/i, 'Deja un espacio antes del # de un comentario.'],
  ],
};

const NAME_RULES: { [kind in NameKind]: string } = {
  botId: 'un id de bot válido: usa minúsculas, cifras y guiones',
  exerciseId: 'un id de ejercicio válido: usa minúsculas, cifras y guiones',
  stepId: 'un nombre de paso válido: usa letras, cifras, - o _',
  variable:
    'un nombre de variable válido: usa letras, cifras y _, y empieza con una letra o con un solo _',
  table:
    'un nombre de tabla válido: usa letras, cifras y _, y empieza con una letra o con un solo _',
};

/** "la última no se mostrará" / "las últimas 3 no se mostrarán" (quick replies, feminine). */
const droppedReplies = (n: number) =>
  n === 1 ? 'la última no se mostrará' : `las últimas ${n} no se mostrarán`;
const droppedButtons = (n: number) =>
  n === 1 ? 'el último no se mostrará' : `los últimos ${n} no se mostrarán`;

export const PROBLEM_TEXTS_ES: ProblemTexts = {
  yamlSyntax: ({ code, message, colonInText }) => {
    const sentence =
      REFINED[code]?.find(([pattern]) => pattern.test(message))?.[1] ?? YAML_SYNTAX[code];
    return colonInText && !sentence.includes(COLON_HINT) ? `${sentence} ${COLON_HINT}` : sentence;
  },
  tooManyAliases: (max) => `Hay más de ${max} alias de YAML (*nombre).`,
  emptyFile: 'El archivo está vacío.',
  flowTooLong: (max) => `El flujo tiene más de ${max.toLocaleString('es-US')} caracteres.`,

  notAMap: (path) =>
    path
      ? `${path} tiene que llevar campos escritos nombre: valor.`
      : 'El flujo tiene que estar hecho de campos escritos nombre: valor (como id: y name:).',
  unknownField: (key, guess) =>
    `No existe el campo "${key}"${guess ? ` (¿quisiste decir "${guess}"?)` : ''}.`,
  notText: (path) => `${path} tiene que ser un texto.`,
  missing: (path) => `Falta el campo ${path}.`,
  notTextOrList: (path) => `${path} tiene que ser un texto o una lista de textos.`,
  notNumber: (path) => `${path} tiene que ser un número.`,
  notBoolean: (path) => `${path} tiene que ser true o false.`,
  notList: (path) => `${path} tiene que ser una lista.`,
  badName: (value, kind) => `"${value}" no es ${NAME_RULES[kind]}.`,
  unknownLanguage: (value, languages) =>
    `language tiene que ser uno de estos: ${languages.join(', ')} (no "${value}").`,

  exerciseNotBot: 'Este es un archivo de ejercicio (kind: exercise), no un bot.',
  unknownKind: 'kind tiene que ser "bot" o "exercise".',
  unknownChannel: 'channel tiene que ser sms o messenger.',
  noSteps: 'Un bot necesita al menos un paso en steps.',
  keywordWithoutMatch: 'Cada palabra clave necesita match: [PALABRAS].',
  saveWithoutAsk: (path) =>
    `${path} guarda o espera una respuesta, pero no hace ninguna pregunta (ask:).`,
  buttonsWithoutText: (path) =>
    `${path} tiene botones o respuestas rápidas, pero ningún texto (say: o ask:) donde mostrarlos.`,
  unknownAnswerType: (type, types) =>
    `No existe el tipo de respuesta "${type}": usa uno de estos: ${types.join(', ')}.`,
  choiceWithoutOptions: 'Una pregunta con opciones (choice) necesita options: [...].',
  buttonTarget: 'Un botón necesita url: o goto: (uno de los dos, no ambos).',
  branchWithoutIf: 'Cada rama necesita sus condiciones en if:.',
  conditionTarget: 'Una condición necesita var: o tagged: (uno de los dos, no ambos).',

  notAnExercise: 'Un archivo de ejercicio necesita kind: exercise.',
  badRegex: (value) => `"${value}" no es una expresión regular válida.`,
  checkWithoutExpectation:
    'Cada prueba necesita algo que comprobar: expect, expectLast, expectNot, thenSilentOn, tags o vars.',
  noChecks: 'Un ejercicio necesita al menos una prueba.',

  unknownStep: (name) => `No hay ningún paso llamado "${name}".`,
  unknownLookup: (table) => `No hay ninguna tabla llamada "${table}" en lookups.`,
  unreachable: (id) =>
    `No se puede llegar al paso "${id}" desde start, fallback ni ninguna palabra clave.`,
  branchNoDefault: (id) =>
    `Si no se cumple ninguna rama, la conversación se corta en "${id}": agrega goto: o end: true.`,
  deadEnd: (id) =>
    `El paso "${id}" no tiene salida: agrega ask:, goto:, branch: o end: true, o dile a la persona qué palabra clave escribir.`,
  duplicateKeyword: (word, first) =>
    first === 'same'
      ? `"${word}" está repetida en esta misma palabra clave.`
      : `La palabra clave ${first} ya usa "${word}".`,
  unsavedVariable: (name) => `{{${name}}} nunca se guarda: ningún paso tiene save: ${name}.`,
  maybeUnsaved: (name) =>
    `{{${name}}} podría usarse antes de guardarse (no todos los caminos que llegan aquí la guardan).`,
  gotoLoop: (id) => `Los pasos vuelven a "${id}" en círculo sin preguntar nada.`,

  smsOptOutMissing:
    'El primer mensaje tiene que decir cómo darse de baja, por ejemplo: "Responde STOP para darte de baja."',
  smsHelpMissing:
    'Un bot de SMS necesita un texto en help: (se manda cuando alguien escribe HELP) con el nombre del programa y cómo darse de baja.',
  smsHelpNoOptOut:
    'El texto de help: debería decir cómo darse de baja (por ejemplo: "Responde STOP para darte de baja").',
  smsReservedKeyword: (word) =>
    `"${word}" está reservada en SMS (para darse de baja o pedir ayuda) y no puede ser una palabra clave del bot.`,
  smsSegments: (segments, units, encoding, max) =>
    `Este mensaje ocupa ${segments} segmentos de SMS (${units} caracteres ${encoding}); el límite es ${max}.`,
  smsLookalike: (swaps) =>
    `Cambia ${swaps} para que este mensaje quede en GSM-7 (160 caracteres por segmento en vez de 70).`,
  smsNoButtons:
    'Por SMS no se ven las respuestas rápidas ni los botones: escribe las opciones en el texto.',
  messengerQuickReplies: (max, dropped) =>
    `Messenger muestra como máximo ${max} respuestas rápidas; ${droppedReplies(dropped)}.`,
  messengerButtons: (max, dropped) =>
    `Messenger muestra como máximo ${max} botones; ${droppedButtons(dropped)}.`,
  messengerTitle: (title, max, shown) =>
    `"${title}" tiene más de ${max} caracteres; Messenger mostrará "${shown}".`,
  messengerWindowPromotional: (hours) =>
    `Este mensaje promocional sale ${hours} h después del último mensaje de la persona: fuera de la ventana de 24 horas, Messenger solo permite promociones como mensajes de marketing pagados, y solo a quien se suscribió a ellos.`,
  messengerWindow: (hours) =>
    `Sale ${hours} h después del último mensaje de la persona, fuera de la ventana de 24 horas de Messenger: solo puede mandarse como plantilla de utilidad aprobada o como mensaje de marketing al que la persona se suscribió. Consigue que la persona vuelva a escribir antes, o mándalo por SMS o correo electrónico.`,
};
