import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import {
  loadConversation,
  restartConversation,
  sendMessage,
  MAX_MESSAGE_LENGTH,
} from '~/lib/sandbox/conversation';
import { getBot, storedBotViewer } from '~/server/bots';
import { json, readJsonInput } from '~/server/json';
import { getDb } from '~/server/runtime';
import { sandboxThrottle } from '~/server/sandbox-throttle';

const BotRequest = z.discriminatedUnion('action', [
  z.object({ action: z.literal('open') }),
  z.object({ action: z.literal('restart') }),
  z.object({ action: z.literal('send'), text: z.string().max(MAX_MESSAGE_LENGTH * 2) }),
]);

/**
 * A signed-in, enrolled learner's stored chat with a sandbox bot. The engine runs here; the
 * browser only displays what this returns.
 */
export const POST: APIRoute = async ({ params, request, url, locals }) => {
  const read = await readJsonInput(request, url, BotRequest);
  if (!read.ok) return read.response;
  const bot = await getBot(params.id ?? '');
  if (!bot) return json({ error: 'bot-not-found' }, 404);
  const access = await storedBotViewer(locals.user, bot.id);
  if (!access.ok) return access.response;
  const { viewer } = access;
  const db = await getDb();
  if (read.input.action === 'open')
    return json({ conversation: await loadConversation(db, viewer.id, bot) });
  // Sending and restarting write the conversation: a script posting in a loop is stopped here.
  const throttled = await sandboxThrottle('chat', viewer.id);
  if (throttled) return throttled;
  if (read.input.action === 'restart')
    return json({ conversation: await restartConversation(db, viewer.id, bot) });
  const sent = await sendMessage(db, viewer.id, bot, read.input.text);
  if (!sent.ok) return json({ error: sent.error }, 400);
  return json(sent.value);
};
