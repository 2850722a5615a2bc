import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '~/lib/content/check';
import { formatProblem, type ContentProblem } from '~/lib/content/problems';
import {
  BOT_ID,
  COURSE_SLUG,
  editFixtureFile,
  FILES,
  FIRST_MODULE,
  FREE_PRICE,
  INSTRUCTOR_ID,
  positionOf,
  QUIZ_ID,
  readFixtureFile,
  removeContentTrees,
  writeValidContent,
} from './fixture';

const errorsOf = (root: string): ContentProblem[] => checkContent(root).filter((p) => p.severity === 'error');

/** The one error in `errors`: in `file`, at `at`, with a message matching every pattern. */
function expectOnlyError(errors: ContentProblem[], file: string, at: { line: number; column?: number }, patterns: (string | RegExp)[]): ContentProblem {
  expect(errors, formatList(errors)).toHaveLength(1);
  const [problem] = errors as [ContentProblem];
  expect(problem.file).toBe(file);
  expect(problem.line).toBe(at.line);
  if (at.column !== undefined) expect(problem.column).toBe(at.column);
  for (const pattern of patterns) expect(problem.message).toMatch(pattern);
  return problem;
}

/** The check reports exactly one error, in `file` at `at`, its message matching every pattern. */
function expectSingleError(root: string, file: string, at: { line: number; column?: number }, ...patterns: (string | RegExp)[]): ContentProblem {
  return expectOnlyError(errorsOf(root), file, at, patterns);
}

/**
 * Like expectSingleError for course.yaml, looking only at that file: an invalid course.yaml
 * also makes the testimonial report "no course" (see "reports an invalid course.yaml only in
 * its own file" below).
 */
function expectSingleCourseError(root: string, at: { line: number; column?: number }, ...patterns: (string | RegExp)[]): ContentProblem {
  return expectOnlyError(errorsOf(root).filter((p) => p.file === FILES.course), FILES.course, at, patterns);
}

const formatList = (problems: ContentProblem[]) => problems.map(formatProblem).join('\n');

let root: string;
beforeEach(() => {
  root = writeValidContent();
});
afterEach(removeContentTrees);

