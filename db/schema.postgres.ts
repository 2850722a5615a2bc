import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Botcamp's tables on PostgreSQL (for more than one app server): the same tables, columns,
 * defaults, unique constraints and indexes as schema.sqlite.ts, which a unit test checks.
 * Timestamps are `timestamptz` with millisecond precision, read as `Date` like SQLite's
 * `timestamp_ms`; ids are identity columns that also accept explicit values (copy-database).
 */

const ms = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

const createdAt = () => ms('created_at').notNull().defaultNow();

export const users = pgTable('users', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
  disabledAt: ms('disabled_at'),
  valuesVersion: integer('values_version'),
  valuesAcceptedAt: ms('values_accepted_at'),
  createdAt: createdAt(),
});

export const sessions = pgTable(
  'sessions',
  {
    /** Hex SHA-256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ms('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const enrollments = pgTable(
  'enrollments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
    disputedAt: ms('disputed_at'),
    /**
     * The learner's last lesson view in this course, kept as views are recorded, so reports count
     * recently active learners from this row instead of scanning every progress row.
     */
    lastActiveAt: ms('last_active_at'),
    createdAt: createdAt(),
    updatedAt: ms('updated_at'),
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

export const lessonProgress = pgTable(
  'lesson_progress',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseSlug: text('course_slug').notNull(),
    lessonSlug: text('lesson_slug').notNull(),
    firstViewedAt: ms('first_viewed_at').notNull(),
    lastViewedAt: ms('last_viewed_at').notNull(),
    completedAt: ms('completed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.courseSlug, t.lessonSlug] }),
    // The course report's funnel reads this alone (a covering index), instead of every progress
    // row of every learner. Learners active lately are counted from enrollments.last_active_at.
    index('lesson_progress_course_lesson_idx').on(t.courseSlug, t.lessonSlug, t.completedAt),
  ],
);

export const quizAttempts = pgTable(
  'quiz_attempts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    courseSlug: text('course_slug').notNull(),
    lessonSlug: text('lesson_slug').notNull(),
    quizId: text('quiz_id').notNull(),
    chosen: integer('chosen').notNull(),
    correct: boolean('correct').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('quiz_attempts_lookup_idx').on(t.userId, t.courseSlug, t.lessonSlug)],
);

export const exerciseResults = pgTable(
  'exercise_results',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    exerciseId: text('exercise_id').notNull(),
    draft: text('draft').notNull(),
    passedAt: ms('passed_at'),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.exerciseId] })],
);

export const certificates = pgTable(
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
    issuedAt: ms('issued_at').notNull(),
  },
  (t) => [uniqueIndex('certificates_user_course_idx').on(t.userId, t.courseSlug)],
);

export const stripeEvents = pgTable(
  'stripe_events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    /** The payment the event is about, so a late event can be checked against what came before. */
    paymentIntentId: text('payment_intent_id'),
    /** What the event did, as JSON, for the admin's payment history. */
    detail: text('detail'),
    processedAt: ms('processed_at').notNull(),
  },
  (t) => [index('stripe_events_payment_intent_idx').on(t.paymentIntentId)],
);

export const botConversations = pgTable(
  'bot_conversations',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    botId: text('bot_id').notNull(),
    /** Engine state as JSON, including the transcript. */
    state: text('state').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.botId] })],
);

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    /** Hex SHA-256 of the emailed token. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: ms('expires_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_reset_user_idx').on(t.userId)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    /** "email:<folded address>" or "ip:<address>": throttling is keyed by both. */
    key: text('key').notNull(),
    at: ms('at').notNull(),
  },
  (t) => [index('login_attempts_key_at_idx').on(t.key, t.at)],
);

export const emailOutbox = pgTable('email_outbox', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  /** 'outbox' when no SMTP server is configured, 'sent' or 'failed' otherwise. */
  status: text('status', { enum: ['outbox', 'sent', 'failed'] }).notNull(),
  error: text('error'),
  createdAt: createdAt(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectUserId: integer('subject_user_id').references(() => users.id, { onDelete: 'set null' }),
    courseSlug: text('course_slug'),
    detail: text('detail'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt)],
);

export const testimonials = pgTable('testimonials', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
