import type { Db } from '~/lib/db';
import { createAccountWithPassword } from '~/lib/auth/account';
import type { MailMessage, Mailer } from '~/lib/mail/mailer';

export const PASSWORD = 'tea kettle orbit 42';
export const T0 = new Date('2026-03-01T12:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `T0` plus some milliseconds: tests move time by passing `now`. */
export function at(offsetMs: number): Date {
  return new Date(T0.getTime() + offsetMs);
}

/** A learner with a password, ready to sign in; returns its id (throws on failure, which is a test bug). */
export async function makeUser(
  db: Db,
  email = 'ada@example.org',
  password = PASSWORD,
  displayName = 'Ada',
): Promise<number> {
  const r = await createAccountWithPassword(
    db,
    { email, displayName, password, acceptValues: true, valuesVersion: 1 },
    T0,
  );
  if (!r.ok) throw new Error(`sign-up failed: ${r.error}`);
  return r.value.userId;
}

/** A mailer that keeps messages in memory. */
export function memoryMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    send(message) {
      sent.push(message);
      return Promise.resolve();
    },
  };
}
