import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import type { Readable } from 'node:stream';

/** One file in a zip archive, with its path decoded (UTF-8, or GB18030 as Chinese Windows writes it). */
export interface ArchiveEntry {
  path: string;
  size: number;
  open(): Promise<Readable>;
}

function decodeName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    return iconv.decode(raw, 'gb18030');
  }
}

/** Lists a zip's files and lets the caller stream each one; directories are skipped. */
export async function readArchive<T>(zipPath: string, use: (entries: ArchiveEntry[]) => Promise<T>): Promise<T> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(zipPath, { lazyEntries: true, decodeStrings: false, autoClose: false }, (error, file) => (error || !file ? reject(error ?? new Error('unreadable zip')) : resolve(file))));
  try {
    const entries: ArchiveEntry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = decodeName(entry.fileName as unknown as Buffer, (entry.generalPurposeBitFlag & 0x800) !== 0).replace(/\\/g, '/');
        if (!name.endsWith('/')) {
          entries.push({
            path: name,
            size: entry.uncompressedSize,
            open: () => new Promise<Readable>((ok, fail) => zip.openReadStream(entry, (error, stream) => (error || !stream ? fail(error) : ok(stream)))),
          });
        }
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
    return await use(entries);
  } finally {
    zip.close();
  }
}
