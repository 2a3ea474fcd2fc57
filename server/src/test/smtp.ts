import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { MailDelivery } from '../platform/mail';
import { freePort } from './server-process';

/** A mail as received by the test SMTP listener. */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

/** A real SMTP listener on loopback that keeps every message it receives. */
export async function startSmtp(): Promise<{ url: string; inbox: ReceivedMail[]; close(): Promise<void> }> {
  const inbox: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : mail.to?.text ?? '';
        inbox.push({ to, subject: mail.subject ?? '', text: mail.text ?? '' });
        callback();
      }, callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    inbox,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Delivers every queued mail to the listener, then closes the pooled connection. */
export async function deliverOutbox(db: Kysely<DB>, smtpUrl: string): Promise<number> {
  const delivery = new MailDelivery(db, smtpUrl);
  let sent = 0;
  try {
    for (;;) {
      const batch = await delivery.deliverDue(200);
      sent += batch.sent;
      if (batch.sent + batch.failed === 0) return sent;
    }
  } finally {
    delivery.close();
  }
}
