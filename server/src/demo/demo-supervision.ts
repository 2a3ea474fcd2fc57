import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Services } from '../services';
import { chinaDate } from '../platform/china-time';
import { as } from './demo-support';

const DAY = 86_400_000;
/** 吴琳's subject at 浙江大学: its approved plan has a data line 45 days past due with nothing released. */
const OVERDUE_SUBJECT = '2021YFC2503003';
const OVERDUE_PI = 'wu.lin@zju.example.cn';

/**
 * What the supervision dashboards need beyond the other demo sets, made through the real services:
 * an approved plan line of a 浙江 subject past its due date (45 days, so no scheduled reminder day
 * — 1, 7 or 30 days after — ever falls on it), funding reports (one spent with nothing released) and
 * a reminder in the log on a subject that is not overdue, so reminding an overdue one still sends
 * today. Skips each part that is already there.
 */
export async function loadDemoSupervision(db: Kysely<DB>, services: Services, now = new Date()): Promise<void> {
  const subject = await db.selectFrom('subjects').select(['id', 'code']).where('code', '=', OVERDUE_SUBJECT).executeTakeFirst();
  if (subject && !(await db.selectFrom('plans').select('id').where('subjectId', '=', subject.id).executeTakeFirst())) {
    const [pi, unitAdmin, phAdmin] = [await as(db, OVERDUE_PI), await as(db, 'unit_admin'), await as(db, 'ph_admin')];
    const plan = await services.plans.create(pi, subject.id, [
      { resourceType: 'data', plannedCount: 3, dueDate: chinaDate(new Date(now.getTime() - 45 * DAY)), sharingMode: 'open', notes: '哮喘患儿环境暴露监测数据' },
      { resourceType: 'report', plannedCount: 1, dueDate: '2027-05-31', sharingMode: 'open', notes: null },
    ]);
    const versionId = plan.working!.id;
    await services.plans.submit(pi, versionId);
    await services.plans.decide(unitAdmin, versionId, { decision: 'approve', comment: '单位审核通过。' });
    await services.plans.decide(phAdmin, versionId, { decision: 'approve', comment: '同意。' });
  }

  if (!(await db.selectFrom('fundingReports').select('id').limit(1).executeTakeFirst())) {
    const unitAdmin = await as(db, 'unit_admin');
    await services.supervision.funding.report(unitAdmin, '2021YFC2501001', { amountSpent: 152000, note: '队列随访数据整理与平台汇交' });
    // Spent on collection, nothing released yet: the dashboard flags it.
    await services.supervision.funding.report(unitAdmin, '2021YFC2501002', { amountSpent: 86000.5, note: '样本库质控与数据整理' });
  }

  if (!(await db.selectFrom('reminders').select('id').where('itemType', '=', 'subject').limit(1).executeTakeFirst())) {
    await services.supervision.reminders.send(await as(db, 'unit_admin'), { subjectCodes: ['2021YFC2501002'], message: '请按单位审核意见尽快修改汇交计划并重新提交。' }, now);
  }
}
