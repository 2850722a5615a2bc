/**
 * Botcamp's chatbot engine: pure TypeScript shared by the server and the browser.
 *
 * No Node built-ins, no DOM, no astro:* imports, no clock or randomness: every function is
 * a deterministic mapping of its inputs, and conversation state is plain JSON.
 *
 * The YAML format instructors write is documented at the top of schema.ts (bots) and
 * exercise.ts (playground exercises); matching rules in fuzzy.ts; carrier rules in sms.ts;
 * Messenger rules in messenger.ts; lint rules in lint.ts and compliance.ts.
 *
 * Typical use:
 * ```ts
 * // server: parse and check once, send `bot` to the browser as JSON
 * const { bot, problems, sourceMap } = parseBot(yamlText);
 * const lint = bot ? lintBot(bot, sourceMap) : [];
 *
 * // anywhere: run a conversation
 * let { state, replies } = startConversation(bot, { now: Date.now() });
 * ({ state, replies } = handleMessage(bot, state, 'RIDE', { now: Date.now() }));
 * replies[0]; // { text: "What's your ZIP code?", stepId: "ask-zip", source: "steps.ask-zip.ask", sms: {...} }
 * ```
 *
 * The chat widget should import from `./runtime.ts` instead: same engine, without the YAML
 * parser, so its bundle stays a few kilobytes.
 */
export { parseBot } from './parse.ts';
export { parseExercise } from './exercise.ts';
export { handleMessage, startConversation } from './engine.ts';
export { smsSegments } from './sms.ts';
export { lintBot, type LintOptions } from './lint.ts';
export { runScript } from './script.ts';
export type * from './types.ts';
