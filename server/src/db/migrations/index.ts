import type { Migration } from 'kysely';
import * as createFoundation from './2026-11-27T1200-create-foundation';
import * as createStandards from './2026-11-27T1300-create-standards';
import * as createRegistryAndPlans from './2026-11-27T1400-create-registry-and-plans';
import * as createResourcesAndFiles from './2026-11-27T1500-create-resources-and-files';
import * as createReviewAndRelease from './2026-11-27T1600-create-review-and-release';
import * as createSearch from './2026-11-27T1700-create-search';
import * as createAccess from './2026-11-27T1710-create-access';
import * as createUsage from './2026-11-27T1720-create-usage';
import * as createHarvestIndex from './2026-11-27T1730-create-harvest-index';
import * as createSupervisionAndEvaluation from './2026-11-27T1800-create-supervision-and-evaluation';
import * as createSubjectProgress from './2026-11-27T1810-create-subject-progress';
import * as createRegistrationAttempts from './2026-11-28T0900-create-registration-attempts';
import * as orderReviewDecisions from './2026-11-28T0910-order-review-decisions';

/** Every migration, in the order applied. Migrations are frozen: add new files, never edit old ones. */
export const migrations: Record<string, Migration> = {
  '2026-11-27T1200-create-foundation': createFoundation,
  '2026-11-27T1300-create-standards': createStandards,
  '2026-11-27T1400-create-registry-and-plans': createRegistryAndPlans,
  '2026-11-27T1500-create-resources-and-files': createResourcesAndFiles,
  '2026-11-27T1600-create-review-and-release': createReviewAndRelease,
  '2026-11-27T1700-create-search': createSearch,
  '2026-11-27T1710-create-access': createAccess,
  '2026-11-27T1720-create-usage': createUsage,
  '2026-11-27T1730-create-harvest-index': createHarvestIndex,
  '2026-11-27T1800-create-supervision-and-evaluation': createSupervisionAndEvaluation,
  '2026-11-27T1810-create-subject-progress': createSubjectProgress,
  '2026-11-28T0900-create-registration-attempts': createRegistrationAttempts,
  '2026-11-28T0910-order-review-decisions': orderReviewDecisions,
};
