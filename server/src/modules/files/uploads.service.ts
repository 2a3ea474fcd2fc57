import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import mime from 'mime-types';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { AppError } from '../../platform/errors';
import { recordAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import type { BlobStore } from '../../platform/blobs';
import type { ResourcesService } from '../resources/resources.service';
import { ResourcesRepository } from '../resources/resources.repository';
import { HashingFileStore } from './hashing-file-store';

/** A relative path inside a resource: folders allowed; no control characters, "..", or absolute paths. */
export function checkRelativePath(input: string): string {
  const value = input.normalize('NFC');
  if (value.length === 0 || value.length > 1000) throw new AppError('file.bad_name');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value) || value.startsWith('/') || /^[A-Za-z]:/.test(value)) throw new AppError('file.bad_name');
  const segments = value.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.length > 255)) throw new AppError('file.bad_name');
  return value;
}

const formatBytes = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`);

/** The life of a resumable upload: checked at creation, hashed while streaming, adopted as a blob when complete. */
export class UploadsService {
  readonly store: HashingFileStore;

  constructor(private readonly db: Kysely<DB>, private readonly config: Config, private readonly blobs: BlobStore, private readonly resources: ResourcesService) {
    this.store = new HashingFileStore(path.join(config.dataDir, 'uploads'), config.uploadExpiryDays * 86_400_000);
  }

  /** Checks a new upload before any byte is accepted: who, which resource, name, size, quota. */
  async checkCreation(ctx: Ctx, input: { resourceId: string; filename: string; relativePath?: string; size: number }) {
    const { resource, subject } = await this.resources.resourceFor(ctx, input.resourceId, 'resource.edit');
    if (!['draft', 'returned'].includes(resource.status)) throw new AppError('resource.not_editable');
    const relativePath = checkRelativePath(input.relativePath || input.filename);
    const name = checkRelativePath(input.filename).split('/').pop()!;
    if (input.size > this.config.maxFileBytes) throw new AppError('file.too_large', { limit: formatBytes(this.config.maxFileBytes) });
    const quota = subject.quotaBytes ?? this.config.subjectQuotaBytes;
    const used = await new ResourcesRepository(this.db).subjectUsage(subject.id);
    if (used + input.size > quota) throw new AppError('file.over_quota', { used: formatBytes(used), quota: formatBytes(quota) });
    return { resource, relativePath, name };
  }

  async recordCreation(ctx: Ctx, upload: { id: string; resourceId: string; path: string; name: string; size: number; mediaType: string }) {
    await this.db.insertInto('uploads').values({
      ...upload,
      userId: ctx.actor!.userId,
      mediaType: upload.mediaType || mime.lookup(upload.name) || 'application/octet-stream',
      expiresAt: new Date(Date.now() + this.config.uploadExpiryDays * 86_400_000),
    }).execute();
  }

  /** The upload row, if it belongs to the actor and is still open. */
  async ownUpload(ctx: Ctx, id: string) {
    const upload = await this.db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
    if (!upload || upload.userId !== ctx.actor?.userId || upload.status === 'expired') throw new AppError('upload.not_found');
    return upload;
  }

  /**
   * Turns a complete upload into a file of its resource. The hash is recorded first, so an
   * interrupted finalisation can be finished later from the row alone.
   */
  async finalise(ctx: Ctx, id: string) {
    const upload = await this.db.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (upload.status === 'completed') return { fileId: upload.fileId!, sha256: upload.sha256! };
    const sha256 = upload.sha256 ?? (await this.store.digest(id, Number(upload.size)));
    await this.db.updateTable('uploads').set({ status: 'finalising', sha256 }).where('id', '=', id).execute();
    if (!(await this.blobs.has(sha256))) await this.blobs.adoptFile(this.store.filePath(id), sha256);
    const fileId = await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('blobs').values({ sha256, size: Number(upload.size) }).onConflict((oc) => oc.column('sha256').doNothing()).execute();
      const previous = await trx.selectFrom('files').selectAll().where('resourceId', '=', upload.resourceId).where('path', '=', upload.path).executeTakeFirst();
      if (previous) await trx.deleteFrom('files').where('id', '=', previous.id).execute();
      const file = await trx.insertInto('files').values({
        resourceId: upload.resourceId, path: upload.path, name: upload.name, size: Number(upload.size), mediaType: upload.mediaType, sha256, uploadedBy: upload.userId,
      }).returning('id').executeTakeFirstOrThrow();
      await trx.updateTable('uploads').set({ status: 'completed', fileId: file.id, completedAt: new Date() }).where('id', '=', id).execute();
      await trx.updateTable('resources').set({ updatedAt: new Date() }).where('id', '=', upload.resourceId).execute();
      await recordAudit(trx, ctx, {
        action: 'file.uploaded', objectType: 'resource', objectId: upload.resourceId,
        before: previous ? { path: previous.path, sha256: previous.sha256 } : null, after: { path: upload.path, sha256, size: Number(upload.size) },
      });
      return file.id;
    });
    await fsp.rm(this.store.filePath(id), { force: true });
    await fsp.rm(`${this.store.filePath(id)}.json`, { force: true });
    return { fileId, sha256 };
  }

  /** Finishes uploads whose finalisation was interrupted (crash between hashing and the database). */
  async resumeFinalisation(ctx: Ctx): Promise<number> {
    const stuck = await this.db.selectFrom('uploads').select('id').where('status', '=', 'finalising').execute();
    for (const { id } of stuck) await this.finalise(ctx, id);
    return stuck.length;
  }

  /** Expired unfinished uploads lose their bytes; blobs nothing references are deleted after a grace day. */
  async cleanUp(now = new Date()): Promise<{ expired: number; blobsDeleted: number }> {
    const expired = await this.db.selectFrom('uploads').select('id').where('status', '=', 'uploading').where('expiresAt', '<', now).execute();
    for (const { id } of expired) {
      this.store.forget(id);
      await fsp.rm(this.store.filePath(id), { force: true });
      await fsp.rm(`${this.store.filePath(id)}.json`, { force: true });
      await this.db.updateTable('uploads').set({ status: 'expired' }).where('id', '=', id).execute();
    }
    const orphans = await this.db
      .selectFrom('blobs as b')
      .select('b.sha256')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('files as f').select('f.id').whereRef('f.sha256', '=', 'b.sha256'))))
      .where('b.createdAt', '<', sql<Date>`${now}::timestamptz - interval '1 day'`)
      .execute();
    for (const { sha256 } of orphans) {
      // Delete the row first: if a new file claims the blob meanwhile, the foreign key stops us.
      const deleted = await this.db.deleteFrom('blobs').where('sha256', '=', sha256)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('files as f').select('f.id').whereRef('f.sha256', '=', 'blobs.sha256'))))
        .returning('sha256').executeTakeFirst();
      if (deleted) await this.blobs.delete(sha256);
    }
    return { expired: expired.length, blobsDeleted: orphans.length };
  }
}
