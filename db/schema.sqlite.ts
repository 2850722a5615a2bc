import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core';

/**
 * Botcamp's tables on SQLite (the embedded default). Courses and lessons live in content/, so rows
 * refer to them by slug. Timestamps are integer milliseconds since the epoch
 * (`mode: 'timestamp_ms'`). schema.postgres.ts declares the same tables for PostgreSQL; a unit
 * test keeps the two equal, and domain code sees whichever is in use through schema.ts.
 */

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Case-folded at the boundary (see src/lib/auth/email.ts); unique. */
  email: text('email').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash'),
  role: text('role', { enum: ['learner', 'instructor', 'admin'] })
    .notNull()
    .default('learner'),
  locale: text('locale', { enum: ['en', 'es'] })
    .notNull()
    .default('en'),
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  valuesVersion: integer('values_version'),
  valuesAcceptedAt: integer('values_accepted_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});

export const sessions = sqliteTable(
  'sessions',
  {
    /** Hex SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const enrollments = sqliteTable(
  'enrollments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseSlug: text('course_slug').notNull(),
    status: text('status', { enum: ['active', 'revoked', 'refunded'] })
      .notNull()
      .default('active'),
    source: text('source', { enum: ['free', 'stripe', 'admin', 'import'] }).notNull(),
    stripeCheckoutSessionId: text('stripe_checkout_session_id').unique(),
    stripePaymentIntentId: text('stripe_payment_intent_id').unique(),
    /** Minor units (cents) paid, and refunded so far; a full refund also sets status 'refunded'. */
    amountPaid: integer('amount_paid'),
    amountRefunded: integer('amount_refunded'),
    currency: text('currency'),
    /** The Stripe promotion code a partner group used, as its customer-facing code. */
    promotionCode: text('promotion_code'),
    /** The partner organization a learner came through (bulk imports), for filtering and export. */
    partnerGroup: text('partner_group'),
    /** When the payment was disputed (a chargeback): flagged for admins, access unchanged. */
    disputedAt: integer('disputed_at', { mode: 'timestamp_ms' }),
    /**
     * The learner's last lesson view in this course, kept as views are recorded, so reports count
     * recently active learners from this row instead of scanning every progress row.
     */
    lastActiveAt: integer('last_active_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    uniqueIndex('enrollments_user_course_idx').on(t.userId, t.courseSlug),
    // By course, covering what the course report counts: active enrollments, and enrollments by
    // week (created since), without reading the rows.
    index('enrollments_course_created_idx').on(t.courseSlug, t.createdAt, t.status),
    index('enrollments_group_idx').on(t.partnerGroup),
    index('enrollments_created_idx').on(t.createdAt),
    index('enrollments_course_active_idx').on(t.courseSlug, t.lastActiveAt),
  ],
);

export const lessonProgress = sqliteTable(
  'lesson_progress',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseSlug: text('course_slug').notNull(),
    lessonSlug: text('lesson_slug').notNull(),
    firstViewedAt: integer('first_viewed_at', { mode: 'timestamp_ms' }).notNull(),
    lastViewedAt: integer('last_viewed_at', { mode: 'timestamp_ms' }).notNull(),
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.courseSlug, t.lessonSlug] }),
    // The course report's funnel reads this alone (a covering index), instead of every progress
    // row of every learner. Learners active lately are counted from enrollments.last_active_at.
    index('lesson_progress_course_lesson_idx').on(t.courseSlug, t.lessonSlug, t.completedAt),
  ],
);

export const quizAttempts = sqliteTable(
  'quiz_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseSlug: text('course_slug').notNull(),
    lessonSlug: text('lesson_slug').notNull(),
    quizId: text('quiz_id').notNull(),
    chosen: integer('chosen').notNull(),
    correct: integer('correct', { mode: 'boolean' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('quiz_attempts_lookup_idx').on(t.userId, t.courseSlug, t.lessonSlug)],
);

export const exerciseResults = sqliteTable(
  'exercise_results',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exerciseId: text('exercise_id').notNull(),
    draft: text('draft').notNull(),
    passedAt: integer('passed_at', { mode: 'timestamp_ms' }),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.exerciseId] })],
);

export const certificates = sqliteTable(
  'certificates',
  {
    /** Unguessable public id (base32, 120+ bits). */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseSlug: text('course_slug').notNull(),
    /** The name as printed, frozen at issue so later profile edits do not rewrite history. */
    displayName: text('display_name').notNull(),
    issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('certificates_user_course_idx').on(t.userId, t.courseSlug)],
);

export const stripeEvents = sqliteTable(
  'stripe_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    /** The payment the event is about, so a late event can be checked against what came before. */
    paymentIntentId: text('payment_intent_id'),
    /** What the event did, as JSON, for the admin's payment history. */
    detail: text('detail'),
    processedAt: integer('processed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('stripe_events_payment_intent_idx').on(t.paymentIntentId)],
);

export const botConversations = sqliteTable(
  'bot_conversations',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    botId: text('bot_id').notNull(),
    /** Engine state as JSON, including the transcript. */
    state: text('state').notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.botId] })],
);

export const passwordResetTokens = sqliteTable(
  'password_reset_tokens',
  {
    /** Hex SHA-256 of the emailed token. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_reset_user_idx').on(t.userId)],
);

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** "email:<folded address>" or "ip:<address>": throttling is keyed by both. */
    key: text('key').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('login_attempts_key_at_idx').on(t.key, t.at)],
);

export const emailOutbox = sqliteTable('email_outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  /** 'outbox' when no SMTP server is configured, 'sent' or 'failed' otherwise. */
  status: text('status', { enum: ['outbox', 'sent', 'failed'] }).notNull(),
  error: text('error'),
  createdAt: createdAt(),
});

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectUserId: integer('subject_user_id').references(() => users.id, { onDelete: 'set null' }),
    courseSlug: text('course_slug'),
    detail: text('detail'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt)],
);

export const testimonials = sqliteTable('testimonials', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  courseSlug: text('course_slug').notNull(),
  quote: text('quote').notNull(),
  name: text('name').notNull(),
  role: text('role'),
  organization: text('organization'),
  status: text('status', { enum: ['pending', 'approved', 'rejected'] })
    .notNull()
    .default('pending'),
  createdAt: createdAt(),
});
