import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Services } from '../services';
import { chinaDate } from '../platform/china-time';
import { as } from './demo-support';

/** Who receives each demo program's utilisation reports (program management offices; not platform users). */
const CONTACTS: Record<string, Array<{ name: string; email: string }>> = {
  '2021YFC2500000': [{ name: '常见多发病专项管理办公室', email: 'cfd-office@most.example.cn' }, { name: '王建国', email: 'wang.jianguo@most.example.cn' }],
  '2022YFD1900000': [{ name: '黑土地专项管理办公室', email: 'blacksoil-office@most.example.cn' }],
};
const REPORTED_PROGRAM = '2021YFC2500000';

/**
 * Program contacts for the demo programs and one on-demand report of the first program over the six
 * months of demo usage (ordered by the ministry, generated before this returns). Idempotent.
 */
export async function loadDemoReports(db: Kysely<DB>, services: Services, now = new Date()): Promise<string | null> {
  const ctx = await as(db, 'ministry');
  for (const [code, contacts] of Object.entries(CONTACTS)) {
    const program = await db.selectFrom('programs').select('id').where('code', '=', code).executeTakeFirst();
    if (!program) continue;
    const existing = await db.selectFrom('programContacts').select('email').where('programId', '=', program.id).limit(1).executeTakeFirst();
    if (!existing) await services.reports.updateContacts(ctx, code, { items: contacts });
  }

  const program = await db.selectFrom('programs').select('id').where('code', '=', REPORTED_PROGRAM).executeTakeFirst();
  if (!program) return null;
  const reported = await db.selectFrom('utilisationReports').select('id').where('scopeId', '=', program.id).limit(1).executeTakeFirst();
  if (reported) return null;
  const today = chinaDate(now);
  const [year, month] = today.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 6, 1)).toISOString().slice(0, 10);
  const report = await services.reports.create(ctx, { scopeType: 'program', code: REPORTED_PROGRAM, periodStart: start, periodEnd: today });
  await services.reports.settled();
  return report.id;
}
