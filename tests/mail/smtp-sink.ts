// A real SMTP server for the end-to-end suite: the app sends its e-mail here (SMTP_URL), and each
// message is written as JSON to MAIL_SINK_DIR for the tests to read, as a person reads an inbox.
// With SMTP configured, the app's own outbox rows keep no live links, exactly as in production.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const dir = process.env.MAIL_SINK_DIR ?? 'tests/.e2e-mail';
const port = Number(process.env.MAIL_SINK_PORT ?? 2526);
mkdirSync(dir, { recursive: true });
let count = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) =>
          a.value.map((v) => v.address ?? ''),
        );
        // Written beside, then renamed: a test reading the inbox never sees half a message.
        const name = `${Date.now()}-${String(++count).padStart(6, '0')}.json`;
        writeFileSync(
          join(dir, `.${name}.tmp`),
          JSON.stringify({ to, subject: mail.subject ?? '', text: mail.text ?? '' }),
        );
        renameSync(join(dir, `.${name}.tmp`), join(dir, name));
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});
// A client that dies mid-conversation (the crash test kills a server that is sending) resets its
// connection; that is the client's problem, not a reason for the sink to stop for everyone else.
server.on('error', (error: Error) => console.error(`smtp sink: ${error.message}`));
server.listen(port, '127.0.0.1', () =>
  console.log(`smtp sink on 127.0.0.1:${port}, writing to ${dir}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
