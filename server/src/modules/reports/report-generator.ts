import type { Kysely } from 'kysely';
import type { DB, ReportPeriod } from '../../db/schema';
import { chinaDate, chinaDateTime } from '../../platform/china-time';
import { RESOURCE_TYPE_LABELS } from '../standards/standard-document';
import { ReportDataRepository } from './report-data.repository';
import { monthsOf, periodInstants, periodLabel } from './report-periods';
import type { ScopeType } from './reports.repository';
import {
  addUsage, byUse, mean, score, typeLabel, zeroUsage,
  type EvaluationSummary, type ReportContent, type ResourceLine, type ReuseLine, type SubjectLine,
} from './report-content';

/** What to report on. */
export interface ReportOrder {
  scopeType: ScopeType;
  scopeId: string;
  period: ReportPeriod;
  periodStart: string;
  periodEnd: string;
}

const TYPE_ORDER = Object.keys(RESOURCE_TYPE_LABELS);
const typeOrder = (type: string) => (TYPE_ORDER.includes(type) ? TYPE_ORDER.indexOf(type) : TYPE_ORDER.length);
const chinaDateOf = (at: Date | string) => chinaDate(new Date(at));

/**
 * Gathers a report's content subject batch by subject batch, telling the caller after each batch how
 * many subjects are done (so a large program shows its progress).
 */
export class ReportGenerator {
  private readonly data: ReportDataRepository;

  constructor(db: Kysely<DB>, private readonly batchSize = 50) {
    this.data = new ReportDataRepository(db);
  }

  /** The subjects in scope (the report's total). */
  subjectIds(order: ReportOrder): Promise<string[]> {
    return this.data.subjectIds(order.scopeType, order.scopeId);
  }

  async generate(order: ReportOrder, subjectIds: string[], onProgress: (done: number) => Promise<void>, now = new Date()): Promise<ReportContent> {
    const names = await this.data.scopeNames(order.scopeType, order.scopeId);
    const months = monthsOf(order.periodStart, order.periodEnd);
    const { from, until } = periodInstants(order.periodStart, order.periodEnd);
    const window = { from, until, firstMonth: `${months[0]}-01`, lastMonth: `${months[months.length - 1]}-01` };
    const run = await this.data.newestDoneRun();

    const subjects: SubjectLine[] = [];
    const resources: ResourceLine[] = [];
    const reuse: ReuseLine[] = [];
    const byType = new Map<string, { planned: number; delivered: number }>();
    const monthly = new Map(months.map((month) => [month, zeroUsage()]));

    for (let start = 0; start < subjectIds.length; start += this.batchSize) {
      const ids = subjectIds.slice(start, start + this.batchSize);
      const [rows, planned, released, used, usedMonthly, reused, scores] = await Promise.all([
        this.data.subjects(ids), this.data.planned(ids), this.data.releasedLineages(ids, until), this.data.resources(ids, window),
        this.data.monthly(ids, window), this.data.reuse(ids, window), run ? this.data.scores(run.id, ids) : Promise.resolve([]),
      ]);
      for (const subject of rows) {
        const line: SubjectLine = {
          code: subject.code, titleZh: subject.titleZh, projectCode: subject.projectCode, leadUnit: subject.leadUnit, piName: subject.piName,
          planned: 0, delivered: 0, released: 0, reuse: 0, ...zeroUsage(), completion: null, sharing: null, total: null, rank: null,
        };
        for (const plan of planned.filter((p) => p.subjectId === subject.id)) {
          // Delivered counts released lineages per planned type, capped at what was planned.
          const delivered = Math.min(plan.n, released.find((r) => r.subjectId === subject.id && r.resourceType === plan.resourceType)?.n ?? 0);
          line.planned += plan.n;
          line.delivered += delivered;
          const type = byType.get(plan.resourceType) ?? { planned: 0, delivered: 0 };
          type.planned += plan.n;
          type.delivered += delivered;
          byType.set(plan.resourceType, type);
        }
        for (const resource of used.filter((r) => r.subjectId === subject.id)) {
          addUsage(line, resource);
          if (resource.releasedInPeriod) line.released += 1;
        }
        line.reuse = reused.filter((r) => r.subjectId === subject.id).length;
        const scored = scores.find((s) => s.subjectId === subject.id);
        if (scored) Object.assign(line, { completion: score(scored.completion), sharing: score(scored.sharing), total: score(scored.total), rank: scored.rank });
        subjects.push(line);
      }
      resources.push(...used.map((r) => ({
        cstr: r.cstr, titleZh: r.titleZh, typeLabel: typeLabel(r.resourceType), subjectCode: r.subjectCode, versionNo: r.versionNo,
        releasedOn: r.releasedAt ? chinaDateOf(r.releasedAt) : null, releasedInPeriod: r.releasedInPeriod,
        views: r.views, downloads: r.downloads, searchHits: r.searchHits, uniqueUsers: r.uniqueUsers, applications: r.applications,
      })));
      for (const month of usedMonthly) addUsage(monthly.get(month.month)!, month);
      reuse.push(...reused.map((r) => ({
        resourceTitle: r.resourceTitle, cstr: r.cstr, kind: r.kind, citation: r.citation, doi: r.doi, url: r.url, description: r.description,
        reportedByName: r.reportedByName, acceptedOn: chinaDateOf(r.reviewedAt!),
      })));
      await onProgress(Math.min(subjectIds.length, start + ids.length));
    }

    resources.sort(byUse);
    reuse.sort((a, b) => a.acceptedOn.localeCompare(b.acceptedOn));
    const usage = zeroUsage();
    for (const line of subjects) addUsage(usage, line);
    const evaluation: EvaluationSummary | null = run ? {
      asOf: chinaDateOf(run.asOf), ruleVersion: run.ruleVersion,
      scored: subjects.filter((s) => s.total !== null).length,
      completion: mean(subjects.map((s) => s.completion)), sharing: mean(subjects.map((s) => s.sharing)), total: mean(subjects.map((s) => s.total)),
      rank: order.scopeType === 'program' ? await this.data.programRollup(run.id, names.code) : null,
      top: subjects.filter((s) => s.total !== null).sort((a, b) => b.total! - a.total! || a.code.localeCompare(b.code)).slice(0, 10)
        .map((s) => ({ code: s.code, titleZh: s.titleZh, completion: s.completion, sharing: s.sharing, total: s.total, rank: s.rank })),
    } : null;

    return {
      scope: { type: order.scopeType, code: names.code, titleZh: names.titleZh, programCode: names.programCode, programTitle: names.programTitle },
      period: { kind: order.period, start: order.periodStart, end: order.periodEnd, label: periodLabel(order.period, order.periodStart, order.periodEnd), months },
      generatedAt: chinaDateTime(now),
      summary: {
        subjects: subjects.length,
        planned: subjects.reduce((sum, s) => sum + s.planned, 0),
        delivered: subjects.reduce((sum, s) => sum + s.delivered, 0),
        released: subjects.reduce((sum, s) => sum + s.released, 0),
        ...usage,
        reuse: reuse.length,
        meanTotal: evaluation?.total ?? null,
      },
      byType: [...byType.entries()].map(([type, v]) => ({ type, label: typeLabel(type), ...v })).sort((a, b) => typeOrder(a.type) - typeOrder(b.type) || a.type.localeCompare(b.type)),
      subjects,
      monthly: months.map((month) => ({ month, ...monthly.get(month)! })),
      resources,
      reuse,
      evaluation,
    };
  }
}
