import type { Curriculum } from './curriculum';
import { startingAmount } from './price';

/**
 * schema.org Course data for search engines.
 * @see https://schema.org/Course
 */
export function courseJsonLd(input: {
  curriculum: Curriculum;
  url: string;
  image?: string;
  instructors: { name: string; url: string }[];
}): Record<string, unknown> {
  const { curriculum, url, image, instructors } = input;
  const { course } = curriculum;
  const starting = startingAmount(course.price);
  const offer =
    starting === null
      ? { '@type': 'Offer', price: 0, priceCurrency: 'USD', category: 'Free' }
      : {
          '@type': 'Offer',
          price: starting.amount,
          priceCurrency: starting.currency,
          category: 'Paid',
        };
  return {
    '@context': 'https://schema.org',
    '@type': 'Course',
    name: course.title,
    description: course.description,
    url,
    ...(image ? { image } : {}),
    inLanguage: course.language,
    educationalLevel: course.level,
    teaches: course.outcomes,
    timeRequired: `PT${curriculum.minutes}M`,
    instructor: instructors.map((i) => ({ '@type': 'Person', name: i.name, url: i.url })),
    offers: [offer],
    hasCourseInstance: [
      {
        '@type': 'CourseInstance',
        courseMode: 'Online',
        courseWorkload: `PT${curriculum.minutes}M`,
      },
    ],
  };
}
