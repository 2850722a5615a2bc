/**
 * Problem sentences in English (see problem-texts.ts). YAML syntax errors keep the parser's own
 * wording, which is what an instructor can search for.
 */
import type { NameKind, ProblemTexts } from './problem-texts.ts';

const NAME_RULES: { [kind in NameKind]: string } = {
  botId: 'bot id: use lowercase letters, digits and dashes',
  exerciseId: 'exercise id: use lowercase letters, digits and dashes',
  stepId: 'step id: use letters, digits, - or _',
  variable: 'variable name: use letters, digits and _, starting with a letter or a single _',
  table: 'table name: use letters, digits and _, starting with a letter or a single _',
};

export const PROBLEM_TEXTS_EN: ProblemTexts = {
  yamlSyntax: ({ message, colonInText }) =>
    colonInText ? `${message} (if this is text with a colon in it, put it in "quotes")` : message,
  tooManyAliases: (max) => `More than ${max} YAML aliases.`,
  emptyFile: 'The file is empty.',
  flowTooLong: (max) => `The flow is longer than ${max.toLocaleString('en-US')} characters.`,

  notAMap: (path) =>
    path
      ? `${path} must hold fields written name: value.`
      : 'The flow must be made of fields written name: value (such as id: and name:).',
  unknownField: (key, guess) =>
    `Unknown field "${key}"${guess ? ` (did you mean "${guess}"?)` : ''}.`,
  notText: (path) => `Expected text at ${path}.`,
  missing: (path) => `Missing ${path}.`,
  notTextOrList: (path) => `Expected text or a list of texts at ${path}.`,
  notNumber: (path) => `Expected a number at ${path}.`,
  notBoolean: (path) => `Expected true or false at ${path}.`,
  notList: (path) => `Expected a list at ${path}.`,
  badName: (value, kind) => `"${value}" is not a valid ${NAME_RULES[kind]}.`,
  unknownLanguage: (value, languages) =>
    `language must be one of ${languages.join(', ')} (not "${value}").`,

  exerciseNotBot: 'This is an exercise file (kind: exercise), not a bot.',
  unknownKind: 'kind must be "bot" or "exercise".',
  unknownChannel: 'channel must be sms or messenger.',
  noSteps: 'A bot needs at least one step under steps.',
  keywordWithoutMatch: 'A keyword needs match: [WORDS].',
  saveWithoutAsk: (path) => `${path} saves or expects an answer but has no ask: question.`,
  buttonsWithoutText: (path) =>
    `${path} has buttons or quick replies but no say: or ask: text to attach them to.`,
  unknownAnswerType: (type, types) =>
    `Unknown answer type "${type}": use one of ${types.join(', ')}.`,
  choiceWithoutOptions: 'A choice question needs options: [...].',
  buttonTarget: 'A button needs either url: or goto: (not both).',
  branchWithoutIf: 'A branch needs if: conditions.',
  conditionTarget: 'A condition needs var: (or tagged:), not both.',

  notAnExercise: 'An exercise file needs kind: exercise.',
  badRegex: (value) => `"${value}" is not a valid regular expression.`,
  checkWithoutExpectation:
    'A check needs something to verify: expect, expectLast, expectNot, thenSilentOn, tags or vars.',
  noChecks: 'An exercise needs at least one check.',

  unknownStep: (name) => `There is no step named "${name}".`,
  unknownLookup: (table) => `There is no lookup table named "${table}".`,
  unreachable: (id) => `Step "${id}" can't be reached from start, fallback or any keyword.`,
  branchNoDefault: (id) =>
    `If no branch matches, "${id}" stops the conversation: add goto: or end: true.`,
  deadEnd: (id) =>
    `Step "${id}" has no way out: add ask:, goto:, branch:, end: true, or tell the person a keyword.`,
  duplicateKeyword: (word, first) =>
    `Keyword "${word}" is already used${first === 'same' ? ' in this keyword' : ` by keyword ${first}`}.`,
  unsavedVariable: (name) => `{{${name}}} is never saved: no step has save: ${name}.`,
  maybeUnsaved: (name) =>
    `{{${name}}} may be used before it is saved (not every path to here saves it).`,
  gotoLoop: (id) => `Steps loop back to "${id}" without asking anything.`,

  smsOptOutMissing: 'The first message must say how to opt out, e.g. "Reply STOP to opt out."',
  smsHelpMissing:
    'SMS bots need help: text (sent for HELP), with the program name and how to opt out.',
  smsHelpNoOptOut: 'The help text should say how to opt out (e.g. "Reply STOP to opt out").',
  smsReservedKeyword: (word) =>
    `"${word}" is reserved on SMS (opt-out / HELP) and can't be a bot keyword.`,
  smsSegments: (segments, units, encoding, max) =>
    `This message takes ${segments} SMS segments (${units} ${encoding} characters); the limit is ${max}.`,
  smsLookalike: (swaps) =>
    `Replace ${swaps} to keep this message in GSM-7 (160 characters per segment instead of 70).`,
  smsNoButtons: 'Quick replies and buttons are not shown on SMS: list the choices in the text.',
  messengerQuickReplies: (max, dropped) =>
    `Messenger shows at most ${max} quick replies; ${dropped} will be dropped.`,
  messengerButtons: (max, dropped) =>
    `Messenger shows at most ${max} buttons; ${dropped} will be dropped.`,
  messengerTitle: (title, max, shown) =>
    `"${title}" is over ${max} characters; Messenger will show "${shown}".`,
  messengerWindowPromotional: (hours) =>
    `Promotional message sent ${hours} h after the person's last message: outside the 24-hour window Messenger allows promotion only as a paid marketing message to people who subscribed to them.`,
  messengerWindow: (hours) =>
    `Sent ${hours} h after the person's last message, outside Messenger's 24-hour window: it can only go out as an approved utility template or a marketing message the person subscribed to; ask for a new message from them, or use SMS or e-mail for it.`,
};