describe('checkContent on the fixture tree', () => {
  it('finds nothing wrong with the valid tree', () => {
    const problems = checkContent(root);
    expect(problems, formatList(problems)).toEqual([]);
  });

  it('reports an instructor reference with no instructor file at the list entry', () => {
    const text = editFixtureFile(root, FILES.course, `  - ${INSTRUCTOR_ID}\n`, `  - ${INSTRUCTOR_ID}\n  - nobody-here\n`);
    expectSingleError(root, FILES.course, positionOf(text, '- nobody-here', 2), /^instructors:/, /"nobody-here"/, /content\/instructors\/nobody-here\.mdx/);
  });

  it('reports a testimonial that names a missing course at its course line', () => {
    const text = editFixtureFile(root, FILES.testimonial, `course: ${COURSE_SLUG}`, 'course: no-such-course');
    expectSingleError(root, FILES.testimonial, positionOf(text, 'no-such-course'), /^course:/, /"no-such-course"/);
  });

  it('reports a duplicate lesson order in a module on the second file, at its order line', () => {
    const text = editFixtureFile(root, FILES.quizLesson, 'order: 2', 'order: 1');
    const problem = expectSingleError(root, FILES.quizLesson, positionOf(text, 'order: 1', 'order: '.length), /^order 1/, new RegExp(`module "${FIRST_MODULE}"`));
    expect(problem.message).toContain(FILES.firstLesson);
  });

  it('reports a lesson outside any module at its module line', () => {
    const text = editFixtureFile(root, FILES.lastLesson, 'module: going-further', 'module: not-a-module');
    expectSingleError(root, FILES.lastLesson, positionOf(text, 'not-a-module'), /^module "not-a-module" is not a module of course/, new RegExp(COURSE_SLUG));
    // The module it left behind is now empty: a warning on the course, not an error.
    expect(checkContent(root).filter((p) => p.severity === 'warning')).toEqual([
      expect.objectContaining({ file: FILES.course, message: expect.stringMatching(/module "going-further" has no lessons/) }),
    ]);
  });

  describe('prices', () => {
    const FIXED = (amount: string, currency = 'USD') => `price:\n  type: fixed\n  amount: ${amount}\n  currency: ${currency}\n`;
    const PWYC = (minimum: number, suggested: number) => `price:\n  type: pay-what-you-can\n  minimum: ${minimum}\n  suggested: ${suggested}\n  currency: USD\n`;

    it('accepts a fixed price with cents and a pay-what-you-can price', () => {
      editFixtureFile(root, FILES.course, FREE_PRICE, FIXED('12.50', 'EUR'));
      expect(errorsOf(root)).toEqual([]);
      editFixtureFile(root, FILES.course, FIXED('12.50', 'EUR'), PWYC(15, 49));
      expect(errorsOf(root)).toEqual([]);
    });

    it('rejects a negative amount at the amount line', () => {
      const text = editFixtureFile(root, FILES.course, FREE_PRICE, FIXED('-5'));
      expectSingleCourseError(root, positionOf(text, '-5'), /^price\.amount /, /more than 0/);
    });

    it('rejects an amount with three decimals', () => {
      const text = editFixtureFile(root, FILES.course, FREE_PRICE, FIXED('12.345'));
      expectSingleCourseError(root, positionOf(text, '12.345'), /^price\.amount /, /two decimals/);
    });

    it('rejects an unknown currency', () => {
      const text = editFixtureFile(root, FILES.course, FREE_PRICE, FIXED('49', 'XYZ'));
      expectSingleCourseError(root, positionOf(text, 'XYZ'), /^price\.currency /, /USD/);
    });

    it('rejects pay-what-you-can with the suggested amount below the minimum, at the suggested line', () => {
      const text = editFixtureFile(root, FILES.course, FREE_PRICE, PWYC(20, 10));
      expectSingleCourseError(root, positionOf(text, 'suggested: 10', 'suggested: '.length), /^price\.suggested /, /below minimum/);
    });

    it('rejects an unknown price type, at the type', () => {
      const text = editFixtureFile(root, FILES.course, FREE_PRICE, 'price:\n  type: donation\n');
      expectSingleCourseError(root, positionOf(text, 'donation'), /^price\.type /, /free, fixed or pay-what-you-can/);
    });
  });

  // Bug: once course.yaml fails its schema the course is left out of the known courses, so every
  // testimonial of that course also gets "course: no course "<slug>"" although the folder exists.
  it('reports an invalid course.yaml only in its own file', () => {
    editFixtureFile(root, FILES.course, 'level: beginner', 'level: expert');
    expect(errorsOf(root).filter((p) => p.file !== FILES.course)).toEqual([]);
  });

  it('reports a schema error in course.yaml by field, at its value', () => {
    const text = editFixtureFile(root, FILES.course, 'level: beginner', 'level: expert');
    expectSingleCourseError(root, positionOf(text, 'expert'), /^level /);
  });

  it('reports an unknown frontmatter field by name at its line', () => {
    const text = editFixtureFile(root, FILES.firstLesson, 'duration: 10\n', 'duration: 10\ncolour: blue\n');
    // The line is the field's; the column may be its key's or its value's.
    const problem = expectSingleError(root, FILES.firstLesson, { line: positionOf(text, 'colour').line }, /^unknown field "colour"$/);
    expect([positionOf(text, 'colour').column, positionOf(text, 'blue').column]).toContain(problem.column);
  });

  it('reports a missing required field by name', () => {
    const text = editFixtureFile(root, FILES.lastLesson, 'summary: What to do next.\n', '');
    // Nothing to point at: the start of the frontmatter (line 2, after the opening ---).
    expectSingleError(root, FILES.lastLesson, positionOf(text, 'title:'), /^summary is required$/);
  });

  // Bug: problems.ts recognises a missing field only by zod's default "received undefined"
  // wording, so a missing enum field or a field with a custom type message is not called missing.
  it.each([
    ['level', 'level: beginner\n'],
    ['price.amount', '  amount: 49\n'],
  ])('reports a missing %s as required', (field, line) => {
    editFixtureFile(root, FILES.course, FREE_PRICE, 'price:\n  type: fixed\n  amount: 49\n  currency: USD\n');
    editFixtureFile(root, FILES.course, line, '');
    // Nothing to point at: the nearest parent (the top of the file, or the price: key).
    const problem = expectSingleCourseError(root, { line: field === 'level' ? 1 : positionOf(readFixtureFile(root, FILES.course), 'price:').line });
    expect(problem.message).toBe(`${field} is required`);
  });

  it('reports a YAML syntax error in a YAML file at its line and column', () => {
    const text = editFixtureFile(root, FILES.course, 'level: beginner', 'level: beginner: really');
    expectSingleCourseError(root, positionOf(text, 'beginner: really'), /^YAML syntax: /);
  });

  it('reports a YAML syntax error in frontmatter at its line in the file', () => {
    const text = editFixtureFile(root, FILES.lastLesson, 'summary: What to do next.', 'summary: Next: what to do');
    expectSingleError(root, FILES.lastLesson, positionOf(text, 'Next: what'), /^YAML syntax: /);
  });

  it('reports duplicate keys as a YAML error at the second key', () => {
    const text = editFixtureFile(root, FILES.lastLesson, 'duration: 5\n', 'duration: 5\nduration: 6\n');
    expectSingleError(root, FILES.lastLesson, positionOf(text, 'duration: 6'), /^YAML syntax: /, /unique/);
  });

  it('reports a file without frontmatter', () => {
    editFixtureFile(root, FILES.instructor, '---\nname:', 'name:');
    expectSingleError(root, FILES.instructor, { line: 1, column: 1 }, /frontmatter/);
  });

  describe('quizzes', () => {
    const PLACED = `<Quiz id="${QUIZ_ID}" />`;

    it('reports a declared quiz that is not placed, at its id', () => {
      const text = editFixtureFile(root, FILES.quizLesson, PLACED, '');
      expectSingleError(root, FILES.quizLesson, positionOf(text, `id: ${QUIZ_ID}`, 'id: '.length), new RegExp(`quiz "${QUIZ_ID}"`), /found 0/);
    });

    it('reports a quiz placed twice', () => {
      const text = editFixtureFile(root, FILES.quizLesson, PLACED, `${PLACED}\n\n${PLACED}`);
      expectSingleError(root, FILES.quizLesson, positionOf(text, `id: ${QUIZ_ID}`, 'id: '.length), /found 2/);
    });

    it('reports a placed <Quiz id> that is not declared, at the tag', () => {
      const ghost = '<Quiz id="ghost" />';
      const text = editFixtureFile(root, FILES.firstLesson, 'Welcome to the course.', `Welcome to the course.\n\n${ghost}`);
      expectSingleError(root, FILES.firstLesson, positionOf(text, ghost), /<Quiz id="ghost">/, /quizzes:/);
    });

    // Bug: quizzes are matched to <Quiz> tags by id only, so a second quiz with the same id counts
    // as placed by the first one's tag and is never reported, though it can never be shown.
    it('reports a quiz id declared twice in one lesson', () => {
      const quizBlock = readFixtureFile(root, FILES.quizLesson).match(/ {2}- id: [\s\S]*?explanation: .*\n/)![0];
      const text = editFixtureFile(root, FILES.quizLesson, quizBlock, quizBlock + quizBlock);
      const second = text.indexOf(`id: ${QUIZ_ID}`, text.indexOf(`id: ${QUIZ_ID}`) + 1);
      const errors = errorsOf(root);
      expect(errors, formatList(errors)).toHaveLength(1);
      expect(errors[0]).toMatchObject({ file: FILES.quizLesson, line: text.slice(0, second).split('\n').length });
      expect(errors[0]!.message).toContain(QUIZ_ID);
    });

    it('reports an answer that points past the options, at the answer line', () => {
      const text = editFixtureFile(root, FILES.quizLesson, 'answer: 1', 'answer: 3');
      expectSingleError(root, FILES.quizLesson, positionOf(text, 'answer: 3', 'answer: '.length), /^quizzes\.0\.answer /, /one of the options/);
    });

    it('reports requiresQuiz on a lesson without quizzes, at requiresQuiz', () => {
      const text = editFixtureFile(root, FILES.lastLesson, 'duration: 5\n', 'duration: 5\nrequiresQuiz: true\n');
      expectSingleError(root, FILES.lastLesson, positionOf(text, 'requiresQuiz: true', 'requiresQuiz: '.length), /^requiresQuiz /);
    });
  });

  it('reports a <SandboxBot> naming no bot, at the tag', () => {
    const tag = '<SandboxBot bot="nope" />';
    const text = editFixtureFile(root, FILES.firstLesson, `<SandboxBot bot="${BOT_ID}" />`, `Some words first. ${tag}`);
    expectSingleError(root, FILES.firstLesson, positionOf(text, tag), /<SandboxBot bot="nope">/, /content\/bots/);
  });

  it.each([
    ['an unknown course', '/courses/x/lessons/missing'],
    ['an unknown lesson of a known course', `/courses/${COURSE_SLUG}/lessons/missing`],
    ['an unknown instructor', '/instructors/nobody'],
    ['an unknown section', '/nowhere'],
  ])('reports a broken internal link to %s on its line', (_, path) => {
    const text = editFixtureFile(root, FILES.lastLesson, 'You finished.', `You finished.\n\nAlso read [this](${path}).`);
    expectSingleError(root, FILES.lastLesson, { line: positionOf(text, path).line }, `broken link: ${path} `);
  });

  it.each(['/', '/es/', `/es/courses/${COURSE_SLUG}/lessons/wrap-up`, `/courses/${COURSE_SLUG}/`, '/login', '/signup', '/dashboard', '/values'])(
    'accepts a link to the site page %s',
    (path) => {
      editFixtureFile(root, FILES.lastLesson, 'You finished.', `You finished. See [this](${path}) and <a href="${path}">that</a>.`);
      expect(errorsOf(root)).toEqual([]);
    },
  );

  // Bug: the link check only knows a fixed list of sections, so links to pages that exist
  // (src/pages/[...lang]/account.astro, forgot-password.astro) are reported as broken.
  it.each(['/account', '/forgot-password'])('accepts a link to the existing page %s', (path) => {
    editFixtureFile(root, FILES.lastLesson, 'You finished.', `You finished. See [this](${path}).`);
    expect(errorsOf(root)).toEqual([]);
  });

  it('reports a bot file lint error with its line', () => {
    const text = editFixtureFile(root, FILES.bot, 'goto: ask-time', 'goto: ask-tme');
    expectSingleError(root, FILES.bot, positionOf(text, 'goto: ask-tme'), /"ask-tme"/, /no step/);
  });

  it('reports a bot whose id does not match its file name', () => {
    editFixtureFile(root, FILES.bot, `id: ${BOT_ID}`, 'id: other-bot');
    expectSingleError(root, FILES.bot, { line: 1, column: 1 }, /"other-bot"/, new RegExp(`${BOT_ID}\\.yaml`));
  });

  it('reports a missing participation values page', () => {
    rmSync(join(root, FILES.values));
    expectSingleError(root, FILES.values, { line: 1, column: 1 }, /participation values/);
  });

  it('reports a course folder without course.yaml', () => {
    rmSync(join(root, FILES.course));
    const errors = errorsOf(root);
    expect(errors).toContainEqual(expect.objectContaining({ file: `content/courses/${COURSE_SLUG}`, message: 'course folder has no course.yaml' }));
  });

  it('sorts problems by file, then line', () => {
    editFixtureFile(root, FILES.testimonial, `course: ${COURSE_SLUG}`, 'course: no-such-course');
    editFixtureFile(root, FILES.course, `  - ${INSTRUCTOR_ID}\n`, '  - nobody-here\n  - nobody-either\n');
    const problems = errorsOf(root);
    expect(problems.map((p) => p.file)).toEqual([FILES.course, FILES.course, FILES.testimonial]);
    expect(problems[0]!.line).toBeLessThan(problems[1]!.line);
  });
});

