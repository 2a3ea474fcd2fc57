import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { fieldError } from '../../platform/errors';
import { authorize, can } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import { systemCtx, type Ctx } from '../../platform/context';
import { iso } from '../../platform/format';
import { queueMail } from '../../platform/mail';
import { mailTemplates } from '../../platform/mail-templates';
import { chinaDate } from '../../platform/china-time';
import { subjectVisibility } from '../registry/registry.policy';
import { RESOURCE_TYPE_LABELS, type ResourceType } from '../standards/standard-document';
import { RemindersRepository, SCHEDULE_KEY } from './reminders.repository';
import { SupervisionRepository } from './supervision.repository';
import { byTypeOrder } from './supervision.presenter';
import type { ReminderLogQuery, ReminderRequest, ReminderSettings } from './supervision.schemas';

const DAY = 86_400_000;
export const DEFAULT_SCHEDULE: ReminderSettings = { enabled: true, beforeDays: [7, 1], afterDays: [1, 7, 30] };
const PLATFORM_SENDER = { zh: '汇交平台', en: 'The Huijiao platform' };

type ReminderStatus = 'sent' | 'already_today' | 'no_recipients' | 'forbidden' | 'not_found';
type Reason = 'manual' | 'before_due' | 'after_due';
interface MailLine { type: { zh: string; en: string }; planned: number; delivered: number; dueDate: string | null; overdue: boolean }
interface Recipient { id: string; email: string; displayName: string }

const typeLabel = (type: string) => RESOURCE_TYPE_LABELS[type as ResourceType] ?? { zh: type, en: type };
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * Reminders of a subject's PI and submitters, by hand from the dashboards or by the daily schedule:
 * at most one per subject, person and China day (the `reminders` unique key), whoever sends first.
 */
export class RemindersService {
  private readonly repo: RemindersRepository;
  private readonly stats: SupervisionRepository;

  constructor(private readonly db: Kysely<DB>, private readonly config: Config) {
    this.repo = new RemindersRepository(db);
    this.stats = new SupervisionRepository(db);
  }

  /** Reminds each listed subject the actor may remind, with what is due or overdue and the sender's note. */
  async send(ctx: Ctx, input: ReminderRequest, now = new Date()) {
    authorize(ctx.actor, 'supervision.send_reminders', null);
    const codes = [...new Set(input.subjectCodes.map((c) => c.trim()))];
    const subjects = new Map((await this.stats.findSubjectsByCode(codes)).map((s) => [s.code, s]));
    const refs = await this.stats.subjectRefs([...subjects.values()].map((s) => s.id));
    const allowed = [...subjects.values()].filter((s) => can(ctx.actor, 'supervision.remind', refs.get(s.id)!));
    const today = chinaDate(now);
    await this.stats.refreshStale({ maxBatches: 1 });
    const details = new Map((await this.stats.details(this.stats.scopeOf(allowed.map((s) => s.id)), { now, today }, { overdue: false, sort: 'code', order: 'asc' })).map((d) => [d.id, d]));
    const recipients = await this.recipientsOf(allowed.map((s) => s.id));
    const message = input.message?.trim() || null;
    const sender = { zh: ctx.actor.displayName, en: ctx.actor.displayName };

    const results: Array<{ code: string; status: ReminderStatus; recipients: number }> = [];
    for (const code of codes) {
      const subject = subjects.get(code);
      if (!subject) {
        results.push({ code, status: 'not_found', recipients: 0 });
        continue;
      }
      if (!allowed.includes(subject)) {
        results.push({ code, status: 'forbidden', recipients: 0 });
        continue;
      }
      const lines = (details.get(subject.id)?.byType ?? [])
        .filter((t) => !t.waived && t.delivered < t.planned)
        .sort(byTypeOrder)
        .map((t) => ({ type: typeLabel(t.type), planned: t.planned, delivered: t.delivered, dueDate: t.dueDate, overdue: t.overdueLines > 0 }));
      const sent = await this.remind(ctx, { subjectId: subject.id, code, title: subject.titleZh }, recipients.get(subject.id) ?? [], { day: today, reason: 'manual', message, sender, lines });
      results.push({ code, status: sent === null ? 'no_recipients' : sent === 0 ? 'already_today' : 'sent', recipients: sent ?? 0 });
    }
    return { results };
  }

  /**
   * The automatic schedule (job `supervision-reminders`, hourly): approved lines not yet fulfilled
   * that fall due in N days (beforeDays) or fell due N days ago (afterDays) get their subject one
   * reminder listing them. Returns how many subjects were reminded now.
   */
  async remindScheduled(now = new Date()): Promise<number> {
    const schedule = await this.schedule();
    if (!schedule.enabled) return 0;
    const today = chinaDate(now);
    const days = [...schedule.beforeDays.map((n) => addDays(today, n)), ...schedule.afterDays.map((n) => addDays(today, -n))];
    const lines = await this.repo.scheduledLines([...new Set(days)]);
    const bySubject = new Map<string, typeof lines>();
    for (const line of lines) bySubject.set(line.subjectId, [...(bySubject.get(line.subjectId) ?? []), line]);
    // Most runs of the day find everyone already reminded: leave those subjects out before opening transactions.
    const done = await this.repo.remindedOn([...bySubject.keys()], today);
    const recipients = await this.recipientsOf([...bySubject.keys()]);
    for (const [subjectId, people] of recipients) recipients.set(subjectId, people.filter((p) => !done.has(`${subjectId}:${p.id}`)));
    const ctx = systemCtx('supervision-reminders');
    let reminded = 0;
    for (const [subjectId, due] of bySubject) {
      if ((recipients.get(subjectId) ?? []).length === 0) continue;
      const overdue = due.some((l) => l.dueDate < today);
      const sent = await this.remind(ctx, { subjectId, code: due[0]!.code, title: due[0]!.titleZh }, recipients.get(subjectId) ?? [], {
        day: today, reason: overdue ? 'after_due' : 'before_due', message: null, sender: PLATFORM_SENDER,
        lines: due.map((l) => ({ type: typeLabel(l.resourceType), planned: l.cum, delivered: Math.min(l.released, l.cum), dueDate: l.dueDate, overdue: l.dueDate < today })),
      });
      if (sent) reminded += 1;
    }
    return reminded;
  }

