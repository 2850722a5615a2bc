import { and, eq, sql } from 'drizzle-orm';
import { handleMessage, startConversation } from '~/lib/bot/runtime.ts';
import type { Bot, ConversationState, Reply } from '~/lib/bot/types.ts';
import { preparedRead, type Db, type Query, type Reader } from '~/lib/db';
import { lockKeys } from '~/lib/db/locks';
import type { Result } from '~/lib/result';
import { botConversations } from '~db/schema';

/** One line of a stored chat, as the phone frame shows it. */
export type TranscriptEntry =
  | { from: 'person'; text: string; at: number }
  | ({ from: 'bot'; at: number } & Pick<
      Reply,
      'text' | 'quickReplies' | 'buttons' | 'stepId' | 'source' | 'sms'
    >);

export interface StoredConversation {
  state: ConversationState;
  transcript: TranscriptEntry[];
}

// Every write of a chat is committed `relaxed` (see Durability in src/lib/db/types.ts): chats are
// practice, so a power cut may lose the last few messages, which the learner types again, while an
// fsync per message held every other request behind the disk. A completion or an exercise passed
// afterwards is durable, and its commit makes the chat before it durable too.

/** Longest message a person may send (an SMS of 10 segments, roughly). */
export const MAX_MESSAGE_LENGTH = 1600;
/** Older lines are dropped past this, so a long-running chat cannot grow a row without bound. */
export const MAX_TRANSCRIPT = 300;

function botLines(replies: Reply[], at: number): TranscriptEntry[] {
  return replies.map((r) => ({
    from: 'bot',
    at,
    text: r.text,
    quickReplies: r.quickReplies,
    buttons: r.buttons,
    stepId: r.stepId,
    source: r.source,
    sms: r.sms,
  }));
}

function fresh(bot: Bot, now: number): StoredConversation {
  const { state, replies } = startConversation(bot, { channel: bot.channel, now });
  return { state, transcript: botLines(replies, now) };
}

/** Read on every lesson page with a sandbox bot: prepared once (see preparedRead). */
const storedState = preparedRead((q) =>
  q
    .select({ state: botConversations.state })
    .from(botConversations)
    .where(
      and(
        eq(botConversations.userId, sql.placeholder('userId')),
        eq(botConversations.botId, sql.placeholder('botId')),
      ),
    )
    .prepare(),
);

async function read(q: Reader, userId: number, botId: string): Promise<StoredConversation | null> {
  const [row] = await storedState(q, { userId, botId });
  if (!row) return null;
  try {
    const parsed = JSON.parse(row.state) as StoredConversation;
    return parsed.state?.v === 1 && Array.isArray(parsed.transcript) ? parsed : null;
  } catch {
    // A row from an older engine format: start over rather than fail the lesson.
    return null;
  }
}

async function write(
  tx: Query,
  userId: number,
  botId: string,
  conversation: StoredConversation,
  now: number,
): Promise<void> {
  const state = JSON.stringify({
    state: conversation.state,
    transcript: conversation.transcript.slice(-MAX_TRANSCRIPT),
  });
  await tx
    .insert(botConversations)
    .values({ userId, botId, state, updatedAt: new Date(now) })
    .onConflictDoUpdate({
      target: [botConversations.userId, botConversations.botId],
      set: { state, updatedAt: new Date(now) },
    });
}

/**
 * The learner's stored conversation with `bot`, started (and stored) on first open so a reload
 * shows the same opening messages.
 * @example (await loadConversation(db, 7, ridesBot)).transcript[0] // { from: 'bot', text: 'Text RIDE…', … }
 */
export async function loadConversation(
  db: Db,
  userId: number,
  bot: Bot,
  now: number = Date.now(),
): Promise<StoredConversation> {
  // Most page views find the chat already stored: read without taking the write lock.
  const stored = await read(db.read, userId, bot.id);
  if (stored) return stored;
  return db.write(
    async (tx) => {
      const existing = await read(tx, userId, bot.id);
      if (existing) return existing;
      const started = fresh(bot, now);
      await write(tx, userId, bot.id, started, now);
      return started;
    },
    { durability: 'relaxed' },
  );
}

/**
 * Runs one message through the engine on the server, the authority for stored chats, and
 * appends both sides to the transcript. Returns the bot's replies to this message.
 */
export async function sendMessage(
  db: Db,
  userId: number,
  bot: Bot,
  text: string,
  now: number = Date.now(),
): Promise<
  Result<
    { conversation: StoredConversation; replies: TranscriptEntry[] },
    'message-empty' | 'message-too-long'
  >
> {
  const message = text.replace(/\r\n?/g, '\n').trim();
  if (!message) return { ok: false, error: 'message-empty', field: 'text' };
  if (message.length > MAX_MESSAGE_LENGTH)
    return { ok: false, error: 'message-too-long', field: 'text' };
  return db.write(
    async (tx) => {
      await lockKeys(tx, [`chat:${userId}:${bot.id}`]);
      const current = (await read(tx, userId, bot.id)) ?? fresh(bot, now);
      const turn = handleMessage(bot, current.state, message, { now });
      const replies = botLines(turn.replies, now);
      const conversation = {
        state: turn.state,
        transcript: [
          ...current.transcript,
          { from: 'person' as const, text: message, at: now },
          ...replies,
        ],
      };
      await write(tx, userId, bot.id, conversation, now);
      return { ok: true, value: { conversation, replies } } as const;
    },
    { durability: 'relaxed' },
  );
}

/** Starts the conversation over (the "restart" button). */
export async function restartConversation(
  db: Db,
  userId: number,
  bot: Bot,
  now: number = Date.now(),
): Promise<StoredConversation> {
  const started = fresh(bot, now);
  await db.write((tx) => write(tx, userId, bot.id, started, now), { durability: 'relaxed' });
  return started;
}
