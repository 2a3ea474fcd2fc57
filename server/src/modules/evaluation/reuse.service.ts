import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import type { PortalService } from '../portal/portal.service';

/** Reported reuse (citations, benefit statements) of released resources, reviewed by their platform. */
export class ReuseService {
  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly portal: PortalService) {}
}
