import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '~/lib/db';
import { createMailer } from '~/lib/mail/mailer';
import { emailOutbox } from '~db/schema';
import { freshDb } from '../fixtures';

const FROM = 'Botcamp <hello@botcamp.example>';
const message = {
  to: 'ada@example.org',
  subject: 'Reset your Botcamp password',
  text: 'Hello Ada,\n\nhttps://botcamp.example/reset-password/secrettoken123\n',
  redact: ['secrettoken123'],
};

let db: Db;
beforeEach(async () => {
  db = await freshDb();
});

describe('outbox mailer (no SMTP configured)', () => {
  it('stores the message with its secrets redacted, and logs it whole on one line', async () => {
    const lines: string[] = [];
    const mailer = createMailer({ db, from: FROM, log: (l) => lines.push(l) });
    await mailer.send(message);
    expect(await db.read.select().from(emailOutbox)).toEqual([
      expect.objectContaining({
        to: message.to,
        subject: message.subject,
        text: 'Hello Ada,\n\nhttps://botcamp.example/reset-password/[redacted]\n',
        status: 'outbox',
        error: null,
      }),
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(lines[0]).toContain('to=ada@example.org');
    expect(lines[0]).toContain('Reset your Botcamp password');
    expect(lines[0]).toContain('https://botcamp.example/reset-password/secrettoken123');
  });

  it('treats an empty SMTP URL as none', async () => {
    await createMailer({ db, smtpUrl: '  ', from: FROM, log: () => undefined }).send(message);
    const [row] = await db.read.select().from(emailOutbox).limit(1);
    expect(row?.status).toBe('outbox');
  });

  it('refuses recipient strings that could add recipients', async () => {
    const mailer = createMailer({ db, from: FROM, log: () => undefined });
    await expect(
      mailer.send({ ...message, to: 'ada@example.org, eve@evil.example' }),
    ).rejects.toThrow(/malformed/);
    await expect(mailer.send({ ...message, to: 'Eve <eve@evil.example>' })).rejects.toThrow(
      /malformed/,
    );
    expect(await db.read.select().from(emailOutbox)).toHaveLength(0);
  });
});

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

describe('SMTP mailer', () => {
  let server: SMTPServer;
  let port: number;
  let received: Received[];

  beforeEach(async () => {
    received = [];
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const envelope = session.envelope;
          received.push({
            from: envelope.mailFrom ? envelope.mailFrom.address : undefined,
            to: envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('delivers through a real SMTP server and records the message as sent, secrets redacted', async () => {
    const lines: string[] = [];
    const mailer = createMailer({
      db,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: FROM,
      log: (l) => lines.push(l),
    });
    await mailer.send({ ...message, subject: 'Restablece tu contraseña\r\nBcc: eve@evil.example' });

    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.from).toBe('hello@botcamp.example');
    expect(mail.to).toEqual(['ada@example.org']);
    expect(mail.raw).toMatch(/^To: ada@example\.org\r$/m);
    expect(mail.raw).not.toMatch(/^Bcc:/im);
    // Non-ASCII subjects are MIME-encoded-word encoded; decode to compare.
    const subject = /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(mail.raw)?.[1] ?? '';
    const decoded = subject
      .replace(/\r\n[ \t]/g, '')
      .replace(/=\?UTF-8\?Q\?(.*?)\?=/gi, (_, q: string) =>
        Buffer.from(
          q
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
      );
    expect(decoded.replace(/\s+/g, ' ')).toBe('Restablece tu contraseña Bcc: eve@evil.example');
    expect(mail.raw).toMatch(/text\/plain/i);
    expect(mail.raw).toContain('https://botcamp.example/reset-password/secrettoken123');

    const [row] = await db.read.select().from(emailOutbox).limit(1);
    expect(row).toMatchObject({ to: 'ada@example.org', status: 'sent', error: null });
    expect(row?.text).toBe('Hello Ada,\n\nhttps://botcamp.example/reset-password/[redacted]\n');
    expect(lines).toEqual([expect.stringMatching(/^mail: sent to=ada@example\.org /)]);
    expect(lines[0]).not.toContain('secrettoken123');
  });

  it('records a failure with its error and rejects with a clear message', async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    server = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS'], logger: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const deadPort = port; // the first server is closed: nothing listens there any more
    const lines: string[] = [];
    const mailer = createMailer({
      db,
      smtpUrl: `smtp://127.0.0.1:${deadPort}`,
      from: FROM,
      log: (l) => lines.push(l),
    });
    await expect(mailer.send(message)).rejects.toThrow(
      /^Could not send e-mail to ada@example\.org: /,
    );
    const [row] = await db.read.select().from(emailOutbox).limit(1);
    expect(row).toMatchObject({ status: 'failed' });
    expect(row?.error).toBeTruthy();
    expect(row?.text).not.toContain('secrettoken123');
    expect(lines[0]).toMatch(/^mail: failed /);
  });
});
