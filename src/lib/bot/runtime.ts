/**
 * The browser runtime: what the chat widget needs to run a bot it received as JSON.
 * Deliberately excludes parse.ts (and with it the `yaml` package) and the linter; the
 * playground, which edits YAML, imports from index.ts instead.
 * @example
 * import { startConversation, handleMessage } from '~/lib/bot/runtime';
 */
export { handleMessage, startConversation } from './engine.ts';
export { smsSegments } from './sms.ts';
export type { Bot, ConversationState, Reply, SmsInfo, TurnResult } from './types.ts';
