import type { Lesson } from './schemas';
import { problemAt, type ContentProblem } from './problems';
import { daysSinceReview, isOverdue } from './review';

interface LessonFile {
  file: string;
  course: string;
  data: Lesson;
  body: string;
  bodyLine: number;
  source: { locate(path: PropertyKey[]): { line: number; column: number } };
}

interface Known {
  /** Files of content/bots by id: a bot, an exercise, or null when the file itself has errors. */
  botKinds: ReadonlyMap<string, 'bot' | 'exercise' | null>;
  lessonIds: ReadonlySet<string>;
  courseSlugs: ReadonlySet<string>;
  instructorIds: ReadonlySet<string>;
}

const COMPONENT = /<(Quiz|SandboxBot|BotPlayground)\b([^>]*)\/?>/g;
/** A section stating a rule of law or of a platform: the lesson must then cite its sources. */
const RULE_SECTION = /<Callout\b[^>]*\btype="rule"/;
const LINK = /\]\((\/[^)\s#?]*)|href="(\/[^"#?]*)"/g;

function attribute(attrs: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
}

/** One `<Quiz>`, `<SandboxBot>` or `<BotPlayground>` written in a lesson, where it starts and its attributes. */
export interface EmbeddedComponent {
  name: 'Quiz' | 'SandboxBot' | 'BotPlayground';
  index: number;
  attribute(name: string): string | undefined;
}

/**
 * The interactive components a lesson's MDX embeds, in order. One reading of the body for the
 * content check, the lesson loader (which loads each bot's state before the page renders) and
 * the reports (which bots a course uses).
 * @example embeddedComponents('<SandboxBot bot="rides" />')[0]?.attribute('bot') // 'rides'
 */
export function embeddedComponents(body: string): EmbeddedComponent[] {
  return [...body.matchAll(COMPONENT)].map((match) => {
    const attrs = match[2] ?? '';
    return { name: match[1] as EmbeddedComponent['name'], index: match.index, attribute: (name: string) => attribute(attrs, name) };
  });
}

/** The bots (`<SandboxBot bot>`) and exercises (`<BotPlayground exercise>`) a lesson embeds, by id. */
export function embeddedBots(body: string): { bots: string[]; exercises: string[] } {
  const components = embeddedComponents(body);
  const ids = (name: EmbeddedComponent['name'], key: string) => [...new Set(components.filter((c) => c.name === name).map((c) => c.attribute(key)).filter((id): id is string => !!id))];
  return { bots: ids('SandboxBot', 'bot'), exercises: ids('BotPlayground', 'exercise') };
}

/**
 * Checks what a lesson's MDX body refers to: quizzes declared in its frontmatter, bots in
 * content/bots, and links to other pages of the site.
 */
export function checkLessonBody(lesson: LessonFile, known: Known, today: Date = new Date()): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const rule = RULE_SECTION.exec(lesson.body);
  if (rule) {
    const where = { line: lesson.bodyLine + (lesson.body.slice(0, rule.index).match(/\n/g)?.length ?? 0), column: 1 };
    if (lesson.data.sources.length === 0) problems.push(problemAt(lesson.file, where, 'this lesson states a rule (<Callout type="rule">) but lists no sources: add sources: with title, publisher, url and date'));
    if (!lesson.data.reviewed) problems.push(problemAt(lesson.file, where, 'this lesson states a rule (<Callout type="rule">) but has no reviewed: date'));
  }
  if (lesson.data.reviewed) {
    const days = daysSinceReview(lesson.data.reviewed, today);
    if (isOverdue(lesson.data.reviewed, today)) problems.push(problemAt(lesson.file, lesson.source.locate(['reviewed']), `due for review: last reviewed ${days} days ago (check its rules against the sources again, then update reviewed:)`, 'warning'));
    if (days < -1) problems.push(problemAt(lesson.file, lesson.source.locate(['reviewed']), 'reviewed: is in the future'));
  }
  const lineOf = (index: number) => lesson.bodyLine + (lesson.body.slice(0, index).match(/\n/g)?.length ?? 0);
  const columnOf = (index: number) => index - lesson.body.lastIndexOf('\n', index - 1);
  const at = (index: number) => ({ line: lineOf(index), column: columnOf(index) });

  const placed = new Map<string, number>();
  for (const component of embeddedComponents(lesson.body)) {
    const { name, index } = component;
    if (name === 'Quiz') {
      const id = component.attribute('id');
      if (!id) problems.push(problemAt(lesson.file, at(index), '<Quiz> needs an id="…" naming a quiz from the frontmatter'));
      else if (!lesson.data.quizzes.some((q) => q.id === id)) problems.push(problemAt(lesson.file, at(index), `<Quiz id="${id}"> is not declared under quizzes: in the frontmatter`));
      else placed.set(id, (placed.get(id) ?? 0) + 1);
    } else if (name === 'SandboxBot') {
      const bot = component.attribute('bot');
      if (!refersTo(known, bot, 'bot')) problems.push(problemAt(lesson.file, at(index), `<SandboxBot bot="${bot ?? ''}"> names no working bot in content/bots/`));
      const channel = component.attribute('channel');
      if (channel && channel !== 'sms' && channel !== 'messenger') problems.push(problemAt(lesson.file, at(index), `<SandboxBot channel="${channel}"> must be sms or messenger`));
    } else {
      for (const [key, kind] of [['starter', 'bot'], ['exercise', 'exercise']] as const) {
        const id = component.attribute(key);
        if (!refersTo(known, id, kind)) problems.push(problemAt(lesson.file, at(index), `<BotPlayground ${key}="${id ?? ''}"> names no working ${kind} in content/bots/`));
      }
    }
  }
  const declared = new Set<string>();
  lesson.data.quizzes.forEach((quiz, i) => {
    if (declared.has(quiz.id)) problems.push(problemAt(lesson.file, lesson.source.locate(['quizzes', i, 'id']), `quiz id "${quiz.id}" is declared twice in this lesson`));
    declared.add(quiz.id);
    const count = placed.get(quiz.id) ?? 0;
    if (count !== 1) {
      problems.push(problemAt(lesson.file, lesson.source.locate(['quizzes', i, 'id']), `quiz "${quiz.id}" must be placed once in the lesson with <Quiz id="${quiz.id}" /> (found ${count})`));
    }
  });
  if (lesson.data.requiresQuiz && lesson.data.quizzes.length === 0) {
    problems.push(problemAt(lesson.file, lesson.source.locate(['requiresQuiz']), 'requiresQuiz is true but the lesson declares no quizzes'));
  }

  for (const match of lesson.body.matchAll(LINK)) {
    const path = (match[1] ?? match[2] ?? '').replace(/\/$/, '');
    if (!linkExists(path, known)) problems.push(problemAt(lesson.file, at(match.index), `broken link: ${path} is not a page of this site`));
  }
  return problems;
}

/** Whether `id` names a file of that kind; a file with its own errors counts (reported there). */
function refersTo(known: Known, id: string | undefined, kind: 'bot' | 'exercise'): boolean {
  if (!id || !known.botKinds.has(id)) return false;
  const actual = known.botKinds.get(id);
  return actual === null || actual === kind;
}

/** Single-segment pages of src/pages/[...lang]/ that lessons may link to. */
const PAGES = new Set(['login', 'signup', 'dashboard', 'values', 'account', 'forgot-password']);

function linkExists(path: string, known: Known): boolean {
  const parts = path.replace(/^\/es(?=\/|$)/, '').split('/').filter(Boolean);
  if (parts.length === 0) return true;
  const [section, first, sub, second] = parts;
  if (section === 'courses' && first) {
    if (!known.courseSlugs.has(first)) return false;
    if (!sub) return true;
    if (sub === 'testimonial') return !second;
    return sub === 'lessons' && !!second && known.lessonIds.has(`${first}/${second}`);
  }
  if (section === 'instructors' && first) return known.instructorIds.has(first);
  return !first && PAGES.has(section ?? '');
}
