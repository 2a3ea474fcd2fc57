import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { AppError, fieldError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { iso } from '../../platform/format';
import type { RegistryService } from '../registry/registry.service';
import { RegistryRepository } from '../registry/registry.repository';
import { FundingRepository } from './funding.repository';
import type { FundingBody, FundingRequest } from './supervision.schemas';

const MAX_AMOUNT = 1e12;

/** The funding a subject spent on collection, reported by its lead unit; flagged when spent with nothing released. */
export class FundingService {
  private readonly repo: FundingRepository;

  constructor(private readonly db: Kysely<DB>, private readonly registry: RegistryService) {
    this.repo = new FundingRepository(db);
  }

  async get(ctx: Ctx, code: string): Promise<FundingBody> {
    const { subject } = await this.subjectFor(ctx, code, 'subject.read');
    return this.present(subject.id, subject.collectionBudget);
  }

  /** A new report by the lead unit's admin (or the ministry); the newest report is the amount spent. */
  async report(ctx: Ctx, code: string, input: FundingRequest): Promise<FundingBody> {
    const { subject } = await this.subjectFor(ctx, code, 'subject.update');
    const amount = input.amountSpent;
    if (!Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT || Math.abs(amount * 100 - Math.round(amount * 100)) > 1e-6) throw fieldError('funding.bad_amount', '/amountSpent');
    const note = input.note?.trim() || null;
    await this.db.transaction().execute(async (trx) => {
      const report = await new FundingRepository(trx).insert({ subjectId: subject.id, amountSpent: amount.toFixed(2), note, reportedBy: ctx.actor?.userId || null });
      await recordAudit(trx, ctx, { action: 'funding.reported', objectType: 'subject', objectId: subject.id, after: { reportId: report.id, amountSpent: report.amountSpent, note } });
    });
    return this.present(subject.id, subject.collectionBudget);
  }

  private async subjectFor(ctx: Ctx, code: string, action: 'subject.read' | 'subject.update') {
    const found = await new RegistryRepository(this.db).findSubjectByCode(code.trim());
    if (!found) {
      if (!ctx.actor) throw new AppError('auth.unauthenticated');
      throw new AppError('subject.not_found');
    }
    return this.registry.subjectFor(ctx, found.id, action);
  }

  private async present(subjectId: string, budget: string): Promise<FundingBody> {
    const [reports, released] = await Promise.all([this.repo.reports(subjectId), this.repo.releasedCount(subjectId)]);
    const spent = reports[0]?.amountSpent ?? '0.00';
    return {
      budget, spent, flagged: Number(spent) > 0 && released === 0,
      reports: reports.map((r) => ({ amountSpent: r.amountSpent, note: r.note, reportedByName: r.reportedByName, reportedAt: iso(r.reportedAt)! })),
    };
  }
}
