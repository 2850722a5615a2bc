/**
 * The tables domain code uses, for whichever engine this process runs on. Import tables from
 * here (`import { users } from '~db/schema'`), never from a per-engine file: the bindings below
 * are ES module live bindings, which `bindSchema()` (called by openDatabase) points at the
 * SQLite or the PostgreSQL declarations. Both are typed alike (Date timestamps, boolean flags,
 * the same columns), so one set of domain code serves both engines; a unit test keeps them equal.
 * One process uses one engine at a time.
 */
import * as postgres from './schema.postgres.ts';
import * as sqlite from './schema.sqlite.ts';

export type Engine = 'sqlite' | 'postgres';
type Tables = typeof sqlite;

export let users: Tables['users'] = sqlite.users;
export let sessions: Tables['sessions'] = sqlite.sessions;
export let enrollments: Tables['enrollments'] = sqlite.enrollments;
export let lessonProgress: Tables['lessonProgress'] = sqlite.lessonProgress;
export let quizAttempts: Tables['quizAttempts'] = sqlite.quizAttempts;
export let exerciseResults: Tables['exerciseResults'] = sqlite.exerciseResults;
export let certificates: Tables['certificates'] = sqlite.certificates;
export let stripeEvents: Tables['stripeEvents'] = sqlite.stripeEvents;
export let botConversations: Tables['botConversations'] = sqlite.botConversations;
export let passwordResetTokens: Tables['passwordResetTokens'] = sqlite.passwordResetTokens;
export let loginAttempts: Tables['loginAttempts'] = sqlite.loginAttempts;
export let emailOutbox: Tables['emailOutbox'] = sqlite.emailOutbox;
export let auditLog: Tables['auditLog'] = sqlite.auditLog;
export let testimonials: Tables['testimonials'] = sqlite.testimonials;

/** The engine the bindings point at now. */
export let boundEngine: Engine = 'sqlite';

/** Points every table binding at `engine`'s declarations. */
export function bindSchema(engine: Engine): void {
  const t = (engine === 'postgres' ? postgres : sqlite) as unknown as Tables;
  ({
    users,
    sessions,
    enrollments,
    lessonProgress,
    quizAttempts,
    exerciseResults,
    certificates,
    stripeEvents,
    botConversations,
    passwordResetTokens,
    loginAttempts,
    emailOutbox,
    auditLog,
    testimonials,
  } = t);
  boundEngine = engine;
}

/** Every table of `engine`, by export name (for tools that walk all of them, like copy-database). */
export function tablesOf(engine: Engine): Tables {
  return (engine === 'postgres' ? postgres : sqlite) as unknown as Tables;
}
