/**
 * Guards on the content shipped with Botcamp: it passes the content check, and the demo and paid
 * courses keep the shape the site and its end-to-end tests rely on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '~/lib/content/check';
import { formatProblem } from '~/lib/content/problems';
import { courseSchema, lessonSchema, testimonialSchema, type Course, type Lesson } from '~/lib/content/schemas';
import { parseFrontmatterSource, parseYamlSource } from '~/lib/content/source';
import { PROJECT_ROOT } from './fixture';

const DEMO_COURSE = 'chatbots-for-organizing';
const PAID_COURSE = 'texting-for-turnout';
const MIN_WORDS_PER_LESSON = 350;
const MIN_TESTIMONIALS = 6;

const CONTENT_DIR = join(PROJECT_ROOT, 'content');

interface ShippedLesson {
  slug: string;
  data: Lesson;
  body: string;
}

function readCourse(slug: string): Course {
  return courseSchema.parse(parseYamlSource(readFileSync(join(CONTENT_DIR, 'courses', slug, 'course.yaml'), 'utf8')).data);
}

/** The course's lessons in its default language (translations live in subfolders). */
function readLessons(slug: string): ShippedLesson[] {
  const dir = join(CONTENT_DIR, 'courses', slug, 'lessons');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.mdx'))
    .map((entry) => {
      const parsed = parseFrontmatterSource(readFileSync(join(dir, entry.name), 'utf8'));
      if ('error' in parsed) throw new Error(`${entry.name}: ${parsed.error}`);
      return { slug: entry.name.replace(/\.mdx$/, ''), data: lessonSchema.parse(parsed.data), body: parsed.body };
    })
    .filter((lesson) => !lesson.data.draft);
}

/** Words a reader sees: the MDX body without import/export lines, component tags or comments. */
function countWords(body: string): number {
  const prose = body
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/\{\/\*[\s\S]*?\*\/\}|<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[A-Z][\w.]*\b[^>]*>/g, ' ');
  return prose.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}

describe('countWords', () => {
  it('counts prose and leaves out component tags and punctuation-only tokens', () => {
    expect(countWords('Two words\n\n<Quiz id="a-quiz" />\n\n<Callout type="tip" title="Not counted">\nThree more words\n</Callout>\n\n| --- |')).toBe(5);
  });
});

describe('the shipped content', () => {
  it('passes the content check with no errors', () => {
    const errors = checkContent(PROJECT_ROOT).filter((p) => p.severity === 'error');
    expect(errors.map(formatProblem)).toEqual([]);
  });

  describe(`the demo course (${DEMO_COURSE})`, () => {
    const course = readCourse(DEMO_COURSE);
    const lessons = readLessons(DEMO_COURSE);

    it('is free, with at least 4 modules and 14 lessons', () => {
      expect(course.price.type).toBe('free');
      expect(course.modules.length).toBeGreaterThanOrEqual(4);
      expect(lessons.length).toBeGreaterThanOrEqual(14);
    });

    it(`has at least ${MIN_WORDS_PER_LESSON} words in every lesson`, () => {
      const short = lessons.map((l) => ({ slug: l.slug, words: countWords(l.body) })).filter((l) => l.words < MIN_WORDS_PER_LESSON);
      expect(short).toEqual([]);
    });

    it('has exactly 2 preview lessons', () => {
      expect(lessons.filter((l) => l.data.preview)).toHaveLength(2);
    });

    it('puts every lesson in one of its modules', () => {
      const moduleIds = course.modules.map((m) => m.id);
      for (const lesson of lessons) expect(moduleIds, lesson.slug).toContain(lesson.data.module);
    });
  });

  describe(`the paid course (${PAID_COURSE})`, () => {
    const course = readCourse(PAID_COURSE);
    const lessons = readLessons(PAID_COURSE);

    it('is not free, with 1 module, 3 lessons and 1 preview', () => {
      expect(course.price.type).not.toBe('free');
      expect(course.modules).toHaveLength(1);
      expect(lessons).toHaveLength(3);
      expect(lessons.filter((l) => l.data.preview)).toHaveLength(1);
    });
  });

  it(`has at least ${MIN_TESTIMONIALS} testimonials, all marked as samples`, () => {
    const dir = join(CONTENT_DIR, 'testimonials');
    const testimonials = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => ({ name, data: testimonialSchema.parse(parseYamlSource(readFileSync(join(dir, name), 'utf8')).data) }));
    expect(testimonials.length).toBeGreaterThanOrEqual(MIN_TESTIMONIALS);
    expect(testimonials.filter((t) => t.data.sample !== true).map((t) => t.name)).toEqual([]);
  });
});
