/**
 * Channel compliance rules for the linter (see lint.ts for the structural ones).
 *
 * | rule                  | severity | what                                                       |
 * |-----------------------|----------|------------------------------------------------------------|
 * | sms-opt-out-missing   | error    | SMS: the first message doesn't say how to opt out (STOP)    |
 * | sms-help-missing      | error    | SMS: no help: text                                          |
 * | sms-help-no-opt-out   | warning  | SMS: the help text doesn't mention STOP                     |
 * | sms-reserved-keyword  | error    | SMS: a keyword the carrier rules own (STOP, HELP, …)         |
 * | sms-segments          | warning  | SMS: a message longer than maxSegments segments             |
 * | sms-lookalike         | warning  | SMS: a curly quote/dash forces UCS-2 (halves the length)     |
 * | sms-no-buttons        | warning  | SMS: quick replies/buttons aren't shown on SMS              |
 * | messenger-quick-replies | warning | more than 13 quick replies (the rest are dropped)          |
 * | messenger-buttons     | warning  | more than 3 buttons (the rest are dropped)                  |
 * | messenger-title       | warning  | a quick reply/button title over 20 characters (will be cut) |
 * | messenger-window      | error / warning | promotional / any message sent > 24 h after the person's last message |
 *
 * The sentences are in problem-texts-*.ts, in the list's language.
 * Placeholders count as 10 characters when measuring segments; the engine reports the
 * exact count of every message it actually sends.
 */
import { own } from './record.ts';
import { bestMatch, normalize } from './fuzzy.ts';
import { edgesOf, messagesOf, waits } from './graph.ts';
import { MAX_BUTTONS, MAX_QUICK_REPLIES, MAX_TITLE, cutTitle } from './messenger.ts';
import type { ProblemList } from './problems.ts';
import { GSM_LOOKALIKES, OPT_OUT_KEYWORDS, RESERVED_SMS_WORDS, smsSegments } from './sms.ts';
import type { Bot, Step } from './types.ts';

// STOP and its English fellows anywhere. The Spanish keywords the engine also honours (sms.ts,
// the list the Spanish lessons show) count only as an instruction ("Responde BAJA…", "Escribe con
// ALTO…"), because inside a sentence they are ordinary words ("una tarifa baja", "no vamos a parar").
// Matched on normalize()d text, so accents and punctuation do not matter.
const ENGLISH_OPT_OUT = /\b(stop|unsubscribe|quit|cancel)\b/i;
const SPANISH_OPT_OUT_INSTRUCTION = new RegExp(
  `\\b(responde|responda|contesta|conteste|escribe|escriba|envia|envie|manda|mande)( con)? (${OPT_OUT_KEYWORDS.es.map(normalize).join('|')})\\b`,
);
const saysHowToOptOut = (text: string) =>
  ENGLISH_OPT_OUT.test(text) || SPANISH_OPT_OUT_INSTRUCTION.test(normalize(text));

/**
 * Add the channel rules' problems for `bot` to `problems` (called by lintBot).
 * @example complianceProblems(bot, new ProblemList(sourceMap), 3)
 */
export function complianceProblems(bot: Bot, problems: ProblemList, maxSegments: number): void {
  if (bot.channel === 'sms') sms(bot, problems, maxSegments);
  else messenger(bot, problems);
}

/** Text of the messages the bot sends before first waiting, following gotos from `start`. */
function openingText(bot: Bot): string {
  const texts: string[] = [];
  const seen = new Set<string>();
  for (let id: string | undefined = bot.start; id !== undefined && !seen.has(id);) {
    seen.add(id);
    const step: Step | undefined = own(bot.steps, id);
    if (!step) break;
    texts.push(...(step.say ?? []), step.ask ?? '');
    id = waits(step) ? undefined : (step.branch?.[0]?.goto ?? step.goto);
  }
  return texts.join(' ');
}