describe('formatProblem', () => {
  it('prints file:line:column severity message', () => {
    const problem: ContentProblem = { file: FILES.course, line: 7, column: 11, severity: 'error', message: 'price.amount must be more than 0' };
    expect(formatProblem(problem)).toBe(`${FILES.course}:7:11 error price.amount must be more than 0`);
    expect(formatProblem({ ...problem, severity: 'warning' })).toBe(`${FILES.course}:7:11 warning price.amount must be more than 0`);
  });
});

describe('sources and review dates', () => {
  const SOURCES = 'reviewed: 2026-11-01\nsources:\n  - title: Revocation order\n    publisher: FCC\n    url: https://docs.fcc.gov/public/attachments/FCC-24-24A1.pdf\n    date: 2024-02-16\n';

  it('fails a lesson that states a rule but lists no sources, at the rule', () => {
    const text = editFixtureFile(root, FILES.firstLesson, 'preview: true\n---\n', 'preview: true\n---\n\n<Callout type="rule">Opt-outs win.</Callout>\n');
    const errors = errorsOf(root);
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/lists no sources/), expect.stringMatching(/has no reviewed: date/)]);
    expect(errors[0]!.line).toBe(positionOf(text, '<Callout type="rule"').line);
  });

  it('accepts it with sources and a review date, and warns once the review is a year old', () => {
    editFixtureFile(root, FILES.firstLesson, 'preview: true\n---\n', `preview: true\n${SOURCES}---\n\n<Callout type="rule">Opt-outs win.</Callout>\n`);
    expect(errorsOf(root)).toEqual([]);
    editFixtureFile(root, FILES.firstLesson, 'reviewed: 2026-11-01', 'reviewed: 2024-01-01');
    const warnings = checkContent(root).filter((p) => p.severity === 'warning');
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^due for review: last reviewed \d+ days ago/)]);
  });
});
