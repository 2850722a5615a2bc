import { and, eq } from 'drizzle-orm';
import { handleMessage, startConversation } from '~/lib/bot/runtime.ts';
import type { Bot, ConversationState, Reply } from '~/lib/bot/types.ts';
import { inTransaction, type Db } from '~/lib/db';
import type { Result } from '~/lib/result';
import { botConversations } from '~db/schema';

/** One line of a stored chat, as the phone frame shows it. */
export type TranscriptEntry =
  | { from: 'person'; text: string; at: number }
  | ({ from: 'bot'; at: number } & Pick<Reply, 'text' | 'quickReplies' | 'buttons' | 'stepId' | 'source' | 'sms'>);

export interface StoredConversation {
  state: ConversationState;
  transcript: TranscriptEntry[];
}

/** Longest message a person may send (an SMS of 10 segments, roughly). */
export const MAX_MESSAGE_LENGTH = 1600;
/** Older lines are dropped past this, so a long-running chat cannot grow a row without bound. */
export const MAX_TRANSCRIPT = 300;

function botLines(replies: Reply[], at: number): TranscriptEntry[] {
  return replies.map((r) => ({ from: 'bot', at, text: r.text, quickReplies: r.quickReplies, buttons: r.buttons, stepId: r.stepId, source: r.source, sms: r.sms }));
}

function fresh(bot: Bot, now: number): StoredConversation {
  const { state, replies } = startConversation(bot, { channel: bot.channel, now });
  return { state, transcript: botLines(replies, now) };
}

function read(db: Db, userId: number, botId: string): StoredConversation | null {
  const row = db
    .select({ state: botConversations.state })
    .from(botConversations)
    .where(and(eq(botConversations.userId, userId), eq(botConversations.botId, botId)))
    .get();
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.state) as StoredConversation;
    return parsed.state?.v === 1 && Array.isArray(parsed.transcript) ? parsed : null;
  } catch {
    // A row from an older engine format: start over rather than fail the lesson.
    return null;
  }
}

function write(db: Db, userId: number, botId: string, conversation: StoredConversation, now: number): void {
  const state = JSON.stringify({ state: conversation.state, transcript: conversation.transcript.slice(-MAX_TRANSCRIPT) });
  db.insert(botConversations)
    .values({ userId, botId, state, updatedAt: new Date(now) })
    .onConflictDoUpdate({ target: [botConversations.userId, botConversations.botId], set: { state, updatedAt: new Date(now) } })
    .run();
}

/**
 * The learner's stored conversation with `bot`, started (and stored) on first open so a reload
 * shows the same opening messages.
 * @example loadConversation(db, 7, ridesBot).transcript[0] // { from: 'bot', text: 'Text RIDE…', … }
 */
export function loadConversation(db: Db, userId: number, bot: Bot, now: number = Date.now()): StoredConversation {
  return inTransaction(db, (tx) => {
    const existing = read(tx, userId, bot.id);
    if (existing) return existing;
    const started = fresh(bot, now);
    write(tx, userId, bot.id, started, now);
    return started;
  });
}

/**
 * Runs one message through the engine on the server, the authority for stored chats, and
 * appends both sides to the transcript. Returns the bot's replies to this message.
 */
export function sendMessage(
  db: Db,
  userId: number,
  bot: Bot,
  text: string,
  now: number = Date.now(),
): Result<{ conversation: StoredConversation; replies: TranscriptEntry[] }, 'message-empty' | 'message-too-long'> {
  const message = text.replace(/\r\n?/g, '\n').trim();
  if (!message) return { ok: false, error: 'message-empty', field: 'text' };
  if (message.length > MAX_MESSAGE_LENGTH) return { ok: false, error: 'message-too-long', field: 'text' };
  return inTransaction(db, (tx) => {
    const current = read(tx, userId, bot.id) ?? fresh(bot, now);
    const turn = handleMessage(bot, current.state, message, { now });
    const replies = botLines(turn.replies, now);
    const conversation = { state: turn.state, transcript: [...current.transcript, { from: 'person' as const, text: message, at: now }, ...replies] };
    write(tx, userId, bot.id, conversation, now);
    return { ok: true, value: { conversation, replies } };
  });
}

/** Starts the conversation over (the "restart" button). */
export function restartConversation(db: Db, userId: number, bot: Bot, now: number = Date.now()): StoredConversation {
  return inTransaction(db, (tx) => {
    const started = fresh(bot, now);
    write(tx, userId, bot.id, started, now);
    return started;
  });
}
