import { getCollection } from 'astro:content';
import { describe, expect, it } from 'vitest';
import { revokeEnrollment } from '~/lib/enrollment/enrollment';
import { botsInCourse, canUseStoredBot, getBot, getExercise, storedBotViewer } from '~/server/bots';
import { getDb } from '~/server/runtime';
import { enrolledPerson, person } from './people';

/** Bots and exercises as lessons embed them, over the project's own content and a real database. */

const ORGANIZING = 'chatbots-for-organizing';
const lessons = await getCollection('lessons');
/** Bot ids embedded in a course's lessons, read from the MDX here to compare with botsInCourse. */
const embeddedIn = (course: string, preview: boolean) =>
  new Set(
    lessons
      .filter((l) => l.id.startsWith(`${course}/`) && l.data.preview === preview)
      .flatMap((l) =>
        [...(l.body ?? '').matchAll(/\b(?:bot|exercise)="([^"]+)"/g)].map((m) => m[1]!),
      ),
  );
const gatedBot = [...embeddedIn(ORGANIZING, false)].find(
  (id) => !embeddedIn(ORGANIZING, true).has(id),
)!;

describe('getBot and getExercise', () => {
  it('find a bot, and an exercise with its starter’s source, and never one for the other', async () => {
    const bot = await getBot('rides-to-polls');
    expect(bot?.id).toBe('rides-to-polls');
    expect(await getBot('rides-exercise')).toBeUndefined();
    expect(await getBot('no-such-bot')).toBeUndefined();

    const exercise = await getExercise('rides-exercise');
    expect(exercise?.exercise.checks.length).toBeGreaterThan(0);
    expect(exercise?.starterSource).toContain(`id: ${exercise?.exercise.starter}`);
    expect(await getExercise('rides-to-polls')).toBeUndefined();
  });
});

describe('botsInCourse', () => {
  it('lists the bots and exercises the course’s lessons embed, sorted, and nothing for an unknown course', async () => {
    const expected = [
      ...new Set([...embeddedIn(ORGANIZING, false), ...embeddedIn(ORGANIZING, true)]),
    ].sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(await botsInCourse(ORGANIZING)).toEqual(expected);
    expect(await botsInCourse('no-such-course')).toEqual([]);
  });
});

describe('stored conversations', () => {
  const enrolled = () => enrolledPerson(ORGANIZING);

  it('the content has a bot that only gated lessons embed', () => {
    expect(gatedBot).toBeDefined();
  });

  it('are for enrolled learners and staff; visitors and learners not enrolled chat in the browser only', async () => {
    const learner = await person();
    expect(await canUseStoredBot(null, gatedBot)).toBe(false);
    expect(await canUseStoredBot(learner, gatedBot)).toBe(false);
    expect(await canUseStoredBot(await enrolled(), gatedBot)).toBe(true);
    expect(await canUseStoredBot(await person('instructor'), gatedBot)).toBe(true);
    // A bot no lesson embeds is nobody's to store.
    expect(await canUseStoredBot(await person('admin'), 'no-such-bot')).toBe(false);
  });

  it('end with the enrollment', async () => {
    const learner = await enrolled();
    expect(await canUseStoredBot(learner, gatedBot)).toBe(true);
    await revokeEnrollment(await getDb(), {
      userId: learner.id,
      courseSlug: ORGANIZING,
      actorId: null,
    });
    expect(await canUseStoredBot(learner, gatedBot)).toBe(false);
  });

  it('answer a visitor 401 and a learner not enrolled 403, in JSON', async () => {
    const anonymous = await storedBotViewer(null, gatedBot);
    expect(anonymous.ok).toBe(false);
    if (!anonymous.ok) {
      expect(anonymous.response.status).toBe(401);
      expect(await anonymous.response.json()).toEqual({ error: 'login-required' });
    }
    const outsider = await storedBotViewer(await person(), gatedBot);
    expect(outsider.ok).toBe(false);
    if (!outsider.ok) {
      expect(outsider.response.status).toBe(403);
      expect(await outsider.response.json()).toEqual({ error: 'not-enrolled' });
    }
    const learner = await enrolled();
    expect(await storedBotViewer(learner, gatedBot)).toEqual({
      ok: true,
      viewer: { id: learner.id, role: 'learner' },
    });
  });
});
