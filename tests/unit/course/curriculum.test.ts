import { describe, expect, it } from 'vitest';
import {
  buildCurriculum,
  findLesson,
  neighbours,
  previewLessons,
  type Curriculum,
} from '~/lib/course/curriculum';
import {
  course,
  COURSE_SLUG,
  DRAFT_SLUG,
  FIRST_MODULE,
  MINUTES,
  PREVIEW_SLUGS,
  READING_ORDER,
  SECOND_MODULE,
  shuffledLessons,
} from './fixtures';

const slugs = (curriculum: Curriculum) => curriculum.lessons.map((l) => l.slug);
const published = () => buildCurriculum(COURSE_SLUG, course(), shuffledLessons(), false);
const withDrafts = () => buildCurriculum(COURSE_SLUG, course(), shuffledLessons(), true);

describe('buildCurriculum', () => {
  it('orders lessons by module as listed in the course, then by order', () => {
    const curriculum = published();
    expect(slugs(curriculum)).toEqual(READING_ORDER);
    expect(curriculum.modules.map((m) => [m.id, m.lessons.map((l) => l.slug)])).toEqual([
      [FIRST_MODULE, ['welcome', 'first-bot']],
      [SECOND_MODULE, ['campaigns', 'measuring']],
    ]);
  });

  it('keeps the course, its slug and module details', () => {
    const curriculum = published();
    expect(curriculum.slug).toBe(COURSE_SLUG);
    expect(curriculum.course).toEqual(course());
    expect(curriculum.modules[0]).toMatchObject(course().modules[0]!);
  });

  it("leaves out other courses' lessons and lessons outside any module", () => {
    const all = slugs(withDrafts());
    expect(all).not.toContain('elsewhere');
    expect(all).not.toContain('stray');
  });

  it('drops drafts by default', () => {
    expect(slugs(published())).not.toContain(DRAFT_SLUG);
  });

  it('keeps drafts in place when includeDrafts is set', () => {
    expect(slugs(withDrafts())).toEqual([
      'welcome',
      'first-bot',
      DRAFT_SLUG,
      'campaigns',
      'measuring',
    ]);
  });

  it('adds up minutes per module and for the course', () => {
    const curriculum = published();
    expect(curriculum.modules.map((m) => m.minutes)).toEqual([
      MINUTES[FIRST_MODULE],
      MINUTES[SECOND_MODULE],
    ]);
    expect(curriculum.minutes).toBe(MINUTES[FIRST_MODULE] + MINUTES[SECOND_MODULE]);
  });

  it('keeps a module without lessons, with no minutes', () => {
    const curriculum = buildCurriculum(
      COURSE_SLUG,
      course(),
      shuffledLessons().filter((l) => l.data.module !== SECOND_MODULE),
      false,
    );
    expect(curriculum.modules[1]).toMatchObject({ id: SECOND_MODULE, lessons: [], minutes: 0 });
  });

  it('does not reorder the input', () => {
    const input = shuffledLessons();
    const before = input.map((l) => l.slug);
    buildCurriculum(COURSE_SLUG, course(), input, false);
    expect(input.map((l) => l.slug)).toEqual(before);
  });
});

describe('neighbours', () => {
  const curriculum = published();

  it('has no previous lesson for the first one', () => {
    const { previous, next } = neighbours(curriculum, READING_ORDER[0]!);
    expect(previous).toBeNull();
    expect(next?.slug).toBe(READING_ORDER[1]);
  });

  it('has no next lesson for the last one', () => {
    const { previous, next } = neighbours(curriculum, READING_ORDER.at(-1)!);
    expect(previous?.slug).toBe(READING_ORDER.at(-2));
    expect(next).toBeNull();
  });

  it('crosses module boundaries', () => {
    const { previous, next } = neighbours(curriculum, 'first-bot');
    expect(previous?.slug).toBe('welcome');
    expect(next?.slug).toBe('campaigns');
  });

  it('has neither for a lesson not in the curriculum (e.g. a hidden draft)', () => {
    expect(neighbours(curriculum, DRAFT_SLUG)).toEqual({ previous: null, next: null });
    expect(neighbours(curriculum, 'missing')).toEqual({ previous: null, next: null });
  });
});

describe('findLesson', () => {
  it('finds a lesson by slug', () => {
    expect(findLesson(published(), 'campaigns')).toMatchObject({
      slug: 'campaigns',
      courseSlug: COURSE_SLUG,
    });
  });

  it('finds nothing for drafts when they are hidden, or for unknown slugs', () => {
    expect(findLesson(published(), DRAFT_SLUG)).toBeUndefined();
    expect(findLesson(withDrafts(), DRAFT_SLUG)?.slug).toBe(DRAFT_SLUG);
    expect(findLesson(published(), 'missing')).toBeUndefined();
  });
});

describe('previewLessons', () => {
  it('lists the preview lessons in reading order', () => {
    expect(previewLessons(published()).map((l) => l.slug)).toEqual(PREVIEW_SLUGS);
  });
});
