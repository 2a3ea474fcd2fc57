import nodemailer, { type Transporter } from 'nodemailer';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../db/schema';

/** A message to send: queued in the caller's transaction, delivered later by the outbox job. */
export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  kind: string;
}

/** Queues mail in the same transaction as the change that causes it, so neither exists without the other. */
export async function queueMail(trx: Kysely<DB>, mails: OutgoingMail[]): Promise<void> {
  if (mails.length === 0) return;
  await trx.insertInto('mailOutbox').values(mails.map((m) => ({ toAddress: m.to, subject: m.subject, body: m.body, kind: m.kind }))).execute();
}

const MAX_ATTEMPTS = 8;

/** Delivers queued mail over SMTP (SMTP_URL); failures retry with backoff, then stay visible as failed. */
export class MailDelivery {
  private readonly transport: Transporter | null;

  constructor(private readonly db: Kysely<DB>, smtpUrl: string | undefined, private readonly from = 'Huijiao 汇交 <noreply@huijiao.local>') {
    this.transport = smtpUrl ? nodemailer.createTransport(withPooling(smtpUrl)) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /**
   * Sends up to `limit` due messages, stopping early once `budgetMs` has passed (a slow SMTP server then
   * leaves the rest for the next run instead of one run overlapping the next); rows are claimed with
   * SKIP LOCKED so instances never double-send.
   */
  async deliverDue(limit = 1000, budgetMs = 30_000): Promise<{ sent: number; failed: number }> {
    if (!this.transport) return { sent: 0, failed: 0 };
    let sent = 0;
    let failed = 0;
    const stopAt = Date.now() + budgetMs;
    for (let i = 0; i < limit && Date.now() < stopAt; i += 1) {
      const outcome = await this.db.transaction().execute(async (trx) => {
        const mail = await trx
          .selectFrom('mailOutbox')
          .selectAll()
          .where('status', '=', 'pending')
          .where('nextAttemptAt', '<=', new Date())
          // Someone is waiting for these (e-mail verification, invitations): they go before bulk notices.
          .orderBy(sql`kind IN ('auth.email_verification', 'invitation')`, 'desc')
          .orderBy('createdAt')
          .limit(1)
          .forUpdate()
          .skipLocked()
          .executeTakeFirst();
        if (!mail) return null;
        try {
          await this.transport!.sendMail({ from: this.from, to: mail.toAddress, subject: mail.subject, text: mail.body });
          await trx.updateTable('mailOutbox').set({ status: 'sent', sentAt: new Date(), attempts: mail.attempts + 1, lastError: null }).where('id', '=', mail.id).execute();
          return 'sent';
        } catch (error) {
          const attempts = mail.attempts + 1;
          await trx
            .updateTable('mailOutbox')
            .set({
              attempts,
              lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
              status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
              nextAttemptAt: sql<Date>`now() + make_interval(mins => ${2 ** attempts})`,
            })
            .where('id', '=', mail.id)
            .execute();
          return 'failed';
        }
      });
      if (outcome === null) break;
      if (outcome === 'sent') sent += 1;
      else failed += 1;
    }
    return { sent, failed };
  }

  close(): void {
    this.transport?.close();
  }
}

/** One pooled SMTP connection for a batch instead of a new connection per message. */
function withPooling(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  return url.toString();
}
