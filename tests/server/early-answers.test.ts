import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from '~/lib/auth/cookie';
import type { SessionUser } from '~/lib/auth/user';
import type { EarlyAnswer, EarlyRequest } from '~/lib/http/early-answers';
import { getCurriculum } from '~/server/catalog';
import { asBuilt } from './built';

/**
 * Early answers (src/server/early-answers.ts) over the project's content and a real database, with
 * kept copies on as in a built server. A copy is made the way the framework's path makes one: the
 * lesson route's stamp marks the request, and the kept-pages middleware stores what was rendered.
 */

const COURSE = 'chatbots-for-organizing';
const curriculum = (await getCurriculum(COURSE, 'en'))!;
const gated = curriculum.lessons.find((l) => !l.data.preview && l.data.quizzes.length > 0)!;
const LESSON_PATH = `/courses/${COURSE}/lessons/${gated.slug}`;
const COURSE_PATH = `/courses/${COURSE}`;
const COOKIE = sessionCookieName(false);
const DAY = 24 * 60 * 60 * 1000;

const built = await asBuilt(async () => ({
  early: await import('~/server/early-answers'),
  kept: await import('~/server/kept-pages'),
  lessons: await import('~/server/lesson-page'),
  route: await import('~/server/lesson-route'),
  // Everything that touches the database from the same module graph: on SQLite each graph opens
  // its own in-memory database, and each graph's tables are bound to the engine it opened.
  runtime: await import('~/server/runtime'),
  people: await import('./people'),
  session: await import('~/lib/auth/session'),
  enrollment: await import('~/lib/enrollment/enrollment'),
  quiz: await import('~/lib/progress/quiz'),
  schema: await import('~db/schema'),
}));
const { earlyAnswer } = built.early;

/** The kept answer an early answer sends, or null when it leaves the request to the framework. */
async function answerTo(request: EarlyRequest) {
  const outcome = await earlyAnswer(request);
  return outcome && 'answer' in outcome ? outcome.answer : null;
}
const { getDb } = built.runtime;
const { enrolledPerson, person } = built.people;
const { checkSessionToken, createSession, generateSessionToken, SESSION_TTL_MS } = built.session;
const { revokeEnrollment } = built.enrollment;
const { recordQuizAttempt } = built.quiz;

async function signIn(user: SessionUser, now = new Date()): Promise<string> {
  const token = generateSessionToken();
  await createSession(await getDb(), token, user.id, now);
  return `${COOKIE}=${token}`;
}

const get = (url: string, headers: Record<string, string> = {}): EarlyRequest => ({
  method: 'GET',
  url,
  headers,
});

/**
 * What the framework's path does for a lesson view with no copy yet: renders, and keeps it. The
 * viewer is who the session middleware would make of the cookie.
 */
async function renderLesson(cookie: string, body: string): Promise<void> {
  const check = await checkSessionToken(await getDb(), cookie.slice(`${COOKIE}=`.length));
  if (check?.verdict !== 'valid') throw new Error('expected a valid session');
  const user = check.user;
  const page = await built.lessons.loadLessonPage({
    courseSlug: COURSE,
    lessonSlug: gated.slug,
    locale: 'en',
    user,
    url: new URL(`http://localhost${LESSON_PATH}`),
    returnPath: LESSON_PATH,
  });
  if (page.kind !== 'ok') throw new Error(`expected the lesson, got ${page.kind}`);
  const context = frameworkContext(LESSON_PATH, user);
  await built.kept.keptPages(context as never, async () => {
    expect(built.kept.keptCopy(context, built.lessons.lessonPageStamp(page, user))).toBeUndefined();
    return html(body);
  });
}

/** Puts a learner in a state of their own: an answer to the lesson's first knowledge check. */
async function answerFirstQuiz(user: SessionUser, answer: 'right' | 'wrong'): Promise<void> {
  const quiz = gated.data.quizzes[0]!;
  await recordQuizAttempt(await getDb(), {
    userId: user.id,
    courseSlug: COURSE,
    lessonSlug: gated.slug,
    quiz,
    chosen: answer === 'right' ? quiz.answer : (quiz.answer + 1) % quiz.options.length,
  });
}

function frameworkContext(path: string, user: SessionUser | null, cookie?: string) {
  const request = new Request(`http://localhost${path}`, {
    headers: cookie ? { cookie } : {},
  });
  return {
    request,
    url: new URL(request.url),
    locals: { user, notice: undefined } as unknown as App.Locals,
  };
}

