import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash, type Hash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';

/** Per-request facts the store needs but tus does not pass down (the chunk checksum header). */
export interface UploadRequestContext {
  checksum?: string;
}
export const uploadRequestContext = new AsyncLocalStorage<UploadRequestContext>();

const CHECKSUM_ALGORITHMS: Record<string, string> = { sha256: 'sha256', sha1: 'sha1', md5: 'md5' };

/**
 * tus file store that computes SHA-256 while bytes stream in (no second pass over the file), and
 * implements the tus checksum extension: a chunk whose Upload-Checksum does not match is cut off
 * again and answered with 460.
 */
export class HashingFileStore extends FileStore {
  private readonly hashes = new Map<string, { hash: Hash; bytes: number }>();

  constructor(private readonly dir: string, expirationPeriodInMilliseconds: number) {
    super({ directory: dir, expirationPeriodInMilliseconds });
    this.extensions.push('checksum');
  }

  filePath(id: string): string {
    return path.join(this.dir, id);
  }

  /** The running hash of an upload; after a restart it is rebuilt once from the bytes on disk. */
  private async stateAt(id: string, offset: number) {
    const state = this.hashes.get(id);
    if (state && state.bytes === offset) return state;
    const hash = createHash('sha256');
    if (offset > 0) await pipeline(fs.createReadStream(this.filePath(id), { start: 0, end: offset - 1 }), new Transform({ transform(chunk: Buffer, _e, cb) { hash.update(chunk); cb(); } }));
    const fresh = { hash, bytes: offset };
    this.hashes.set(id, fresh);
    return fresh;
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const state = await this.stateAt(id, offset);
    const header = uploadRequestContext.getStore()?.checksum;
    const [algorithm, expected] = header ? header.trim().split(/\s+/) : [];
    const chunkHash = algorithm && CHECKSUM_ALGORITHMS[algorithm] ? createHash(CHECKSUM_ALGORITHMS[algorithm]!) : null;
    if (header && !chunkHash) throw { status_code: 400, body: 'Unsupported checksum algorithm\n' };
    // Hash into a copy until the chunk is accepted, so a rejected chunk leaves the running hash untouched.
    const pending = state.hash.copy();
    let received = 0;
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        pending.update(chunk);
        chunkHash?.update(chunk);
        received += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(readable, tee, fs.createWriteStream(this.filePath(id), { flags: 'r+', start: offset }));
    } catch {
      // A dropped connection: keep what reached the disk, rebuild the hash from it on the next write.
      this.hashes.delete(id);
      return (await fsp.stat(this.filePath(id))).size;
    }
    if (chunkHash && chunkHash.digest('base64') !== expected) {
      await fsp.truncate(this.filePath(id), offset);
      throw { status_code: 460, body: 'Checksum Mismatch\n' };
    }
    state.hash = pending;
    state.bytes = offset + received;
    return state.bytes;
  }

  /** The SHA-256 of a complete upload (from the running hash, or one pass if the process restarted). */
  async digest(id: string, size: number): Promise<string> {
    const state = await this.stateAt(id, size);
    this.hashes.delete(id);
    return state.hash.digest('hex');
  }

  forget(id: string): void {
    this.hashes.delete(id);
  }
}
