import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { botLoader } from './lib/content/bot-loader';
import {
  courseSchema,
  instructorSchema,
  lessonSchema,
  testimonialSchema,
  valuesSchema,
} from './lib/content/schemas';

// Ids: courses by folder ("chatbots-for-organizing"), lessons by "<course>/<slug>" or
// "<course>/es/<slug>" for a Spanish translation. Cross-file rules live in src/lib/content/check.ts.
const courses = defineCollection({
  loader: glob({
    pattern: '*/course*.yaml',
    base: './content/courses',
    generateId: ({ entry }) => {
      const [folder = '', file = ''] = entry.split('/');
      const locale = /^course\.([a-z]{2})\.yaml$/.exec(file)?.[1];
      return locale ? `${folder}/${locale}` : folder;
    },
  }),
  schema: courseSchema,
});

const lessons = defineCollection({
  loader: glob({
    pattern: '*/lessons/**/*.mdx',
    base: './content/courses',
    generateId: ({ entry }) => entry.replace('/lessons/', '/').replace(/\.mdx$/, ''),
  }),
  schema: lessonSchema,
});

const instructors = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/instructors' }),
  schema: instructorSchema,
});

const testimonials = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/testimonials' }),
  schema: testimonialSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/pages' }),
  schema: valuesSchema,
});

// Bots are parsed and linted by the engine itself (src/lib/bot), which validates more than a
// schema could (reachability, channel rules); entries hold the parsed bot or exercise.
const bots = defineCollection({ loader: botLoader() });

export const collections = { courses, lessons, instructors, testimonials, pages, bots };
