import type { Config } from './config';
import type { Database } from './db/database';
import { AuthService } from './modules/auth/auth.service';
import { OrgsService } from './modules/orgs/orgs.service';
import { UsersService } from './modules/users/users.service';
import { AuditService } from './modules/audit/audit.service';
import { StandardsService } from './modules/standards/standards.service';
import { RegistryService } from './modules/registry/registry.service';
import { RegistryImportService } from './modules/registry/registry-import.service';
import { PlansService } from './modules/plans/plans.service';

/** Every service of the app, built once over one database. */
export function createServices(database: Database, config: Config) {
  const { db } = database;
  const registry = new RegistryService(db, config);
  return {
    auth: new AuthService(db, config),
    orgs: new OrgsService(db),
    users: new UsersService(db),
    audit: new AuditService(db),
    standards: new StandardsService(db),
    registry,
    registryImport: new RegistryImportService(db, config),
    plans: new PlansService(db, config, registry),
  };
}
export type Services = ReturnType<typeof createServices>;
