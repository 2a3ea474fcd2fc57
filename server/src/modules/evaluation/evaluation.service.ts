import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import type { BlobStore } from '../../platform/blobs';
import type { RegistryService } from '../registry/registry.service';

/** Evaluation rule sets, runs, scores, roll-ups and records (docs/supervision-and-evaluation.md). */
export class EvaluationService {
  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly registry: RegistryService, private readonly blobs: BlobStore) {}
}
