import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';

/** Where file content lives, addressed by its SHA-256. Streams in and out; never whole-file buffers. */
export interface BlobStore {
  has(sha256: string): Promise<boolean>;
  /** Adopts a finished local file as the blob with this hash (moved; a duplicate is discarded). */
  adoptFile(localPath: string, sha256: string): Promise<void>;
  /** Stores a stream, hashing while writing; returns its hash and size. */
  putStream(input: Readable): Promise<{ sha256: string; size: number }>;
  read(sha256: string, range?: { start: number; end: number }): Readable;
  /** Runs fn with a local file holding the blob (object stores download it to a temp file first). */
  withLocalFile<T>(sha256: string, fn: (localPath: string) => Promise<T>): Promise<T>;
  delete(sha256: string): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Blobs in a local directory: blobs/ab/cd/<sha256>, written to a temp file then renamed (atomic). */
export class LocalBlobStore implements BlobStore {
  private readonly tmp: string;

  constructor(private readonly root: string) {
    this.tmp = path.join(root, '.tmp');
    fs.mkdirSync(this.tmp, { recursive: true });
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await fsp.access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  async adoptFile(localPath: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) {
      await fsp.rm(localPath, { force: true });
      return;
    }
    await fsp.mkdir(path.dirname(target), { recursive: true });
    try {
      await fsp.rename(localPath, target);
    } catch (error) {
      // Different filesystems: copy then rename within the blob directory.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      const staging = path.join(this.tmp, randomUUID());
      await fsp.copyFile(localPath, staging);
      await fsp.rename(staging, target);
      await fsp.rm(localPath, { force: true });
    }
  }

  async putStream(input: Readable): Promise<{ sha256: string; size: number }> {
    const staging = path.join(this.tmp, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const tee = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    try {
      await pipeline(input, tee, fs.createWriteStream(staging));
    } catch (error) {
      await fsp.rm(staging, { force: true });
      throw error;
    }
    const sha256 = hash.digest('hex');
    await this.adoptFile(staging, sha256);
    return { sha256, size };
  }

  read(sha256: string, range?: { start: number; end: number }): Readable {
    return fs.createReadStream(this.pathOf(sha256), range);
  }

  withLocalFile<T>(sha256: string, fn: (localPath: string) => Promise<T>): Promise<T> {
    return fn(this.pathOf(sha256));
  }

  async delete(sha256: string): Promise<void> {
    await fsp.rm(this.pathOf(sha256), { force: true });
  }
}
