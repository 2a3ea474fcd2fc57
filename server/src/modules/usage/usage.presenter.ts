import type { UsageTotals } from './usage-event';
import type { MonthlyCounts } from './usage.repository';
import type { UsageCounts } from './usage.schemas';

/** No use at all. */
export const ZERO_COUNTS: UsageCounts = { views: 0, uniqueViews: 0, searchHits: 0, downloads: 0, uniqueDownloads: 0, applicationsApproved: 0, machineViews: 0, machineDownloads: 0 };

/**
 * COUNTER metrics in the portal's words: views are Total_Item_Investigations (landing page views and
 * downloads), downloads are Total_Item_Requests, the unique ones count sessions; machine use is apart.
 */
export function presentCounts(row: MonthlyCounts | undefined): UsageCounts {
  if (!row) return { ...ZERO_COUNTS };
  return {
    views: Number(row.totalItemInvestigations),
    uniqueViews: Number(row.uniqueItemInvestigations),
    searchHits: Number(row.searchHits),
    downloads: Number(row.totalItemRequests),
    uniqueDownloads: Number(row.uniqueItemRequests),
    applicationsApproved: Number(row.applicationsApproved),
    machineViews: Number(row.machineInvestigations),
    machineDownloads: Number(row.machineRequests),
  };
}

/** The sum of several periods' counts (totals of a series). */
export function addCounts(a: UsageCounts, b: UsageCounts): UsageCounts {
  const sum = { ...a };
  for (const key of Object.keys(sum) as Array<keyof UsageCounts>) sum[key] += b[key];
  return sum;
}

/** The landing page's four figures: regular and machine use together (robots are never counted). */
export function presentLandingTotals(row: MonthlyCounts | undefined): UsageTotals {
  if (!row) return { views: 0, downloads: 0, uniqueViews: 0, uniqueDownloads: 0 };
  return {
    views: Number(row.totalItemInvestigations) + Number(row.machineInvestigations),
    downloads: Number(row.totalItemRequests) + Number(row.machineRequests),
    uniqueViews: Number(row.uniqueItemInvestigations) + Number(row.uniqueMachineInvestigations),
    uniqueDownloads: Number(row.uniqueItemRequests) + Number(row.uniqueMachineRequests),
  };
}
