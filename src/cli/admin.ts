import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import {
  eachEnrollment,
  ENROLLMENT_CSV_HEADER,
  enrollmentCsvLines,
  enrollmentFilterSchema,
} from '../lib/admin/enrollment-list';
import { commitImport, planImport } from '../lib/admin/import';
import { courseStats } from '../lib/admin/stats';
import { createUser, setRole } from '../lib/auth/account';
import { normalizeEmail } from '../lib/auth/email';
import { isRole, ROLES } from '../lib/auth/user';
import { createSetPasswordLink } from '../lib/auth/password-reset';
import { DEFAULT_SITE_URL } from '../lib/http/site-url';
import { databaseConfig, openDatabase, type Db } from '../lib/db';
import { DEFAULT_DATABASE_PATH } from '../lib/db/config';
import { backupSqlite } from '../lib/db/backup';
import { copySqliteToPostgres } from '../lib/db/copy';
import { enroll, revokeEnrollment } from '../lib/enrollment/enrollment';
import { users } from '../../db/schema';

/**
 * `npm run admin -- <command>`: accounts, enrollments and data on a server without a browser.
 * Runs as the operator (actor null in the audit log: shell access is the credential). Exit codes:
 * 0 done, 1 the command failed (the message says why), 2 the command line was wrong.
 */
const COMMANDS: Record<string, string> = {
  'create-admin': `create-admin EMAIL [NAME]
  Create (or promote) an admin and print a one-time link to set the password.`,
  'create-account': `create-account EMAIL learner|instructor|admin [NAME]
  Create an account with that role (or give an existing one the role) and print a one-time link to
  set the password. An instructor sees the reports of the courses whose instructor entry lists
  the address (accounts: in content/instructors/<id>.mdx).`,
  'set-role': `set-role EMAIL learner|instructor|admin [--reason TEXT]
  Change an account's role; its sessions end. The last enabled admin cannot be demoted.`,
  enroll: `enroll EMAIL COURSE [--reason TEXT]
  Enroll an existing account in a course.`,
  revoke: `revoke EMAIL COURSE [--reason TEXT]
  Revoke an enrollment; access ends at once.`,
  import: `import FILE.csv [--dry-run] [--group NAME]
  Enroll the rows of a CSV (email, name, course, optional group and language). Every problem is
  listed with its line number; without --dry-run all valid rows are applied in one transaction.
  New accounts have no password yet: they set one with "Forgot your password?" (the web import
  e-mails them a link).`,
  export: `export [--out FILE] [--course SLUG] [--status active|revoked|refunded] [--source SRC] [--group NAME] [--q TEXT]
  Write enrollments as CSV (to stdout, or FILE), formula-like cells neutralised.`,
  stats: `stats
  Enrollments by status, learners active in the last 30 days, and completions, per course.`,
  backup: `backup FILE
  Copy the SQLite database to FILE while the server runs (SQLite's online backup API), then run
  PRAGMA integrity_check on the copy. To restore: stop the server, move FILE to DATABASE_PATH
  (removing any -wal and -shm files beside the old one), start the server. On PostgreSQL use
  pg_dump / pg_restore instead.`,
  'copy-database': `copy-database --to postgres://…
  Copy every row of the SQLite database (DATABASE_PATH) into an empty PostgreSQL database, in one
  transaction, and compare row counts table by table.`,
};

const USAGE = `Usage: npm run admin -- <command> [options]   (add --help after a command for details)

${Object.values(COMMANDS)
  .map((c) => `  ${c.split('\n')[0]}`)
  .join('\n')}

Environment: DATABASE_URL (postgres://…) or DATABASE_PATH (SQLite, default ${DEFAULT_DATABASE_PATH}), SITE_URL (default ${DEFAULT_SITE_URL})`;

function fail(message: string, code = 1): never {
  console.error(`botcamp admin: ${message}`);
  process.exit(code);
}