function sms(bot: Bot, problems: ProblemList, maxSegments: number): void {
  if (own(bot.steps, bot.start) && !saysHowToOptOut(openingText(bot))) {
    problems.add('start', problems.texts.smsOptOutMissing, 'error', 'sms-opt-out-missing');
  }
  if (bot.help === undefined)
    problems.add('name', problems.texts.smsHelpMissing, 'error', 'sms-help-missing');
  else if (!saysHowToOptOut(bot.help))
    problems.add('help', problems.texts.smsHelpNoOptOut, 'warning', 'sms-help-no-opt-out');
  bot.keywords.forEach((k, i) =>
    k.match.forEach((word, j) => {
      if (bestMatch(word, RESERVED_SMS_WORDS, true) >= 0) {
        problems.add(
          `keywords.${i}.match.${j}`,
          problems.texts.smsReservedKeyword(word),
          'error',
          'sms-reserved-keyword',
        );
      }
    }),
  );
  for (const m of messagesOf(bot)) {
    const info = smsSegments(m.text.replace(/\{\{[^}]*\}\}/g, 'x'.repeat(10)));
    if (info.segments > maxSegments) {
      problems.add(
        m.path,
        problems.texts.smsSegments(info.segments, info.units, info.encoding, maxSegments),
        'warning',
        'sms-segments',
      );
    }
    const lookalikes = info.ucs2Chars.filter((c) => GSM_LOOKALIKES[c] !== undefined);
    if (lookalikes.length && lookalikes.length === info.ucs2Chars.length) {
      const swaps = lookalikes.map((c) => `${c} → ${GSM_LOOKALIKES[c]}`).join(', ');
      problems.add(m.path, problems.texts.smsLookalike(swaps), 'warning', 'sms-lookalike');
    }
  }
  for (const [id, step] of Object.entries(bot.steps)) {
    if (step.quickReplies || step.buttons)
      problems.add(
        `steps.${id}.${step.quickReplies ? 'quickReplies' : 'buttons'}`,
        problems.texts.smsNoButtons,
        'warning',
        'sms-no-buttons',
      );
  }
}

function messenger(bot: Bot, problems: ProblemList): void {
  const { texts } = problems;
  for (const [id, step] of Object.entries(bot.steps)) {
    const at = `steps.${id}`;
    const quickPath = step.quickReplies ? `${at}.quickReplies` : `${at}.expect.options`;
    const quick =
      step.quickReplies ?? (step.ask !== undefined ? step.expect?.options : undefined) ?? [];
    if (quick.length > MAX_QUICK_REPLIES)
      problems.add(
        quickPath,
        texts.messengerQuickReplies(MAX_QUICK_REPLIES, quick.length - MAX_QUICK_REPLIES),
        'warning',
        'messenger-quick-replies',
      );
    const buttons = step.buttons ?? [];
    if (buttons.length > MAX_BUTTONS)
      problems.add(
        `${at}.buttons`,
        texts.messengerButtons(MAX_BUTTONS, buttons.length - MAX_BUTTONS),
        'warning',
        'messenger-buttons',
      );
    const titles = [
      ...quick.map((t, i) => ({ t, path: `${quickPath}.${i}` })),
      ...buttons.map((b, i) => ({ t: b.title, path: `${at}.buttons.${i}.title` })),
    ];
    for (const { t, path } of titles) {
      if (Array.from(t).length > MAX_TITLE)
        problems.add(
          path,
          texts.messengerTitle(t, MAX_TITLE, cutTitle(t)),
          'warning',
          'messenger-title',
        );
    }
  }
  const delays = windowDelays(bot);
  for (const [id, step] of Object.entries(bot.steps)) {
    const hours = delays.get(id) ?? 0;
    if (hours <= 24 || (!step.say && step.ask === undefined)) continue;
    if (step.promotional)
      problems.add(
        `steps.${id}`,
        texts.messengerWindowPromotional(hours),
        'error',
        'messenger-window',
      );
    else problems.add(`steps.${id}`, texts.messengerWindow(hours), 'warning', 'messenger-window');
  }
}

/** Longest delay (hours) since the person's last message at which each step can send. */
function windowDelays(bot: Bot): Map<string, number> {
  const delayOf = (id: string) => own(bot.steps, id)?.delayHours ?? 0;
  const delays = new Map(Object.keys(bot.steps).map((id) => [id, delayOf(id)]));
  // Relax like Bellman-Ford; more rounds than steps can't add anything but a goto loop.
  for (let round = 0, changed = true; changed && round <= delays.size; round++) {
    changed = false;
    for (const [id, step] of Object.entries(bot.steps)) {
      for (const e of edgesOf(id, step)) {
        if (!own(bot.steps, e.to) || (waits(step) && e.afterAnswer)) continue;
        const via = delays.get(id)! + delayOf(e.to);
        if (via > delays.get(e.to)!) [delays.set(e.to, via), (changed = true)];
      }
    }
  }
  return delays;
}
