import { Type, type Static } from 'typebox';
import { Uuid } from '../../platform/schemas';

const count = Type.Integer({ minimum: 0 });

/** COUNTER R5 figures in the portal's words (docs/portal.md). */
export const UsageCounts = Type.Object({
  views: count, uniqueViews: count, searchHits: count, downloads: count, uniqueDownloads: count,
  applicationsApproved: count, machineViews: count, machineDownloads: count,
});
export type UsageCounts = Static<typeof UsageCounts>;

const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM (China time)' });
const MonthCounts = Type.Object({ month: Month, ...UsageCounts.properties });

export const ResourceUsage = Type.Object({ totals: UsageCounts, months: Type.Array(MonthCounts) });
export type ResourceUsage = Static<typeof ResourceUsage>;

export const UsageLevel = Type.Union([Type.Literal('resource'), Type.Literal('subject'), Type.Literal('project'), Type.Literal('unit'), Type.Literal('program'), Type.Literal('platform')]);

export const SummaryQuery = Type.Object({
  level: UsageLevel,
  id: Uuid,
  from: Type.Optional(Month),
  to: Type.Optional(Month),
}, { additionalProperties: false });
export type SummaryQuery = Static<typeof SummaryQuery>;

export const UsageSummary = Type.Object({
  level: UsageLevel,
  id: Type.String(),
  from: Month,
  to: Month,
  /** True when the actor may read only some of the level's subjects: the figures cover those only. */
  partial: Type.Boolean(),
  totals: UsageCounts,
  months: Type.Array(MonthCounts),
});
export type UsageSummary = Static<typeof UsageSummary>;
