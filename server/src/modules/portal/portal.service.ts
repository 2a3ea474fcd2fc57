import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB, Resource } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { BlobStore } from '../../platform/blobs';
import type { Ctx } from '../../platform/context';
import type { Bilingual, Lang } from '../../platform/i18n';
import { iso } from '../../platform/format';
import { chinaDate, chinaYear } from '../../platform/china-time';
import type { RegistryService } from '../registry/registry.service';
import { RESOURCE_TYPE_LABELS, type FieldSchema, type ResourceType, type StandardDocument } from '../standards/standard-document';
import { LICENCES } from '../reviews/review-settings';
import { cstrResolverUrl } from '../releases/cstr';
import type { UsageRecorder, UsageTotals } from '../usage/usage-event';
import { gbt7714 } from '../interop/citations';
import { PortalRepository } from './portal.repository';
import { portalViewer } from './portal-viewer';
import { fileAccess, metadataVisible, type FileAccess } from './portal-access';
import { fieldText } from './field-text';

/** What the request adds to a usage event. */
export interface Client {
  ip: string;
  userAgent: string;
  machine: boolean;
}

const AGREEMENT: Bilingual = {
  zh: '使用者承诺：仅将数据用于所申报的科研目的；不向第三方转让或公开原始数据；在成果中按推荐格式引用本资源及其科技资源标识（CSTR）；遵守个人信息保护与人类遗传资源管理相关法规；授权到期后删除数据副本。',
  en: 'The user undertakes to use the data only for the stated research purpose; not to pass on or publish the raw data; to cite the resource and its CSTR in the recommended form; to comply with personal information and human genetic resources regulations; and to delete copies when access expires.',
};

const ACCESS_ERRORS: Record<Exclude<FileAccess, { allowed: true }>['reason'], 'access.login_required' | 'access.embargoed' | 'access.application_required' | 'access.application_pending' | 'access.application_expired' | 'access.offline' | 'access.withdrawn' | 'portal.not_found'> = {
  login_required: 'access.login_required', embargo: 'access.embargoed', application_required: 'access.application_required', application_pending: 'access.application_pending',
  application_expired: 'access.application_expired', offline: 'access.offline', withdrawn: 'access.withdrawn', not_released: 'portal.not_found',
};

