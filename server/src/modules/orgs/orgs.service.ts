import type { Kysely } from 'kysely';
import type { DB, Organisation, OrgKind } from '../../db/schema';
import { isValidCreditCode } from '../../../../common/credit-code';
import { AppError, fieldError } from '../../platform/errors';
import { authorize, type OrgRef } from '../../platform/authz';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { orgVisibility } from './orgs.policy';
import { OrgsRepository } from './orgs.repository';
import { presentOrg } from './orgs.presenter';

/** Which kinds of organisation may be the parent of each kind (null: a root). */
const ALLOWED_PARENTS: Record<OrgKind, ReadonlyArray<OrgKind | null>> = {
  ministry: [null],
  centre: ['ministry'],
  domain_platform: ['centre', 'ministry'],
  province_dept: [null, 'ministry'],
  unit: [null, 'unit'],
  repository: [null, 'domain_platform', 'centre', 'unit'],
};

export interface OrgInput {
  kind: OrgKind;
  nameZh: string;
  nameEn?: string | null;
  parentId?: string | null;
  regionCode?: string | null;
  creditCode?: string | null;
}

export class OrgsService {
  private readonly repo: OrgsRepository;

  constructor(private readonly db: Kysely<DB>) {
    this.repo = new OrgsRepository(db);
  }

  async regions() {
    return this.repo.listRegions();
  }

  /** The organisations the actor may see, filtered. */
  async list(ctx: Ctx, filter: { kind?: OrgKind; q?: string }) {
    authorize(ctx.actor, 'org.list', null);
    const visibility = orgVisibility(ctx.actor);
    // Repositories receive physical deposits from every subject, so every signed-in user may list them.
    const everyone = filter.kind === 'repository';
    const rows = await this.repo.list({ ...filter, roots: visibility.all || everyone ? undefined : visibility.roots });
    return rows.map(presentOrg);
  }

  async get(ctx: Ctx, id: string) {
    const org = await this.repo.find(id);
    if (!org) throw new AppError('org.not_found');
    authorize(ctx.actor, 'org.read', await this.ref(id));
    return presentOrg(org);
  }

  /** Resolves an organisation id to what scope checks need (null if it does not exist). */
  async ref(id: string | null): Promise<OrgRef | null> {
    if (!id) return null;
    const path = await this.repo.path(id);
    return path.length > 0 ? { id, path } : null;
  }

  async create(ctx: Ctx, input: OrgInput) {
    authorize(ctx.actor, 'org.manage', null);
    const values = normalise(input);
    return this.db.transaction().execute(async (trx) => {
      const repo = new OrgsRepository(trx);
      await this.check(repo, null, values);
      const org = await repo.insert(values);
      await recordAudit(trx, ctx, { action: 'org.created', objectType: 'organisation', objectId: org.id, after: presentOrg(org) });
      return presentOrg(org);
    });
  }

  async update(ctx: Ctx, id: string, patch: Partial<OrgInput>) {
    authorize(ctx.actor, 'org.manage', null);
    return this.db.transaction().execute(async (trx) => {
      const repo = new OrgsRepository(trx);
      const before = await repo.find(id);
      if (!before) throw new AppError('org.not_found');
      const values = normalise({ ...before, ...patch });
      await this.check(repo, before, values);
      const org = await repo.update(id, values);
      await recordAudit(trx, ctx, { action: 'org.updated', objectType: 'organisation', objectId: id, before: presentOrg(before), after: presentOrg(org) });
      return presentOrg(org);
    });
  }

  async remove(ctx: Ctx, id: string) {
    authorize(ctx.actor, 'org.manage', null);
    await this.db.transaction().execute(async (trx) => {
      const repo = new OrgsRepository(trx);
      const before = await repo.find(id);
      if (!before) throw new AppError('org.not_found');
      const dependants = await repo.dependants(id);
      if (Object.values(dependants).some((n) => n > 0)) throw new AppError('org.has_dependants', dependants);
      await repo.delete(id);
      await recordAudit(trx, ctx, { action: 'org.deleted', objectType: 'organisation', objectId: id, before: presentOrg(before) });
    });
  }

  /** Business rules every create and update must pass; each failure names its field. */
  private async check(repo: OrgsRepository, existing: Organisation | null, values: ReturnType<typeof normalise>) {
    if (values.kind === 'unit' && !values.creditCode) throw fieldError('org.credit_code_required', '/creditCode');
    if (values.creditCode) {
      if (!isValidCreditCode(values.creditCode)) throw fieldError('org.invalid_credit_code', '/creditCode');
      const holder = await repo.findByCreditCode(values.creditCode);
      if (holder && holder.id !== existing?.id) throw fieldError('org.credit_code_taken', '/creditCode', { name: holder.nameZh });
    }
    const namesake = await repo.findByName(values.parentId, values.nameZh);
    if (namesake && namesake.id !== existing?.id) throw fieldError('org.name_taken', '/nameZh');
    if (values.kind === 'province_dept' && !values.regionCode) throw fieldError('org.region_required', '/regionCode');
    if (values.regionCode && !(await repo.regionExists(values.regionCode))) throw fieldError('org.region_unknown', '/regionCode');

    const parent = values.parentId ? await repo.find(values.parentId) : null;
    if (values.parentId && !parent) throw fieldError('org.parent_invalid', '/parentId');
    if (!ALLOWED_PARENTS[values.kind].includes(parent?.kind ?? null)) throw fieldError('org.parent_invalid', '/parentId');
    if (existing && parent && (await repo.path(parent.id)).includes(existing.id)) throw fieldError('org.parent_cycle', '/parentId');
  }
}

function normalise(input: OrgInput) {
  const text = (value: string | null | undefined) => {
    const trimmed = value?.trim();
    return trimmed ? trimmed : null;
  };
  return {
    kind: input.kind,
    nameZh: input.nameZh.trim(),
    nameEn: text(input.nameEn),
    parentId: input.parentId || null,
    regionCode: text(input.regionCode),
    creditCode: text(input.creditCode)?.toUpperCase() ?? null,
  };
}
