import { DATABASE_PATH, MAIL_FROM, SITE_URL, SMTP_URL } from 'astro:env/server';
import { openDatabase, type Db } from '~/lib/db';
import { createMailer, type Mailer } from '~/lib/mail/mailer';
import { FlowRunner } from '~/lib/sandbox/flow-runner';

/**
 * The process's services, wired from astro:env once. Everything here is a handle to shared
 * state outside the process (the database, the mail server), so several server processes can run
 * side by side.
 */
let db: Db | undefined;
let mailer: Mailer | undefined;
let flowRunner: FlowRunner | undefined;

export function getDb(): Db {
  db ??= openDatabase(DATABASE_PATH);
  return db;
}

export function getMailer(): Mailer {
  mailer ??= createMailer({ db: getDb(), smtpUrl: SMTP_URL, from: MAIL_FROM, log: (line) => console.info(line) });
  return mailer;
}

/** Where learners' playground flows run: worker threads, never this thread. */
export function getFlowRunner(): FlowRunner {
  flowRunner ??= new FlowRunner();
  return flowRunner;
}

export const siteUrl = SITE_URL.replace(/\/$/, '');
/** Cookies get `Secure` (and the `__Host-` name) when the public site is served over https. */
export const secureCookies = siteUrl.startsWith('https://');
