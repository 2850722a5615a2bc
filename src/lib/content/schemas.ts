import { z } from 'astro/zod';
import { LOCALES } from '~/lib/i18n/locales';

/**
 * The schemas every authored file must pass. src/content.config.ts gives them to Astro's
 * collections; src/lib/content/check.ts runs the same ones over the raw files to report
 * file:line:column, and adds the checks that span files (references, module order).
 */

export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'MXN'] as const;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be lowercase words joined by hyphens, e.g. "list-building"' });
const text = z.string().trim().min(1, { error: 'must not be empty' });
/** Money in major units with at most two decimals: 49 or 12.50, never 12.345. */
const amount = z
  .number({ error: 'must be a number, e.g. 49 or 12.50' })
  .positive({ error: 'must be more than 0' })
  .max(100000, { error: 'must be at most 100000' })
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, {
    error: 'must have at most two decimals',
  });
const currency = z.enum(CURRENCIES, { error: `must be one of ${CURRENCIES.join(', ')}` });

export const priceSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('free') }).strict(),
    z.object({ type: z.literal('fixed'), amount, currency }).strict(),
    z
      .object({ type: z.literal('pay-what-you-can'), minimum: amount, suggested: amount, currency })
      .strict()
      .refine((p) => p.suggested >= p.minimum, { error: 'suggested must not be below minimum', path: ['suggested'] }),
  ],
  { error: 'type must be free, fixed or pay-what-you-can' },
);

export const moduleSchema = z.object({ id: slug, title: text, summary: text.optional() }).strict();

export const courseSchema = z
  .object({
    title: text,
    tagline: text.max(160, { error: 'must be at most 160 characters' }),
    description: text,
    language: z.enum(LOCALES).default('en'),
    level: z.enum(LEVELS),
    status: z.enum(['draft', 'live']).default('draft'),
    price: priceSchema,
    outcomes: z.array(text).min(1, { error: 'list at least one outcome' }),
    modules: z.array(moduleSchema).min(1, { error: 'a course needs at least one module' }),
    instructors: z.array(slug).min(1, { error: 'name at least one instructor' }),
    faq: z.array(z.object({ question: text, answer: text }).strict()).default([]),
  })
  .strict();

export const quizSchema = z
  .object({
    id: slug,
    question: text,
    options: z.array(text).min(2, { error: 'a quiz needs at least 2 options' }).max(6, { error: 'a quiz has at most 6 options' }),
    answer: z.number().int({ error: 'must be a whole number (0 is the first option)' }).min(0),
    explanation: text,
  })
  .strict()
  .refine((q) => q.answer < q.options.length, { error: 'answer must point at one of the options (0 is the first)', path: ['answer'] });

/** A primary source a lesson's rules rest on: a law, a regulator's order, a platform's policy. */
export const sourceSchema = z
  .object({
    title: text,
    publisher: text,
    url: z.url({ error: 'must be a full URL, e.g. https://www.fcc.gov/…' }),
    /** When the source was published or took effect. */
    date: z.coerce.date({ error: 'must be a date like 2024-02-15' }),
  })
  .strict();

export const lessonSchema = z
  .object({
    title: text,
    summary: text,
    module: slug,
    order: z.number().int({ error: 'must be a whole number' }).positive({ error: 'must be 1 or more' }),
    duration: z.number().int({ error: 'must be whole minutes' }).positive().max(600),
    preview: z.boolean().default(false),
    draft: z.boolean().default(false),
    quizzes: z.array(quizSchema).default([]),
    requiresQuiz: z.boolean().default(false),
    /** When the lesson's rules were last checked against its sources (shown as "last reviewed"). */
    reviewed: z.coerce.date({ error: 'must be a date like 2026-11-30' }).optional(),
    sources: z.array(sourceSchema).default([]),
  })
  .strict();

export const instructorSchema = z
  .object({
    name: text,
    role: text,
    /** The language the role and bio are written in; pages in another language mark them as such. */
    language: z.enum(LOCALES).default('en'),
    photo: z.string().optional(),
    links: z.array(z.object({ label: text, url: z.url({ error: 'must be a full URL, e.g. https://example.org' }) }).strict()).default([]),
    // The e-mail addresses of this instructor's Botcamp accounts: an account with the instructor
    // role sees the reports of the courses that name this instructor. Never shown on a page.
    accounts: z.array(z.email({ error: 'must be an e-mail address, e.g. ana@example.org' })).default([]),
  })
  .strict();

export const testimonialSchema = z
  .object({
    quote: text.max(600, { error: 'must be at most 600 characters' }),
    name: text,
    role: text.optional(),
    organization: text.optional(),
    course: slug,
    sample: z.boolean().default(false),
  })
  .strict();

export const valuesSchema = z
  .object({
    title: text,
    version: z.number().int().positive(),
    effective: z.coerce.date(),
  })
  .strict();

export type Course = z.infer<typeof courseSchema>;
export type CourseModule = z.infer<typeof moduleSchema>;
export type Lesson = z.infer<typeof lessonSchema>;
export type Quiz = z.infer<typeof quizSchema>;
export type LessonSource = z.infer<typeof sourceSchema>;
export type Price = z.infer<typeof priceSchema>;
export type Instructor = z.infer<typeof instructorSchema>;
export type Testimonial = z.infer<typeof testimonialSchema>;
