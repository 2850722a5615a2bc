import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createUser, setRole } from '../lib/auth/account';
import { normalizeEmail } from '../lib/auth/email';
import { createSetPasswordLink } from '../lib/auth/password-reset';
import { openDatabase, type Db } from '../lib/db';
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

Environment: DATABASE_PATH (default data/botcamp.db), SITE_URL (default http://localhost:4321)`;

function fail(message: string): never {
  console.error(`botcamp admin: ${message}`);
  process.exit(1);
}

function userIdByEmail(db: Db, email: string): number {
  const row = db.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email))).get();
  return row?.id ?? fail(`no account with e-mail ${email}`);
}

function requireCourse(slug: string): void {
  if (!existsSync(join(process.cwd(), 'content/courses', slug, 'course.yaml'))) fail(`no course "${slug}" in content/courses/`);
}

function createAdmin(db: Db, email: string, name: string | undefined, siteUrl: string): void {
  const existing = db.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email))).get();
  let userId: number;
  if (existing) {
    userId = existing.id;
    const promoted = setRole(db, null, userId, 'admin');
    if (!promoted.ok) fail(promoted.error);
  } else {
    const created = createUser(db, { email, displayName: name ?? email.split('@')[0] ?? email, role: 'admin' });
    if (!created.ok) fail(`${created.error}${created.field ? ` (${created.field})` : ''}`);
    userId = created.value.userId;
  }
  const link = createSetPasswordLink(db, userId, siteUrl);
  console.log(`Admin ${normalizeEmail(email)} is ready. Open this link within 24 hours to set the password (it works once):\n${link}`);
}

const [command, ...args] = process.argv.slice(2);
const db = openDatabase(process.env.DATABASE_PATH ?? 'data/botcamp.db');
const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';
switch (command) {
  case 'create-admin': {
    const [email, ...name] = args;
    if (!email) fail(`create-admin needs an e-mail address\n\n${USAGE}`);
    createAdmin(db, email, name.length ? name.join(' ') : undefined, siteUrl);
    break;
  }
  case 'enroll': {
    const [email, course] = args;
    if (!email || !course) fail(`enroll needs EMAIL and COURSE\n\n${USAGE}`);
    requireCourse(course);
    const result = enroll(db, { userId: userIdByEmail(db, email), courseSlug: course, source: 'admin', actorId: null });
    if (!result.ok) fail(result.error);
    console.log(result.value.created ? `Enrolled ${email} in ${course}.` : `${email} was already enrolled in ${course}.`);
    break;
  }
  case 'revoke': {
    const [email, course] = args;
    if (!email || !course) fail(`revoke needs EMAIL and COURSE\n\n${USAGE}`);
    const result = revokeEnrollment(db, { userId: userIdByEmail(db, email), courseSlug: course, actorId: null });
    if (!result.ok) fail(result.error);
    console.log(`Revoked ${email} from ${course}.`);
    break;
  }
  default:
    console.log(USAGE);
    process.exit(command && command !== 'help' ? 1 : 0);
}
db.$client.close();
