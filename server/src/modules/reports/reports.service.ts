import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import type { BlobStore } from '../../platform/blobs';
import type { RegistryService } from '../registry/registry.service';
import type { EvaluationService } from '../evaluation/evaluation.service';

/** Utilisation reports per project and program: queued, generated in the background, stored, mailed. */
export class ReportsService {
  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly registry: RegistryService, private readonly blobs: BlobStore, private readonly evaluation: EvaluationService) {}
}
