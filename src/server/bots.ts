import type { BotFile } from '~/lib/content/bot-files';
import { perBuildMemo } from '~/lib/content/per-build';
import type { Bot, Exercise } from '~/lib/bot/types.ts';
import { lessonAccess, tracksProgress, type Viewer } from '~/lib/enrollment/access';
import type { SessionUser } from '~/lib/auth/user';
import { embeddedIn, entriesById } from './catalog';
import { json } from './json';
import { getDb } from './runtime';

/** A file of content/bots by id, as validated at build. */
async function botFile(id: string): Promise<BotFile | undefined> {
  return (await entriesById('bots')).get(id)?.data as BotFile | undefined;
}

/** A bot by id (never an exercise), as validated at build. */
export async function getBot(id: string): Promise<Bot | undefined> {
  return (await getBotWithSource(id))?.bot;
}

/** A bot and the YAML it was written in (shown under "view the flow"), from one read of its file. */
export async function getBotWithSource(
  id: string,
): Promise<{ bot: Bot; source: string } | undefined> {
  const file = await botFile(id);
  return file?.kind === 'bot' ? { bot: file.bot, source: file.source } : undefined;
}

export async function getExercise(
  id: string,
): Promise<{ exercise: Exercise; starterSource: string } | undefined> {
  const file = await botFile(id);
  if (file?.kind !== 'exercise') return undefined;
  const starter = await botFile(file.exercise.starter);
  return starter ? { exercise: file.exercise, starterSource: starter.source } : undefined;
}

interface Embedding {
  courseSlug: string;
  preview: boolean;
}

const perBuild = perBuildMemo(!import.meta.env.DEV);

/**
 * Which lessons embed each bot or exercise, once per build; in `astro dev` on every call, so a bot
 * an author has just added to a lesson can store its chat without a restart.
 */
function lessonsEmbedding(): Promise<Map<string, Embedding[]>> {
  return perBuild('lessons embedding bots', async () => {
    const map = new Map<string, Embedding[]>();
    for (const lesson of (await entriesById('lessons')).values()) {
      const courseSlug = lesson.id.split('/')[0] ?? '';
      const { bots, exercises } = await embeddedIn(lesson);
      for (const id of [...bots, ...exercises])
        map.set(id, [...(map.get(id) ?? []), { courseSlug, preview: lesson.data.preview }]);
    }
    return map;
  });
}

/** The bots and exercises a course's lessons embed (for its report). */
export async function botsInCourse(courseSlug: string): Promise<string[]> {
  return [...(await lessonsEmbedding())]
    .filter(([, places]) => places.some((p) => p.courseSlug === courseSlug))
    .map(([id]) => id)
    .sort();
}

/**
 * Whether the viewer may keep a stored conversation (or exercise) for this bot: it must be in a
 * lesson they can open, and they must be signed in and enrolled (or staff). Everyone else chats
 * in the browser only, which needs no server at all.
 */
export async function canUseStoredBot(viewer: Viewer, id: string): Promise<boolean> {
  if (!viewer) return false;
  const db = await getDb();
  const places = (await lessonsEmbedding()).get(id) ?? [];
  for (const place of places) {
    // One enrollment read answers both: may they open the lesson, and is it stored for them.
    if (tracksProgress(await lessonAccess(db.read, viewer, place.courseSlug, place))) return true;
  }
  return false;
}

/**
 * The signed-in viewer allowed a stored conversation with `id`, or the JSON error to answer with
 * (401 anonymous, 403 not enrolled in a course that uses it).
 */
export async function storedBotViewer(
  user: SessionUser | null,
  id: string,
): Promise<
  | { ok: true; viewer: { id: number; role: SessionUser['role'] } }
  | { ok: false; response: Response }
> {
  if (!user) return { ok: false, response: json({ error: 'login-required' }, 401) };
  const viewer = { id: user.id, role: user.role };
  if (!(await canUseStoredBot(viewer, id)))
    return { ok: false, response: json({ error: 'not-enrolled' }, 403) };
  return { ok: true, viewer };
}