  /**
   * Claims today's reminder for each recipient and mails those claimed, with the audit entry, in one
   * transaction. Returns how many were mailed, or null when the subject has nobody to remind.
   */
  private async remind(ctx: Ctx, subject: { subjectId: string; code: string; title: string }, people: Recipient[], what: { day: string; reason: Reason; message: string | null; sender: { zh: string; en: string }; lines: MailLine[] }): Promise<number | null> {
    if (people.length === 0) return null;
    const link = `${this.config.publicUrl}/subjects/${subject.code}`;
    return this.db.transaction().execute(async (trx) => {
      const repo = new RemindersRepository(trx);
      const mailed: Recipient[] = [];
      for (const person of people) {
        if (await repo.claim({ subjectId: subject.subjectId, recipientId: person.id, day: what.day, reason: what.reason, message: what.message, sentBy: ctx.actor?.userId || null })) mailed.push(person);
      }
      if (mailed.length === 0) return 0;
      await queueMail(trx, mailed.map((person) => mailTemplates.supervisionReminder({
        to: person.email, name: person.displayName, code: subject.code, title: subject.title, sender: what.sender, note: what.message, link, lines: what.lines,
      })));
      await recordAudit(trx, ctx, {
        action: 'supervision.reminded', objectType: 'subject', objectId: subject.subjectId,
        after: { reason: what.reason, day: what.day, message: what.message, recipients: mailed.map((p) => p.id), lines: what.lines.map((l) => ({ type: l.type.en, dueDate: l.dueDate, overdue: l.overdue })) },
      });
      return mailed.length;
    });
  }

  private async recipientsOf(subjectIds: string[]): Promise<Map<string, Recipient[]>> {
    const grouped = new Map<string, Recipient[]>();
    for (const row of await this.repo.recipients(subjectIds)) {
      const list = grouped.get(row.subjectId) ?? [];
      if (!list.some((p) => p.id === row.id)) list.push({ id: row.id, email: row.email, displayName: row.displayName });
      grouped.set(row.subjectId, list);
    }
    return grouped;
  }

  /** The reminder log of the subjects in the actor's scope. */
  async log(ctx: Ctx, query: ReminderLogQuery) {
    authorize(ctx.actor, 'supervision.read', null);
    const visibility = subjectVisibility(ctx.actor) ?? { all: false, subjectIds: [], unitRoots: [], platformIds: [], provinceDeptIds: [] };
    const { items, total } = await this.repo.log(visibility, { subjectCode: query.subjectCode?.trim() || undefined, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
    return {
      total,
      items: items.map((m) => ({ id: m.id, subjectCode: m.subjectCode, subjectTitle: m.subjectTitle, recipientName: m.recipientName, reason: m.reason, message: m.message, sentByName: m.sentByName, day: m.day, createdAt: iso(m.createdAt)! })),
    };
  }

  async getSettings(ctx: Ctx): Promise<ReminderSettings> {
    authorize(ctx.actor, 'supervision.read', null);
    return this.schedule();
  }

  /** The ministry sets the schedule: each list at most 10 distinct days, 1–365. */
  async saveSettings(ctx: Ctx, input: ReminderSettings): Promise<ReminderSettings> {
    authorize(ctx.actor, 'supervision.configure', null);
    for (const field of ['beforeDays', 'afterDays'] as const) {
      const days = input[field];
      if (days.length > 10 || new Set(days).size !== days.length || days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) throw fieldError('supervision.bad_schedule', `/${field}`);
    }
    const schedule: ReminderSettings = { enabled: input.enabled, beforeDays: [...input.beforeDays].sort((a, b) => b - a), afterDays: [...input.afterDays].sort((a, b) => a - b) };
    const before = await this.schedule();
    await this.db.transaction().execute(async (trx) => {
      await new RemindersRepository(trx).saveSetting(SCHEDULE_KEY, schedule, ctx.actor?.userId || null);
      await recordAudit(trx, ctx, { action: 'supervision.schedule_updated', objectType: 'setting', objectId: SCHEDULE_KEY, before, after: schedule });
    });
    return schedule;
  }

  private async schedule(): Promise<ReminderSettings> {
    const stored = (await this.repo.setting(SCHEDULE_KEY)) as Partial<ReminderSettings> | undefined;
    if (!stored) return DEFAULT_SCHEDULE;
    return { enabled: stored.enabled ?? DEFAULT_SCHEDULE.enabled, beforeDays: stored.beforeDays ?? DEFAULT_SCHEDULE.beforeDays, afterDays: stored.afterDays ?? DEFAULT_SCHEDULE.afterDays };
  }
}
