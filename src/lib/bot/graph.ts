/**
 * The bot as a graph of steps, for the linter: where each step can go, where conversations
 * enter, and every message text with its YAML path.
 */
import { own } from './record.ts';
import type { Bot, Step } from './types.ts';

export interface Edge {
  to: string;
  /** YAML path of the reference, for problems. */
  path: string;
  /** Followed after the person answers (goto, branch, buttons) rather than before (lookup.missing). */
  afterAnswer: boolean;
  /** Variables the jump adds on top of those the step started with. */
  saves: string[];
}

/**
 * Every jump out of a step.
 * @example edgesOf("a", { goto: "b" }) // [{ to: "b", path: "steps.a.goto", afterAnswer: true, saves: [] }]
 */
export function edgesOf(id: string, step: Step): Edge[] {
  const at = `steps.${id}`;
  const looked = step.lookup ? [step.lookup.save] : [];
  const answered = [...looked, ...(step.save ? [step.save] : [])];
  const edges: Edge[] = [];
  if (step.lookup?.missing !== undefined)
    edges.push({
      to: step.lookup.missing,
      path: `${at}.lookup.missing`,
      afterAnswer: false,
      saves: [],
    });
  step.buttons?.forEach(
    (b, i) =>
      b.goto !== undefined &&
      edges.push({ to: b.goto, path: `${at}.buttons.${i}.goto`, afterAnswer: true, saves: looked }),
  );
  step.branch?.forEach((b, i) =>
    edges.push({ to: b.goto, path: `${at}.branch.${i}.goto`, afterAnswer: true, saves: answered }),
  );
  if (step.goto !== undefined)
    edges.push({ to: step.goto, path: `${at}.goto`, afterAnswer: true, saves: answered });
  return edges;
}

/**
 * Where a conversation can begin: `start`, `fallback` and every keyword's target.
 * @example entriesOf(bot)[0] // { to: "welcome", path: "start" }
 */
export function entriesOf(bot: Bot): { to: string; path: string }[] {
  return [
    { to: bot.start, path: 'start' },
    ...(bot.fallback === undefined ? [] : [{ to: bot.fallback, path: 'fallback' }]),
    ...bot.keywords.map((k, i) => ({ to: k.goto, path: `keywords.${i}.goto` })),
  ];
}

/**
 * Does the step stop to wait for the person (a question, or buttons that jump)?
 * @example waits({ ask: "ZIP?" }) // true
 */
export function waits(step: Step): boolean {
  return step.ask !== undefined || !!step.buttons?.some((b) => b.goto !== undefined);
}

/**
 * Steps reachable from any entry.
 * @example reachable(bot).has("ask-zip") // true
 */
export function reachable(bot: Bot): Set<string> {
  const seen = new Set<string>();
  const queue = entriesOf(bot).map((e) => e.to);
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const step = own(bot.steps, id);
    if (!step || seen.has(id)) continue;
    seen.add(id);
    queue.push(...edgesOf(id, step).map((e) => e.to));
  }
  return seen;
}

export interface Message {
  path: string;
  text: string;
  stepId: string | null;
}

/**
 * Every text the bot can send, with its YAML path (step texts plus channel texts).
 * @example messagesOf(bot).map((m) => m.path) // ["help", "steps.welcome.say.0", ...]
 */
export function messagesOf(bot: Bot): Message[] {
  const list: Message[] = [];
  for (const field of ['help', 'optOutConfirmation', 'optInConfirmation'] as const) {
    const text = bot[field];
    if (text !== undefined) list.push({ path: field, text, stepId: null });
  }
  for (const [id, step] of Object.entries(bot.steps)) {
    step.say?.forEach((text, i) => list.push({ path: `steps.${id}.say.${i}`, text, stepId: id }));
    for (const field of ['ask', 'invalid'] as const) {
      const text = step[field];
      if (text !== undefined) list.push({ path: `steps.${id}.${field}`, text, stepId: id });
    }
  }
  return list;
}
