import type { Config } from './config';
import type { Database } from './db/database';
import { AuthService } from './modules/auth/auth.service';
import { OrgsService } from './modules/orgs/orgs.service';
import { UsersService } from './modules/users/users.service';
import { AuditService } from './modules/audit/audit.service';
import { StandardsService } from './modules/standards/standards.service';

/** Every service of the app, built once over one database. */
export function createServices(database: Database, config: Config) {
  const { db } = database;
  return {
    auth: new AuthService(db, config),
    orgs: new OrgsService(db),
    users: new UsersService(db),
    audit: new AuditService(db),
    standards: new StandardsService(db),
  };
}
export type Services = ReturnType<typeof createServices>;
