import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { loadConversation, restartConversation, sendMessage, MAX_MESSAGE_LENGTH } from '~/lib/sandbox/conversation';
import { canUseStoredBot, getBot } from '~/server/bots';
import { json, readJson } from '~/server/json';
import { getDb } from '~/server/runtime';

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
  const read = await readJson(request, url);
  if (!read.ok) return read.response;
  const input = BotRequest.safeParse(read.body);
  if (!input.success) return json({ error: 'bad-request' }, 400);
  const bot = await getBot(params.id ?? '');
  if (!bot) return json({ error: 'bot-not-found' }, 404);
  const viewer = locals.user ? { id: locals.user.id, role: locals.user.role } : null;
  if (!viewer) return json({ error: 'login-required' }, 401);
  if (!(await canUseStoredBot(viewer, bot.id))) return json({ error: 'not-enrolled' }, 403);
  const db = getDb();
  if (input.data.action === 'open') return json({ conversation: loadConversation(db, viewer.id, bot) });
  if (input.data.action === 'restart') return json({ conversation: restartConversation(db, viewer.id, bot) });
  const sent = sendMessage(db, viewer.id, bot, input.data.text);
  if (!sent.ok) return json({ error: sent.error }, 400);
  return json(sent.value);
};
