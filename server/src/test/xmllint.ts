import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const XSD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-fixtures/xsd');

/** The official schemas kept in the repository (server/test-fixtures/xsd). */
export const SCHEMAS = {
  /** OAI-PMH 2.0 responses with oai_dc and DataCite kernel-4 payloads, validated together. */
  oai: path.join(XSD, 'oai-pmh/validate-all.xsd'),
  datacite: path.join(XSD, 'datacite-kernel-4/metadata.xsd'),
};

/**
 * Validates documents strictly against a schema with xmllint (no network). Resolves to xmllint's
 * report; `valid` only when every document validates.
 */
export async function validateXml(schema: string, documents: string[]): Promise<{ valid: boolean; report: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hj-xml-'));
  try {
    const files = documents.map((doc, i) => {
      const file = path.join(dir, `doc-${i}.xml`);
      fs.writeFileSync(file, doc);
      return file;
    });
    return await new Promise((resolve) => {
      execFile('xmllint', ['--noout', '--nonet', '--schema', schema, ...files], { maxBuffer: 16 * 1024 * 1024 }, (error, _stdout, stderr) => {
        resolve({ valid: !error, report: stderr });
      });
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
