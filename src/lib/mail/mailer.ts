import { createTransport } from 'nodemailer';
import type { Db } from '~/lib/db';
import { emailOutbox } from '~db/schema';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /**
   * Secrets in the text (a reset token). Delivered as written, but replaced by "[redacted]" in
   * the copy kept in email_outbox after an SMTP delivery: the database must not hold them.
   */
  redact?: readonly string[];
}

/** The one way the app sends e-mail. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export interface MailerOptions {
  db: Db;
  /** e.g. 'smtps://user:pass@smtp.example.org:465'. Unset: messages go to the outbox only. */
  smtpUrl?: string;
  /** The From header, e.g. 'Botcamp <hello@botcamp.example>'. */
  from: string;
  /** Where one line per message goes; console.info by default. */
  log?: (line: string) => void;
}

// One bare address, as validateEmail produces: a comma or angle bracket here would let a value
// add recipients, so it is a programming error rather than something to deliver.
const SINGLE_ADDRESS = /^[^\s,;<>"]+@[^\s,;<>"]+$/;

function redacted(text: string, secrets: readonly string[] = []): string {
  return secrets.reduce(
    (out, secret) => (secret === '' ? out : out.split(secret).join('[redacted]')),
    text,
  );
}

/**
 * Creates the mailer. Without `smtpUrl` (a fresh clone) each message is stored in email_outbox
 * with status 'outbox' and printed as one log line, which is how a developer follows a reset
 * link locally. With `smtpUrl` it is sent through nodemailer and recorded as 'sent', or as
 * 'failed' with the error, in which case `send` rejects. The SMTP URL is never logged: it may
 * hold credentials.
 *
 * @example
 * const mailer = createMailer({ db, smtpUrl: process.env.SMTP_URL, from: 'Botcamp <hello@botcamp.example>' });
 * await mailer.send({ to: 'ada@example.org', subject: 'Hi', text: 'Hello!' });
 */
export function createMailer(options: MailerOptions): Mailer {
  const { db, from } = options;
  const log = options.log ?? ((line: string) => console.info(line));
  const smtpUrl = options.smtpUrl?.trim() ?? '';
  const transport = smtpUrl === '' ? null : createTransport(smtpUrl);

  const record = async (
    message: MailMessage,
    status: 'outbox' | 'sent' | 'failed',
    text: string,
    error: string | null,
  ): Promise<void> => {
    await db.write((tx) =>
      tx
        .insert(emailOutbox)
        .values({ to: message.to, subject: message.subject, text, status, error }),
    );
  };

  return {
    async send(input: MailMessage): Promise<void> {
      if (!SINGLE_ADDRESS.test(input.to))
        throw new Error(
          `Refusing to send e-mail to a malformed address: ${JSON.stringify(input.to)}`,
        );
      // A line break in a subject could start a new header.
      const message = { ...input, subject: input.subject.replace(/[\r\n]+/g, ' ') };
      // JSON.stringify keeps the log entry on one line whatever the text contains.
      const summary = `to=${message.to} subject=${JSON.stringify(message.subject)}`;

      if (transport === null) {
        // The row keeps no live link: anyone who reads the database or a backup (or the admin's
        // outbox page) could use it. The operator's console, below, is where it can be read.
        await record(message, 'outbox', redacted(message.text, message.redact), null);
        log(`mail: outbox (no SMTP configured) ${summary} text=${JSON.stringify(message.text)}`);
        return;
      }
      try {
        await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
        });
      } catch (cause) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        await record(message, 'failed', redacted(message.text, message.redact), reason);
        log(`mail: failed ${summary} error=${JSON.stringify(reason)}`);
        throw new Error(`Could not send e-mail to ${message.to}: ${reason}`, { cause });
      }
      await record(message, 'sent', redacted(message.text, message.redact), null);
      log(`mail: sent ${summary}`);
    },
  };
}
