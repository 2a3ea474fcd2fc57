import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import yazl from 'yazl';
import type { BlobStore } from '../../platform/blobs';
import { chinaDate } from '../../platform/china-time';
import { dataciteRecord, dataciteXml } from './datacite';
import type { InteropRecord } from './interop-record';
import { xmlDocument } from './xml';

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** RFC 8493 §2.1.3: in manifest paths only CR, LF and % are percent-encoded. */
export const manifestPath = (path: string) => path.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** A tag-file value on one line (bag-info.txt has no multi-line values here). */
const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ').trim();

/** The bag's base name and directory inside the zip (RFC 8493 §4.2: one top-level directory named like the bag). */
export function bagName(record: Pick<InteropRecord, 'cstr' | 'id'>): string {
  return record.cstr.replace(/^CSTR:/i, '').replace(/[^\w.-]+/g, '_') || record.id;
}

/**
 * The tag files of a BagIt 1.0 bag of the resource: bagit.txt, bag-info.txt, the payload manifest (from
 * the files' stored SHA-256, so no byte is read twice), the DataCite record and the platform record as
 * tag files under metadata/, and the tag manifest over all of them.
 */
export function bagTagFiles(record: InteropRecord, options: { sourceOrganization: string; baggingDate?: string }) {
  const octets = record.files.reduce((sum, f) => sum + f.size, 0);
  const contact = record.metadata.contact as { name?: unknown } | undefined;
  const info: Array<[string, string | null]> = [
    ['Source-Organization', options.sourceOrganization],
    ['External-Identifier', record.cstr],
    ['External-Description', record.titleZh],
    ['Internal-Sender-Identifier', record.id],
    ['Contact-Name', typeof contact?.name === 'string' ? contact.name : null],
    ['Bagging-Date', options.baggingDate ?? chinaDate()],
    ['Bag-Software-Agent', 'Huijiao (汇交)'],
    ['Payload-Oxum', `${octets}.${record.files.length}`],
  ];
  const text = (value: string) => Buffer.from(value, 'utf8');
  const tags: Array<[string, Buffer]> = [
    ['bagit.txt', text('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n')],
    ['bag-info.txt', text(info.filter((e): e is [string, string] => !!e[1]).map(([label, value]) => `${label}: ${oneLine(value)}\n`).join(''))],
    ['manifest-sha256.txt', text(record.files.map((f) => `${f.sha256}  data/${manifestPath(f.path)}\n`).join(''))],
    ['metadata/datacite.xml', text(xmlDocument(dataciteXml(dataciteRecord(record))))],
    ['metadata/record.json', text(`${JSON.stringify({
      id: record.id, cstr: record.cstr, url: record.url, versionNo: record.versionNo, status: record.status, resourceType: record.resourceType,
      standard: record.document ? { domain: record.document.domain, version: record.document.version } : null,
      sharingMode: record.sharingMode, licence: record.licence, releasedAt: record.releasedAt.toISOString(), metadata: record.metadata,
      files: record.files.map((f) => ({ path: `data/${f.path}`, size: f.size, mediaType: f.mediaType, sha256: f.sha256 })),
    }, null, 2)}\n`)],
  ];
  tags.push(['tagmanifest-sha256.txt', text(tags.map(([name, content]) => `${sha256(content)}  ${name}\n`).join(''))]);
  return { tags, octets };
}

/**
 * Streams the bag as a zip: tag files from memory, each payload file read from the blob store only
 * when the zip reaches it (never held whole, never many open at once). Payload is stored, not
 * deflated: research data is mostly compressed already and the CPU is better spent elsewhere.
 */
export function bagFor(record: InteropRecord, blobs: BlobStore, options: { sourceOrganization: string; baggingDate?: string }): Readable {
  const zip = new yazl.ZipFile();
  const root = bagName(record);
  const mtime = record.releasedAt;
  const out = new PassThrough();
  zip.on('error', (error: Error) => out.destroy(error));
  zip.outputStream.on('error', (error: Error) => out.destroy(error));
  zip.outputStream.pipe(out);
  for (const [name, content] of bagTagFiles(record, options).tags) zip.addBuffer(content, `${root}/${name}`, { mtime });
  if (record.files.length === 0) zip.addEmptyDirectory(`${root}/data/`, { mtime });
  for (const file of record.files) {
    zip.addReadStreamLazy(`${root}/data/${file.path}`, { mtime, size: file.size, compress: false }, (callback) => {
      try {
        callback(null, blobs.read(file.sha256));
      } catch (error) {
        callback(error, new PassThrough());
      }
    });
  }
  zip.end();
  return out;
}