/** Public resource pages (landing data), and file bytes under the sharing mode's rule. */
export class PortalService {
  private readonly repo: PortalRepository;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly config: Config,
    private readonly registry: RegistryService,
    private readonly blobs: BlobStore,
    private readonly usage: { recorder: UsageRecorder | null; totals: (resourceId: string) => Promise<UsageTotals> },
  ) {
    this.repo = new PortalRepository(db);
  }

  /** Finds the resource (or the asked version of its lineage) and the viewer; restricted or unreleased ones are 404 to non-providers. */
  async load(ctx: Ctx, id: string, versionNo?: number) {
    let resource = await this.repo.find(id);
    if (resource && versionNo !== undefined) resource = await this.repo.version(resource.lineageId, versionNo);
    if (!resource) throw new AppError('portal.not_found');
    const viewer = await portalViewer(this.db, this.registry, ctx, resource);
    if (!metadataVisible(resource, viewer)) throw new AppError('portal.not_found');
    return { resource, viewer, access: fileAccess(resource, viewer, chinaDate()) };
  }

  async resource(ctx: Ctx, id: string, versionNo: number | undefined, client: Client | null) {
    const { resource, viewer, access } = await this.load(ctx, id, versionNo);
    if (!resource.releasedAt && resource.status !== 'withdrawn') throw new AppError('portal.not_found');
    const [context, document, files, versions, related, usage] = await Promise.all([
      this.repo.context(resource.subjectId), this.repo.standardDocument(resource.standardVersionId), this.repo.files(resource.id),
      this.repo.versions(resource.lineageId), this.repo.related(resource.subjectId, resource.lineageId), this.usage.totals(resource.id),
    ]);
    const lang = ctx.lang;
    const doc = document.document as StandardDocument;
    const type = resource.resourceType as ResourceType;
    const schema = doc.resourceTypes[type]?.schema;
    const metadata = resource.metadata as Record<string, unknown>;
    const creators = Array.isArray(metadata.creators) ? (metadata.creators as Array<Record<string, unknown>>).map((c) => ({ name: String(c.name ?? ''), unit: c.unit ? String(c.unit) : null, orcid: c.orcid ? String(c.orcid) : null })) : [];
    const licence = LICENCES.find((l) => l.id === resource.licence) ?? { id: resource.licence ?? '', label: { zh: resource.licence ?? '', en: resource.licence ?? '' } };
    const year = chinaYear(new Date(resource.releasedAt ?? resource.createdAt));
    const contact = (metadata.contact ?? null) as { name?: string; email?: string; phone?: string } | null;
    if (client && resource.status !== 'withdrawn') this.usage.recorder?.record({ resourceId: resource.id, kind: 'view', userId: ctx.actor?.userId ?? null, ...client });
    return {
      id: resource.id, lineageId: resource.lineageId, versionNo: resource.versionNo, latestVersionNo: versions[versions.length - 1]?.versionNo ?? resource.versionNo,
      status: resource.status as 'released' | 'superseded' | 'withdrawn',
      resourceType: resource.resourceType, typeLabel: doc.resourceTypes[type]?.label ?? RESOURCE_TYPE_LABELS[type] ?? { zh: type, en: type },
      titleZh: resource.titleZh, titleEn: typeof metadata.titleEn === 'string' ? metadata.titleEn : null,
      description: text(lang === 'en' ? metadata.descriptionEn ?? metadata.descriptionZh : metadata.descriptionZh ?? metadata.descriptionEn),
      keywords: [...asStrings(metadata.keywordsZh), ...asStrings(metadata.keywordsEn)],
      cstr: resource.cstr ?? '', cstrUrl: resource.cstr ? cstrResolverUrl(resource.cstr) : '', releasedAt: iso(resource.releasedAt) ?? '',
      sharingMode: resource.sharingMode ?? 'restricted', embargoEnd: resource.embargoEnd, licence,
      subject: { code: context.subjectCode, titleZh: context.subjectTitle }, project: { code: context.projectCode, titleZh: context.projectTitle },
      program: { code: context.programCode, titleZh: context.programTitle }, platform: { id: context.platformId, name: { zh: context.platformNameZh, en: context.platformNameEn ?? context.platformNameZh } },
      unit: { id: context.unitId, name: context.unitName }, province: { code: `${context.regionCode.slice(0, 2)}0000`, name: { zh: context.provinceZh ?? context.regionCode, en: context.provinceEn ?? context.regionCode } },
      creators,
      fields: presentFields(schema, doc, metadata, lang),
      files: (resource.sharingMode === 'offline' && !viewer.provider) || resource.status === 'withdrawn' ? null : files.map((f) => ({ id: f.id, path: f.path, name: f.name, size: Number(f.size), mediaType: f.mediaType, sha256: f.sha256 })),
      access: {
        canDownload: access.allowed, reason: access.reason, embargoEnd: resource.sharingMode === 'embargo' ? resource.embargoEnd : null,
        application: viewer.applicationId ? { id: viewer.applicationId, status: viewer.application!.status, expiresAt: iso(viewer.application!.expiresAt), reason: viewer.applicationReason } : null,
        contact: contact?.name ? { name: contact.name, email: contact.email ?? null, phone: contact.phone ?? null } : null,
        agreement: resource.sharingMode === 'application' ? AGREEMENT : null,
      },
      versions: versions.filter((v) => v.releasedAt || v.status === 'withdrawn').map((v) => ({ id: v.id, versionNo: v.versionNo, status: v.status, cstr: v.cstr, releasedAt: iso(v.releasedAt) })),
      related: related.map((r) => ({ id: r.id, titleZh: r.titleZh, resourceType: r.resourceType, cstr: r.cstr ?? '' })),
      usage,
      withdrawal: resource.status === 'withdrawn' ? { at: iso(resource.withdrawnAt) ?? '', reason: resource.withdrawalReason ?? '' } : null,
      citation: {
        gbt7714: gbt7714({
          creators, title: resource.titleZh, titleEn: typeof metadata.titleEn === 'string' ? metadata.titleEn : undefined, publisher: context.platformNameZh, year,
          cstr: resource.cstr ?? '', url: `${this.config.publicUrl}/r/${resource.id}`, resourceType: resource.resourceType, versionNo: resource.versionNo, releasedAt: iso(resource.releasedAt) ?? '',
        }),
      },
    };
  }

  /** File bytes, only when the sharing mode allows this viewer; each allowed request is counted as a download. */
  async file(ctx: Ctx, id: string, fileId: string, client: Client) {
    const { resource, access } = await this.load(ctx, id);
    if (!access.allowed) throw accessError(access, resource);
    const file = (await this.repo.files(resource.id)).find((f) => f.id === fileId);
    if (!file) throw new AppError('file.not_found');
    this.usage.recorder?.record({ resourceId: resource.id, kind: 'download', userId: ctx.actor?.userId ?? null, ...client });
    return { file: { ...file, size: Number(file.size) }, read: (range?: { start: number; end: number }) => this.blobs.read(file.sha256, range) };
  }
}

/** The error a refused download answers with (401/403/410, the embargo date in the message). */
export function accessError(access: FileAccess, resource: Pick<Resource, 'embargoEnd'>): AppError {
  if (access.allowed) throw new Error('access is allowed');
  const code = ACCESS_ERRORS[access.reason];
  return new AppError(code, code === 'access.embargoed' ? { date: resource.embargoEnd ?? '' } : {});
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The metadata by the standard's labels and groups, in field order, each value also as text in the reader's language. */
function presentFields(schema: FieldSchema | undefined, doc: StandardDocument, metadata: Record<string, unknown>, lang: Lang) {
  const properties = schema?.properties ?? {};
  const order = [...(schema?.['x-order'] ?? []), ...Object.keys(properties).filter((k) => !(schema?.['x-order'] ?? []).includes(k))];
  return order
    .filter((key) => properties[key] && metadata[key] !== undefined && metadata[key] !== null && metadata[key] !== '')
    .map((key) => {
      const field = properties[key]!;
      const group = doc.groups.find((g) => g.id === field['x-group'])?.label ?? null;
      return { key, label: field['x-label'] ?? { zh: key, en: key }, group, value: metadata[key], text: fieldText(field, doc, metadata[key], lang) };
    });
}

