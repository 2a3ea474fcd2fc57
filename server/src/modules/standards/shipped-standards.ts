import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { recordAudit } from '../../platform/audit';
import { systemCtx } from '../../platform/context';
import { checkStandardDocument, loadCoreFields, type StandardDocument } from './standard-document';

/** Every shipped standard document under standards/<domain>/<version>/standard.json. */
export function readShippedStandards(root = path.resolve('standards')): StandardDocument[] {
  const documents: StandardDocument[] = [];
  for (const domain of fs.readdirSync(root, { withFileTypes: true })) {
    if (!domain.isDirectory() || domain.name === 'core') continue;
    for (const version of fs.readdirSync(path.join(root, domain.name), { withFileTypes: true })) {
      const file = path.join(root, domain.name, version.name, 'standard.json');
      if (version.isDirectory() && fs.existsSync(file)) documents.push(JSON.parse(fs.readFileSync(file, 'utf8')) as StandardDocument);
    }
  }
  return documents;
}

/**
 * Installs shipped standards that the database does not hold yet, as drafts: a deployment's own
 * expert committee approves them (the demo data set approves them for you). Returns what it added.
 */
export async function installShippedStandards(db: Kysely<DB>, root = path.resolve('standards')): Promise<string[]> {
  const installed: string[] = [];
  const core = loadCoreFields(root);
  for (const document of readShippedStandards(root)) {
    const problems = checkStandardDocument(document, core, document.domain);
    if (problems.length > 0) throw new Error(`shipped standard ${document.domain} ${document.version} is invalid: ${JSON.stringify(problems.slice(0, 5))}`);
    await db.transaction().execute(async (trx) => {
      let standard = await trx.selectFrom('standards').selectAll().where('domain', '=', document.domain).executeTakeFirst();
      standard ??= await trx.insertInto('standards').values({ domain: document.domain, nameZh: document.name.zh, nameEn: document.name.en, platformOrgId: null }).returningAll().executeTakeFirstOrThrow();
      const exists = await trx.selectFrom('standardVersions').select('id').where('standardId', '=', standard.id).where('version', '=', document.version).executeTakeFirst();
      if (exists) return;
      const version = await trx
        .insertInto('standardVersions')
        .values({ standardId: standard.id, version: document.version, document: JSON.stringify(document) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, systemCtx('shipped-standards'), { action: 'standard.shipped_installed', objectType: 'standard_version', objectId: version.id, after: { domain: document.domain, version: document.version } });
      installed.push(`${document.domain}@${document.version}`);
    });
  }
  return installed;
}