const [command = 'help', ...rest] = process.argv.slice(2);
if (command === 'help' || command === '--help' || command === '-h') {
  console.log(USAGE);
  process.exit(0);
}
const help = COMMANDS[command];
if (!help) fail(`unknown command "${command}"\n\n${USAGE}`, 2);
let parsed: ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>
>;
const OPTIONS = {
  help: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  group: { type: 'string' },
  reason: { type: 'string' },
  out: { type: 'string' },
  course: { type: 'string' },
  status: { type: 'string' },
  source: { type: 'string' },
  q: { type: 'string' },
  to: { type: 'string' },
} as const;
try {
  parsed = parseArgs({ args: rest, options: OPTIONS, allowPositionals: true, strict: true });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\nnpm run admin -- ${help}`, 2);
}
const { values: opts, positionals: args } = parsed;
if (opts.help) {
  console.log(`npm run admin -- ${help}`);
  process.exit(0);
}
const usage: (problem: string) => never = (problem) =>
  fail(`${problem}\n\nnpm run admin -- ${help}`, 2);
// An empty SITE_URL counts as unset, as for the server: links without a host would be useless.
const siteUrl = process.env.SITE_URL?.trim() || DEFAULT_SITE_URL;
const COURSES_DIR = join(process.cwd(), 'content/courses');
const courseSlugs = () =>
  new Set(
    existsSync(COURSES_DIR)
      ? readdirSync(COURSES_DIR).filter((d) => existsSync(join(COURSES_DIR, d, 'course.yaml')))
      : [],
  );
const requireCourse = (slug: string) =>
  courseSlugs().has(slug) || fail(`no course "${slug}" in content/courses/`);

async function userIdByEmail(db: Db, email: string): Promise<number> {
  const [row] = await db.read
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  return row?.id ?? fail(`no account with e-mail ${email}`);
}

if (command === 'copy-database') {
  const to = opts.to ?? usage('copy-database needs --to postgres://…');
  if (!/^postgres(ql)?:\/\//.test(to)) usage('--to must be a postgres:// URL');
  const from = databaseConfig({ DATABASE_PATH: process.env.DATABASE_PATH });
  if (from.engine !== 'sqlite') fail('copy-database reads the SQLite database at DATABASE_PATH');
  const counts = await copySqliteToPostgres(from.path, to).catch((e: unknown) =>
    fail(e instanceof Error ? e.message : String(e)),
  );
  const width = Math.max(...counts.map((c) => c.table.length));
  for (const c of counts)
    console.log(
      `  ${c.table.padEnd(width)}  ${String(c.source).padStart(8)} → ${String(c.copied).padStart(8)}`,
    );
  console.log(
    `Copied ${counts.reduce((n, c) => n + c.copied, 0)} rows from ${from.path}; every table's count matches.`,
  );
  process.exit(0);
}

if (command === 'backup') {
  const file = args[0] ?? usage('backup needs a FILE to write');
  const config = databaseConfig(process.env);
  if (config.engine !== 'sqlite')
    fail('backup copies a SQLite database; on PostgreSQL use pg_dump -Fc (see the README)');
  const result = await backupSqlite(config.path, file).catch((e: unknown) =>
    fail(e instanceof Error ? e.message : String(e)),
  );
  console.log(
    `Backed up ${config.path} to ${file} (${result.pages} pages); integrity check: ${result.integrity}.`,
  );
  process.exit(0);
}

