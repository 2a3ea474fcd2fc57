import type { Kysely } from 'kysely';
import type { DB, Resource, ResourceStatus, ReviewTier } from '../../db/schema';
import { addWorkingDays } from '../../platform/china-time';
import { ReviewsRepository } from './reviews.repository';
import { routeFor, STATUS_OF_TIER, TIERS, type ReviewSettings } from './review-settings';

/**
 * Opens a new review round for a submitted resource: snapshots its metadata and files (the next
 * round's diff base) and moves it to the first tier its platform does not skip.
 */
export async function openRound(trx: Kysely<DB>, resource: Resource, submittedBy: string | null, settings: ReviewSettings, now = new Date()): Promise<ResourceStatus> {
  const repo = new ReviewsRepository(trx);
  const round = resource.reviewRound + 1;
  await repo.insertRound({ resourceId: resource.id, round, submittedBy, metadata: resource.metadata, files: await repo.fileSnapshot(resource.id) });
  await repo.setStep(resource.id, { status: 'submitted', stepEnteredAt: now, stepDueAt: null, reviewRound: round, submittedAt: now });
  return moveOn(trx, { ...resource, reviewRound: round }, null, settings, now);
}

/**
 * Moves a resource past `from` (or to the start) to the next tier that is not skipped, recording each
 * skipped tier in the round history; after the last tier it is approved and waits for release.
 */
export async function moveOn(trx: Kysely<DB>, resource: Pick<Resource, 'id' | 'reviewRound' | 'resourceType'>, from: ReviewTier | null, settings: ReviewSettings, now = new Date()): Promise<ResourceStatus> {
  const repo = new ReviewsRepository(trx);
  const start = from ? TIERS.indexOf(from) + 1 : 0;
  for (const step of routeFor(settings, resource.resourceType).slice(start)) {
    if (step.skipped) {
      await repo.insertDecision({ resourceId: resource.id, round: resource.reviewRound, tier: step.tier, decision: 'skipped', reviewerId: null, comment: null, detail: { reason: 'platform_settings' } });
      continue;
    }
    const status = STATUS_OF_TIER[step.tier];
    await repo.setStep(resource.id, { status, stepEnteredAt: now, stepDueAt: addWorkingDays(now, settings.reviewDays) });
    return status;
  }
  await repo.setStep(resource.id, { status: 'approved', stepEnteredAt: now, stepDueAt: null });
  await repo.closeRound(resource.id, resource.reviewRound, 'approved');
  return 'approved';
}

/** Sends a resource back to its submitters, due back within the platform's return period. */
export async function returnToSubmitter(trx: Kysely<DB>, resource: Pick<Resource, 'id' | 'reviewRound'>, settings: ReviewSettings, now = new Date()): Promise<ResourceStatus> {
  const repo = new ReviewsRepository(trx);
  await repo.setStep(resource.id, { status: 'returned', stepEnteredAt: now, stepDueAt: addWorkingDays(now, settings.returnDays) });
  await repo.closeRound(resource.id, resource.reviewRound, 'returned');
  return 'returned';
}
