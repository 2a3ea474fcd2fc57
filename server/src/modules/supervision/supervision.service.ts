import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import type { RegistryService } from '../registry/registry.service';

/** Supervision dashboards, reminders and collection funding (docs/supervision-and-evaluation.md). */
export class SupervisionService {
  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly registry: RegistryService) {}
}