const html = (body: string) =>
  new Response(body, {
    headers: { 'content-type': 'text/html', 'content-security-policy': "default-src 'self'" },
  });

const text = (answer: { body: Uint8Array } | null) =>
  answer && new TextDecoder().decode(answer.body);

describe('a signed-in learner’s lesson', () => {
  let learner: SessionUser;
  let cookie: string;
  beforeAll(async () => {
    learner = await enrolledPerson(COURSE);
    cookie = await signIn(learner);
  });

  it('is answered early once the framework has kept a copy for the learner’s state', async () => {
    expect(await answerTo(get(LESSON_PATH, { cookie }))).toBeNull();
    await renderLesson(cookie, 'lesson as rendered for a newcomer');

    const answer = await answerTo(get(LESSON_PATH, { cookie }));
    expect(text(answer)).toBe('lesson as rendered for a newcomer');
    expect(answer!.status).toBe(200);
    const headers = new Headers(answer!.headers);
    // What the page rendered with, and what the security middleware adds to every answer.
    expect(headers.get('content-type')).toBe('text/html');
    expect(headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(headers.get('cache-control')).toBe('private, no-store');
    expect(headers.get('set-cookie')).toBeNull();
  });

  it('when no copy is kept, hands the framework the lesson it loaded, which the route renders from', async () => {
    const newcomer = await enrolledPerson(COURSE);
    await answerFirstQuiz(newcomer, 'wrong');
    const outcome = await earlyAnswer(get(LESSON_PATH, { cookie: await signIn(newcomer) }));
    if (!outcome || !('loaded' in outcome)) throw new Error('expected what was loaded');
    const early = outcome.loaded.earlyLessonPage as { path: string; page: { kind: string } };
    expect(early.path).toBe(LESSON_PATH);
    expect(early.page.kind).toBe('ok');

    const routed = async (path: string) => {
      const context = {
        ...frameworkContext(path, newcomer),
        routePattern: '/[...lang]/courses/[course]/lessons/[lesson]',
        params: { course: COURSE, lesson: gated.slug },
      };
      Object.assign(context.locals, { locale: 'en', earlyLessonPage: early });
      await built.route.lessonPages(context as never, async () => new Response(''));
      return context.locals.lessonPage;
    };
    expect(await routed(LESSON_PATH)).toBe(early.page);
    // Loaded for another path, it is not used.
    expect(await routed(`${LESSON_PATH}/`)).not.toBe(early.page);
  });

  it('is shared with a learner in the same state, never with one whose state differs', async () => {
    const same = await enrolledPerson(COURSE);
    expect(text(await answerTo(get(LESSON_PATH, { cookie: await signIn(same) })))).toBe(
      'lesson as rendered for a newcomer',
    );

    const answered = await enrolledPerson(COURSE);
    await answerFirstQuiz(answered, 'right');
    expect(await answerTo(get(LESSON_PATH, { cookie: await signIn(answered) }))).toBeNull();
  });

  it('is not answered from a copy after the enrollment is revoked', async () => {
    const revoked = await enrolledPerson(COURSE);
    const revokedCookie = await signIn(revoked);
    expect(await answerTo(get(LESSON_PATH, { cookie: revokedCookie }))).not.toBeNull();
    await revokeEnrollment(await getDb(), {
      userId: revoked.id,
      courseSlug: COURSE,
      actorId: revoked.id,
      reason: 'test',
    });
    expect(await answerTo(get(LESSON_PATH, { cookie: revokedCookie }))).toBeNull();
  });

  it('is left to the framework whenever the answer must do more than send the copy', async () => {
    const declined = [
      { method: 'POST', url: LESSON_PATH, headers: { cookie } },
      { method: 'HEAD', url: LESSON_PATH, headers: { cookie } },
      get(`${LESSON_PATH}?quiz=q&answer=1`, { cookie }),
      get(LESSON_PATH.replace('/lessons/', '/lessons%2F'), { cookie }),
      get(`/${LESSON_PATH}`, { cookie }),
      // A one-time notice is shown once, and its cookie cleared.
      get(LESSON_PATH, { cookie: `${cookie}; notice=account-ready` }),
      // An unknown token: the framework clears the cookie.
      get(LESSON_PATH, { cookie: `${COOKIE}=${generateSessionToken()}` }),
      // An English page for someone who chose Spanish: the framework redirects.
      get(LESSON_PATH, { cookie: `${cookie}; lang=es` }),
    ];
    // Declined before anything is read for the lesson: the framework does all of it.
    for (const request of declined) expect(await earlyAnswer(request), request.url).toBeNull();
  });

  it('is left to the framework when the session is due for renewal, and nothing is written', async () => {
    const signedInLongAgo = new Date(Date.now() - SESSION_TTL_MS + 10 * DAY);
    const renewCookie = await signIn(learner, signedInLongAgo);
    const before = await sessionRows(learner.id);
    expect(await earlyAnswer(get(LESSON_PATH, { cookie: renewCookie }))).toBeNull();
    expect(await sessionRows(learner.id)).toEqual(before);
  });

  it('is left to the framework when the session has expired, which the framework deletes', async () => {
    const expiredCookie = await signIn(learner, new Date(Date.now() - SESSION_TTL_MS - DAY));
    const before = await sessionRows(learner.id);
    expect(await earlyAnswer(get(LESSON_PATH, { cookie: expiredCookie }))).toBeNull();
    expect(await sessionRows(learner.id)).toEqual(before);
  });
});

describe('an anonymous visitor’s public page', () => {
  beforeAll(async () => {
    // A page that may be kept marks itself with its database read; the middleware keeps it.
    const context = frameworkContext(COURSE_PATH, null);
    await built.kept.keptPages(context as never, async () => {
      built.kept.keepThisPage(context, { data: ['read'], read: async () => ['read'] });
      return html('course page as kept');
    });
  });

  it('is answered early, with no signed-in caching rule', async () => {
    const answer = await answerTo(get(COURSE_PATH));
    expect(text(answer)).toBe('course page as kept');
    expect(new Headers(answer!.headers).get('cache-control')).toBeNull();
  });

  it('comes in the encoding the client prefers, compressed once for the copy', async () => {
    const catalog = 'a catalog long enough to be worth compressing. '.repeat(60);
    const context = frameworkContext('/', null);
    await built.kept.keptPages(context as never, async () => {
      built.kept.keepThisPage(context, { data: ['courses'], read: async () => ['courses'] });
      // With the uncompressed length, which must not reach a compressed answer.
      const page = html(catalog);
      page.headers.set('content-length', String(new TextEncoder().encode(catalog).byteLength));
      return page;
    });
    const header = (answer: EarlyAnswer | null, name: string) =>
      new Headers(answer!.headers).get(name);

    const br = await answerTo(get('/', { 'accept-encoding': 'gzip, deflate, br' }));
    expect(header(br, 'content-encoding')).toBe('br');
    expect(header(br, 'content-length')).toBeNull();
    expect(header(br, 'vary')).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br!.body).toString()).toBe(catalog);
    expect((await answerTo(get('/', { 'accept-encoding': 'br' })))!.body).toBe(br!.body);

    const gzipped = await answerTo(get('/', { 'accept-encoding': 'br;q=0.5, gzip' }));
    expect(header(gzipped, 'content-encoding')).toBe('gzip');
    expect(gunzipSync(gzipped!.body).toString()).toBe(catalog);

    const refused = await answerTo(get('/', { 'accept-encoding': 'zstd' }));
    expect(header(refused, 'content-encoding')).toBeNull();
    expect(header(refused, 'vary')).toBe('Accept-Encoding');
    expect(text(refused)).toBe(catalog);
    // A client that asks for nothing takes no part: no encoding, and nothing to vary on.
    const plain = await answerTo(get('/'));
    expect(header(plain, 'content-encoding')).toBeNull();
    expect(header(plain, 'vary')).toBeNull();
    expect(text(plain)).toBe(catalog);
    // A body too small to gain is sent as it is, whatever the client accepts.
    const small = await answerTo(get(COURSE_PATH, { 'accept-encoding': 'br' }));
    expect(header(small, 'content-encoding')).toBeNull();
    expect(text(small)).toBe('course page as kept');
  });

  it('is never answered to a signed-in visitor or one to be sent to their language', async () => {
    const cookie = await signIn(await person());
    expect(await answerTo(get(COURSE_PATH, { cookie }))).toBeNull();
    expect(await answerTo(get(COURSE_PATH, { 'accept-language': 'es-MX,es;q=0.9' }))).toBeNull();
  });
});

async function sessionRows(userId: number) {
  const db = await getDb();
  // Read at call time: the tables are live bindings, pointed at the engine when the database opens.
  const { sessions } = built.schema;
  return db.read.select().from(sessions).where(eq(sessions.userId, userId));
}