const db = await openDatabase(databaseConfig(process.env));
try {
  switch (command) {
    case 'create-admin':
    case 'create-account': {
      const [email, ...rest] = args;
      if (!email) usage(`${command} needs an e-mail address`);
      const role = command === 'create-admin' ? 'admin' : rest.shift();
      if (!role || !isRole(role)) usage(`create-account needs a role: ${ROLES.join(', ')}`);
      const name = rest.join(' ');
      const [existing] = await db.read
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, normalizeEmail(email)))
        .limit(1);
      let userId: number;
      if (existing) {
        userId = existing.id;
        const changed = await setRole(db, null, userId, role);
        if (!changed.ok) fail(changed.error);
      } else {
        const created = await createUser(db, {
          email,
          displayName: name || (email.split('@')[0] ?? email),
          role,
        });
        if (!created.ok) fail(`${created.error}${created.field ? ` (${created.field})` : ''}`);
        userId = created.value.userId;
      }
      const link = await createSetPasswordLink(db, userId, siteUrl);
      const label = role === 'admin' ? 'Admin' : role === 'instructor' ? 'Instructor' : 'Learner';
      console.log(
        `${label} ${normalizeEmail(email)} is ready. Open this link within 24 hours to set the password (it works once):\n${link}`,
      );
      break;
    }
    case 'set-role': {
      const [email, role] = args;
      if (!email || !role) usage('set-role needs EMAIL and ROLE');
      const result = await setRole(
        db,
        null,
        await userIdByEmail(db, email),
        role,
        new Date(),
        opts.reason,
      );
      if (!result.ok)
        fail(
          result.error === 'role-invalid'
            ? `no role "${role}" (learner, instructor or admin)`
            : result.error,
        );
      console.log(`${email} is now ${role}.`);
      break;
    }
    case 'enroll': {
      const [email, course] = args;
      if (!email || !course) usage('enroll needs EMAIL and COURSE');
      requireCourse(course);
      const result = await enroll(db, {
        userId: await userIdByEmail(db, email),
        courseSlug: course,
        source: 'admin',
        actorId: null,
        ...(opts.reason ? { reason: opts.reason } : {}),
      });
      if (!result.ok) fail(result.error);
      console.log(
        result.value.created
          ? `Enrolled ${email} in ${course}.`
          : `${email} was already enrolled in ${course}.`,
      );
      break;
    }
    case 'revoke': {
      const [email, course] = args;
      if (!email || !course) usage('revoke needs EMAIL and COURSE');
      const result = await revokeEnrollment(db, {
        userId: await userIdByEmail(db, email),
        courseSlug: course,
        actorId: null,
        ...(opts.reason ? { reason: opts.reason } : {}),
      });
      if (!result.ok) fail(`${email} has no active enrollment in ${course}`);
      console.log(`Revoked ${email} from ${course}.`);
      break;
    }
    case 'import': {
      const file = args[0] ?? usage('import needs a CSV FILE');
      if (!existsSync(file)) fail(`no file at ${file}`);
      const plan = await planImport(
        db.read,
        readFileSync(file, 'utf8'),
        courseSlugs(),
        opts.group ?? null,
      );
      for (const p of plan.problems)
        console.log(`  line ${p.line}: ${p.code}${p.detail ? ` (${p.detail})` : ''}`);
      console.log(
        `${plan.total} rows read: ${plan.rows.length} to enroll, ${plan.problems.length} left out.`,
      );
      if (opts['dry-run']) {
        console.log('Dry run: nothing was changed.');
        break;
      }
      if (plan.rows.length === 0) fail('nothing to import');
      const result = await commitImport(db, plan, null);
      console.log(
        `Enrolled ${result.enrolled} learners; created ${result.newUserIds.length} accounts (they set a password with "Forgot your password?").`,
      );
      break;
    }
    case 'export': {
      const filter = enrollmentFilterSchema.safeParse({
        course: opts.course,
        status: opts.status,
        source: opts.source,
        group: opts.group,
        q: opts.q,
      });
      if (!filter.success)
        usage(
          `bad filter: ${filter.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('; ')}`,
        );
      const out = opts.out ? createWriteStream(opts.out, { flags: 'wx' }) : process.stdout;
      const write = (text: string) =>
        new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())));
      await write(ENROLLMENT_CSV_HEADER);
      let rows = 0;
      for await (const batch of eachEnrollment(db.read, filter.data)) {
        await write(enrollmentCsvLines(batch));
        rows += batch.length;
      }
      if (opts.out) {
        await new Promise<void>((resolve) =>
          (out as ReturnType<typeof createWriteStream>).end(resolve),
        );
        console.error(`Wrote ${rows} enrollments to ${opts.out}.`);
      }
      break;
    }
    case 'stats': {
      const stats = await courseStats(db.read);
      if (stats.length === 0) console.log('No enrollments yet.');
      for (const s of stats)
        console.log(
          `${s.courseSlug}: ${s.active} active, ${s.revoked} revoked, ${s.refunded} refunded; ${s.activeLast30Days} active in the last 30 days; ${s.completed} completed`,
        );
      break;
    }
  }
} finally {
  await db.close();
}
