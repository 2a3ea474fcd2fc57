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
import { ResourcesService } from './modules/resources/resources.service';
import { UploadsService } from './modules/files/uploads.service';
import { ResourceImportService } from './modules/resources/resource-import.service';
import { LocalBlobStore } from './platform/blobs';
import path from 'node:path';
import { ReviewsService } from './modules/reviews/reviews.service';
import { ExpertsService } from './modules/reviews/experts.service';
import { ReleasesService } from './modules/releases/releases.service';
import { RegistrationsService } from './modules/releases/registrations.service';
import { LocalRegistrar, NationalRegistrar, type Registrar } from './modules/releases/registrar';
import { CertificatesService } from './modules/certificates/certificates.service';
import { SearchService } from './modules/search/search.service';
import { UsageService } from './modules/usage/usage.service';
import { PortalService } from './modules/portal/portal.service';
import { ApplicationsService } from './modules/portal/applications.service';
import { RegistrationService } from './modules/auth/registration.service';
import { InteropService } from './modules/interop/interop.service';
import { OaiService } from './modules/interop/oai';
import { SupervisionService } from './modules/supervision/supervision.service';
import { EvaluationService } from './modules/evaluation/evaluation.service';
import { ReuseService } from './modules/evaluation/reuse.service';
import { ReportsService } from './modules/reports/reports.service';

/** Every service of the app, built once over one database. */
export function createServices(database: Database, config: Config, registrar: Registrar = config.cstrRegistryUrl ? new NationalRegistrar(config.cstrRegistryUrl, config.cstrRegistryToken) : new LocalRegistrar()) {
  const { db } = database;
  const registry = new RegistryService(db, config);
  const standards = new StandardsService(db);
  const blobs = new LocalBlobStore(path.join(config.dataDir, 'blobs'));
  const resources = new ResourcesService(db, config, registry, standards);
  const reviews = new ReviewsService(db, config, resources);
  const usage = new UsageService(db);
  const portal = new PortalService(db, config, registry, blobs, { recorder: usage, totals: (resourceId) => usage.landingTotals(resourceId) });
  const interop = new InteropService(db, config, portal, blobs);
  const evaluation = new EvaluationService(db, config, registry, blobs);
  return {
    config,
    blobs,
    auth: new AuthService(db, config),
    orgs: new OrgsService(db),
    users: new UsersService(db),
    audit: new AuditService(db),
    standards,
    registry,
    registryImport: new RegistryImportService(db, config),
    plans: new PlansService(db, config, registry),
    resources,
    uploads: new UploadsService(db, config, blobs, resources),
    resourceImports: new ResourceImportService(db, registry, standards, blobs),
    reviews,
    experts: new ExpertsService(db, config, resources, reviews),
    releases: new ReleasesService(db, config, resources, registrar),
    registrations: new RegistrationsService(db, config, registrar),
    certificates: new CertificatesService(db, config, registry, blobs),
    search: new SearchService(db, usage),
    usage,
    portal,
    applications: new ApplicationsService(db, config, registry, portal, usage),
    registration: new RegistrationService(db, config),
    interop,
    oai: new OaiService(db, config, interop),
    supervision: new SupervisionService(db, config, registry),
    evaluation,
    reuse: new ReuseService(db, config, portal),
    reports: new ReportsService(db, config, blobs),
  };
}
export type Services = ReturnType<typeof createServices>;
