import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createUser, setRole } from '../lib/auth/account';
import { normalizeEmail } from '../lib/auth/email';
import { createSetPasswordLink } from '../lib/auth/password-reset';
import { databaseConfig, openDatabase, type Db } from '../lib/db';
import { copySqliteToPostgres } from '../lib/db/copy';
import { enroll, revokeEnrollment } from '../lib/enrollment/enrollment';
import { users } from '../../db/schema';

/**
 * `npm run admin -- <command>`: account and enrollment administration on a server without a
 * browser. Runs as the operator (actor null in the audit log: shell access is the credential).
 */
const USAGE = `Usage: npm run admin -- <command>

  create-admin EMAIL [NAME]     create (or promote) an admin; prints a one-time set-password link
  enroll EMAIL COURSE           enroll an existing account in a course
  revoke EMAIL COURSE           revoke an enrollment (access ends at once)
  copy-database --to URL        copy every row of the SQLite database (DATABASE_PATH) into an
                                empty PostgreSQL database, in one transaction, and compare counts

Environment: DATABASE_URL (postgres://…) or DATABASE_PATH (SQLite, default data/botcamp.db), SITE_URL (default http://localhost:4321)`;

function fail(message: string): never {
  console.error(`botcamp admin: ${message}`);
  process.exit(1);
}

async function userIdByEmail(db: Db, email: string): Promise<number> {
  const [row] = await db.read.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return row?.id ?? fail(`no account with e-mail ${email}`);
}

function requireCourse(slug: string): void {
  if (!existsSync(join(process.cwd(), 'content/courses', slug, 'course.yaml'))) fail(`no course "${slug}" in content/courses/`);
}

async function createAdmin(db: Db, email: string, name: string | undefined, siteUrl: string): Promise<void> {
  const [existing] = await db.read.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  let userId: number;
  if (existing) {
    userId = existing.id;
    const promoted = await setRole(db, null, userId, 'admin');
    if (!promoted.ok) fail(promoted.error);
  } else {
    const created = await createUser(db, { email, displayName: name ?? email.split('@')[0] ?? email, role: 'admin' });
    if (!created.ok) fail(`${created.error}${created.field ? ` (${created.field})` : ''}`);
    userId = created.value.userId;
  }
  const link = await createSetPasswordLink(db, userId, siteUrl);
  console.log(`Admin ${normalizeEmail(email)} is ready. Open this link within 24 hours to set the password (it works once):\n${link}`);
}

const [command, ...args] = process.argv.slice(2);

if (command === 'copy-database') {
  const to = args[0] === '--to' ? args[1] : args[0]?.startsWith('--to=') ? args[0].slice(5) : undefined;
  if (!to || !/^postgres(ql)?:\/\//.test(to)) fail(`copy-database needs --to postgres://…\n\n${USAGE}`);
  const from = databaseConfig({ DATABASE_PATH: process.env.DATABASE_PATH });
  if (from.engine !== 'sqlite') fail('copy-database reads the SQLite database at DATABASE_PATH');
  try {
    const counts = await copySqliteToPostgres(from.path, to);
    const width = Math.max(...counts.map((c) => c.table.length));
    for (const c of counts) console.log(`  ${c.table.padEnd(width)}  ${String(c.source).padStart(8)} → ${String(c.copied).padStart(8)}`);
    console.log(`Copied ${counts.reduce((n, c) => n + c.copied, 0)} rows from ${from.path}; every table's count matches.`);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  process.exit(0);
}

const db = await openDatabase(databaseConfig(process.env));
const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';
switch (command) {
  case 'create-admin': {
    const [email, ...name] = args;
    if (!email) fail(`create-admin needs an e-mail address\n\n${USAGE}`);
    await createAdmin(db, email, name.length ? name.join(' ') : undefined, siteUrl);
    break;
  }
  case 'enroll': {
    const [email, course] = args;
    if (!email || !course) fail(`enroll needs EMAIL and COURSE\n\n${USAGE}`);
    requireCourse(course);
    const result = await enroll(db, { userId: await userIdByEmail(db, email), courseSlug: course, source: 'admin', actorId: null });
    if (!result.ok) fail(result.error);
    console.log(result.value.created ? `Enrolled ${email} in ${course}.` : `${email} was already enrolled in ${course}.`);
    break;
  }
  case 'revoke': {
    const [email, course] = args;
    if (!email || !course) fail(`revoke needs EMAIL and COURSE\n\n${USAGE}`);
    const result = await revokeEnrollment(db, { userId: await userIdByEmail(db, email), courseSlug: course, actorId: null });
    if (!result.ok) fail(result.error);
    console.log(`Revoked ${email} from ${course}.`);
    break;
  }
  default:
    console.log(USAGE);
    process.exit(command && command !== 'help' ? 1 : 0);
}
await db.close();
