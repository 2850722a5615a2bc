import { describe, expect, it } from 'vitest';
import { buildCurriculum } from '~/lib/course/curriculum';
import { courseJsonLd } from '~/lib/course/structured-data';
import type { Price } from '~/lib/content/schemas';
import {
  course,
  COURSE_SLUG,
  FIXED_49_USD,
  MINUTES,
  PWYC_15_TO_49_EUR,
  shuffledLessons,
} from './fixtures';

const COURSE_URL = `https://botcamp.example/courses/${COURSE_SLUG}`;
const INSTRUCTORS = [
  { name: 'Ada Organizer', url: 'https://botcamp.example/instructors/ada-organizer' },
  { name: 'Sam Trainer', url: 'https://botcamp.example/instructors/sam-trainer' },
];
const TOTAL_MINUTES = MINUTES['getting-started'] + MINUTES['going-further'];

function jsonLd(price?: Price) {
  const curriculum = buildCurriculum(COURSE_SLUG, course(price), shuffledLessons(), false);
  return courseJsonLd({ curriculum, url: COURSE_URL, instructors: INSTRUCTORS });
}

describe('courseJsonLd', () => {
  it('describes a schema.org Course', () => {
    const data = jsonLd();
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: course().title,
      description: course().description,
      url: COURSE_URL,
      inLanguage: 'en',
      educationalLevel: 'beginner',
      teaches: course().outcomes,
    });
  });

  it('offers a free course at price 0', () => {
    expect(jsonLd().offers).toEqual([
      { '@type': 'Offer', price: 0, priceCurrency: 'USD', category: 'Free' },
    ]);
  });

  it('offers a fixed-price course at its amount and currency', () => {
    expect(jsonLd(FIXED_49_USD).offers).toEqual([
      { '@type': 'Offer', price: 49, priceCurrency: 'USD', category: 'Paid' },
    ]);
  });

  it('offers a pay-what-you-can course from its minimum', () => {
    expect(jsonLd(PWYC_15_TO_49_EUR).offers).toEqual([
      { '@type': 'Offer', price: 15, priceCurrency: 'EUR', category: 'Paid' },
    ]);
  });

  it('lists the instructors as Persons, in order', () => {
    expect(jsonLd().instructor).toEqual(
      INSTRUCTORS.map((i) => ({ '@type': 'Person', name: i.name, url: i.url })),
    );
  });

  it('gives the published workload as an ISO 8601 duration', () => {
    const data = jsonLd();
    expect(data.timeRequired).toBe(`PT${TOTAL_MINUTES}M`);
    expect(data.hasCourseInstance).toEqual([
      { '@type': 'CourseInstance', courseMode: 'Online', courseWorkload: `PT${TOTAL_MINUTES}M` },
    ]);
  });

  it('is plain JSON', () => {
    const data = jsonLd(FIXED_49_USD);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
