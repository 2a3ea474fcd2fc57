import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { AppError } from '../../platform/errors';
import type { BlobStore } from '../../platform/blobs';
import type { Ctx } from '../../platform/context';
import type { StandardDocument } from '../standards/standard-document';
import { accessError, type PortalService } from '../portal/portal.service';
import { CITATION_MEDIA, formatCitation, type CitationFormat } from './citations';
import { dataciteRecord, dataciteXml } from './datacite';
import { InteropRepository } from './interop.repository';
import { citationOf, type InteropRecord } from './interop-record';
import { bagFor } from './bagit';
import { xmlDocument } from './xml';
import { landingHead, SITEMAP_LIMIT, sitemapIndexXml, sitemapXml, tombstoneHead } from './landing';
import { metadataVisible } from '../portal/portal-access';

/** Who funds national programs when no ministry organisation is registered. */
const DEFAULT_FUNDER = '中华人民共和国科学技术部';

/** Exports of released resources: citations, DataCite, BagIt; and the records OAI-PMH and landing pages present. */
export class InteropService {
  private readonly repo: InteropRepository;
  /** Approved standard versions never change, so their documents can be kept. */
  private readonly documents = new Map<string, StandardDocument>();

  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly portal: PortalService, private readonly blobs: BlobStore) {
    this.repo = new InteropRepository(db);
  }

  /** The landing page of a resource version. */
  landingUrl(id: string): string {
    return `${this.config.publicUrl}/r/${id}`;
  }

  /** Gathers the export records of these resources in one round of queries, in the order of `ids` (missing ones left out). */
  async records(ids: string[]): Promise<InteropRecord[]> {
    const rows = await this.repo.records(ids);
    if (rows.length === 0) return [];
    const missing = [...new Set(rows.map((r) => r.standardVersionId))].filter((v) => !this.documents.has(v));
    for (const doc of await this.repo.standardDocuments(missing)) {
      if (this.documents.size > 100) this.documents.clear();
      this.documents.set(doc.id, doc.document as StandardDocument);
    }
    const [files, versions, ministry] = await Promise.all([this.repo.files(rows.map((r) => r.id)), this.repo.lineageVersions([...new Set(rows.map((r) => r.lineageId))]), this.repo.ministryName()]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      return [{
        id: row.id, lineageId: row.lineageId, versionNo: row.versionNo, status: row.status, resourceType: row.resourceType, titleZh: row.titleZh,
        metadata: (row.metadata ?? {}) as Record<string, unknown>, cstr: row.cstr ?? '', sharingMode: row.sharingMode ?? 'restricted', embargoEnd: row.embargoEnd, licence: row.licence,
        releasedAt: new Date(row.releasedAt ?? row.createdAt), withdrawnAt: row.withdrawnAt ? new Date(row.withdrawnAt) : null, withdrawalReason: row.withdrawalReason, updatedAt: new Date(row.updatedAt),
        context: {
          subjectCode: row.subjectCode, subjectTitle: row.subjectTitle, projectCode: row.projectCode, projectTitle: row.projectTitle, programCode: row.programCode, programTitle: row.programTitle,
          programTitleEn: row.programTitleEn, platformId: row.platformId, platformNameZh: row.platformNameZh, platformNameEn: row.platformNameEn, unitId: row.unitId, unitName: row.unitName,
        },
        document: this.documents.get(row.standardVersionId) ?? null,
        files: files.filter((f) => f.resourceId === row.id).map((f) => ({ id: f.id, path: f.path, name: f.name, size: Number(f.size), mediaType: f.mediaType, sha256: f.sha256 })),
        versions: versions
          .filter((v) => v.lineageId === row.lineageId && v.id !== row.id && (v.status === 'released' || v.status === 'superseded') && v.sharingMode !== 'restricted')
          .map((v) => ({ id: v.id, versionNo: v.versionNo, status: v.status, cstr: v.cstr! })),
        url: this.landingUrl(row.id),
        funder: ministry ?? DEFAULT_FUNDER,
      }];
    });
  }

  /**
   * A released resource (or tombstone) the viewer may see, under the portal's one rule: restricted and
   * unreleased ones are 404 to all but their providers; exports need a minted CSTR.
   */
  async visible(ctx: Ctx, id: string, versionNo?: number) {
    const { resource, viewer, access } = await this.portal.load(ctx, id, versionNo);
    const [record] = resource.cstr && resource.releasedAt ? await this.records([resource.id]) : [];
    if (!record) throw new AppError('portal.not_found');
    return { record, viewer, access, resource };
  }

  /** The citation in a format, with the file name a download gets. */
  async citation(ctx: Ctx, id: string, format: CitationFormat) {
    const { record } = await this.visible(ctx, id);
    return { text: formatCitation(citationOf(record), format), mediaType: CITATION_MEDIA[format].type, filename: `${fileStem(record)}.${CITATION_MEDIA[format].extension}` };
  }

  async datacite(ctx: Ctx, id: string) {
    const { record } = await this.visible(ctx, id);
    return { record: dataciteRecord(record), filename: fileStem(record) };
  }

  async dataciteXml(ctx: Ctx, id: string) {
    const { record, filename } = await this.datacite(ctx, id);
    return { xml: xmlDocument(dataciteXml(record)), filename };
  }

  /** A BagIt bag of the resource, streamed; refused exactly like its file bytes (fileAccess). */
  async bag(ctx: Ctx, id: string) {
    const { record, access, resource } = await this.visible(ctx, id);
    if (!access.allowed) throw accessError(access, resource);
    return { stream: bagFor(record, this.blobs, { sourceOrganization: record.context.platformNameZh }), filename: `${fileStem(record)}.zip`, record };
  }

  /**
   * What the server puts into the landing page's HTML: public pages get their metadata (200), withdrawal
   * tombstones a notice (410), restricted or unknown ones nothing (404); a provider looking at a page only
   * they may see gets the bare app (200, private), which then asks the API.
   */
  async landing(ctx: Ctx, id: string, versionNo?: number): Promise<{ status: 200 | 404 | 410; page: ReturnType<typeof landingHead> | null; private: boolean }> {
    let loaded: Awaited<ReturnType<PortalService['load']>>;
    try {
      loaded = await this.portal.load(ctx, id, versionNo);
    } catch (error) {
      if (error instanceof AppError && error.code === 'portal.not_found') return { status: 404, page: null, private: false };
      throw error;
    }
    const { resource } = loaded;
    const [record] = metadataVisible(resource, { provider: false }) && resource.cstr && resource.releasedAt ? await this.records([resource.id]) : [];
    if (!record) return { status: 200, page: null, private: true };
    if (record.status === 'withdrawn') return { status: 410, page: tombstoneHead(record), private: false };
    return { status: 200, page: landingHead(record, this.config.publicUrl), private: false };
  }

  /** The lineage's version n, from any version's id (null when there is none). */
  versionId(id: string, versionNo: number) {
    return this.repo.versionOf(id, versionNo);
  }

  /** /sitemap.xml: every listed landing page, or an index of sitemap files past 50 000. */
  async sitemap(limit = SITEMAP_LIMIT): Promise<string> {
    const count = await this.repo.listedCount();
    if (count > limit) {
      return sitemapIndexXml(Array.from({ length: Math.ceil(count / limit) }, (_, i) => `${this.config.publicUrl}/sitemaps/${i + 1}.xml`));
    }
    return this.sitemapPage(1, limit);
  }

  /** One sitemap file (1-based), by id order so pages stay stable; empty past the end. */
  async sitemapPage(page: number, limit = SITEMAP_LIMIT): Promise<string> {
    const rows = await this.repo.listedPage((page - 1) * limit, limit);
    return sitemapXml(rows.map((r) => ({ loc: this.landingUrl(r.id), lastmod: new Date(r.updatedAt) })));
  }
}

/** A file name from the CSTR (ASCII, stable), e.g. `31253.11.hj2026000001`. */
function fileStem(record: Pick<InteropRecord, 'cstr' | 'id'>): string {
  return record.cstr.replace(/^CSTR:/i, '').replace(/[^\w.-]+/g, '_') || record.id;
}
