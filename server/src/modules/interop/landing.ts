import { chinaDate } from '../../platform/china-time';
import { fileAccess } from '../portal/portal-access';
import { cstrResolverUrl } from '../releases/cstr';
import { accessRight, bareCstr, creatorsOf, descriptionOf, licenceOf, SHARING_LABELS, str, strings, typeLabel, kindOf, type InteropRecord } from './interop-record';
import { xmlAttr, xmlText } from './xml';

/** The shell served when the web app is not built (API-only deployments, tests). */
export const FALLBACK_SHELL = '<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <meta charset="UTF-8" />\n    <title>汇交 · Huijiao</title>\n  </head>\n  <body>\n    <div id="root"></div>\n  </body>\n</html>\n';

/** HTML text escaping (also fine inside double-quoted attributes). */
export const html = (value: string): string => xmlAttr(value).replace(/'/g, '&#39;');

/**
 * JSON for a `<script>` element: `<`, `>` and `&` as \u escapes (so `</script` and `<!--` cannot
 * appear), and U+2028/2029 escaped for old JavaScript parsers. JSON.parse reads it unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const anonymous = { authenticated: false, provider: false, application: null };

/** schema.org type by resource type and kind. */
function schemaType(record: InteropRecord): string {
  const kind = kindOf(record);
  if (record.resourceType === 'data') return 'Dataset';
  if (record.resourceType === 'report') return 'Report';
  if (record.resourceType === 'publication') return kind === 'monograph' ? 'Book' : kind === 'thesis' ? 'Thesis' : kind === 'journal_article' ? 'ScholarlyArticle' : 'CreativeWork';
  return 'CreativeWork';
}

/** The schema.org description of a resource (Dataset for data, CreativeWork or a subtype otherwise). */
export function jsonLd(record: InteropRecord, publicUrl: string, today = chinaDate()): Record<string, unknown> {
  const m = record.metadata;
  const type = schemaType(record);
  const licence = licenceOf(record);
  const cstr = bareCstr(record.cstr);
  const openToAll = fileAccess(record, anonymous, today).allowed;
  const doi = record.resourceType === 'publication' ? str(m.doi) : null;
  const start = str(m.temporalCoverageStart);
  const end = str(m.temporalCoverageEnd);
  const description = descriptionOf(record, 'zh') ?? descriptionOf(record, 'en');
  const creators = creatorsOf(record);
  const base: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': type,
    '@id': record.url,
    url: record.url,
    identifier: [
      { '@type': 'PropertyValue', propertyID: 'CSTR', value: cstr, url: cstrResolverUrl(record.cstr) },
      ...(doi ? [{ '@type': 'PropertyValue', propertyID: 'DOI', value: doi, url: `https://doi.org/${doi}` }] : []),
    ],
    sameAs: cstrResolverUrl(record.cstr),
    name: record.titleZh,
    ...(str(m.titleEn) ? { alternateName: str(m.titleEn) } : {}),
    ...(description ? { description } : {}),
    creator: creators.length
      ? creators.map((c) => ({ '@type': 'Person', name: c.name, ...(c.unit ? { affiliation: { '@type': 'Organization', name: c.unit } } : {}), ...(c.orcid ? { identifier: `https://orcid.org/${c.orcid}` } : {}) }))
      : [{ '@type': 'Organization', name: record.context.unitName }],
    publisher: { '@type': 'Organization', name: record.context.platformNameZh, ...(record.context.platformNameEn ? { alternateName: record.context.platformNameEn } : {}) },
    funder: { '@type': 'Organization', name: record.funder },
    datePublished: chinaDate(record.releasedAt),
    ...(str(m.dateCreated) ? { dateCreated: str(m.dateCreated) } : {}),
    version: String(record.versionNo),
    ...(licence ? { license: licence.uri ?? licence.label.zh } : {}),
    keywords: [...strings(m.keywordsZh), ...strings(m.keywordsEn)],
    inLanguage: str(m.language) === 'en' ? 'en' : 'zh',
    genre: typeLabel(record).zh,
    isAccessibleForFree: openToAll,
    ...(openToAll ? {} : { conditionsOfAccess: `${SHARING_LABELS[record.sharingMode]?.zh ?? record.sharingMode}（${accessRight(record, today).label}）` }),
  };
  if (type !== 'Dataset') return base;
  return {
    ...base,
    includedInDataCatalog: { '@type': 'DataCatalog', name: record.context.platformNameZh },
    ...(start || end ? { temporalCoverage: `${start ?? '..'}/${end ?? '..'}` } : {}),
    ...(strings(m.spatialCoverage).length ? { spatialCoverage: strings(m.spatialCoverage).join('；') } : {}),
    ...(openToAll && record.files.length ? {
      distribution: [
        ...record.files.map((f) => ({ '@type': 'DataDownload', name: f.path, contentUrl: `${publicUrl}/api/portal/resources/${record.id}/files/${f.id}`, encodingFormat: f.mediaType, contentSize: `${f.size} B` })),
        { '@type': 'DataDownload', name: 'BagIt', contentUrl: `${publicUrl}/api/portal/resources/${record.id}/bag.zip`, encodingFormat: 'application/zip' },
      ],
    } : {}),
  };
}

/** `YYYY/MM/DD`, the date form Highwire Press tags use. */
const slashDate = (at: Date) => chinaDate(at).replace(/-/g, '/');

/** Head tags for a live or superseded version: title, description, Highwire citation_*, Open Graph, canonical, JSON-LD. */
export function landingHead(record: InteropRecord, publicUrl: string, today = chinaDate()): { title: string; head: string; noscript: string } {
  const description = (descriptionOf(record, 'zh') ?? descriptionOf(record, 'en') ?? record.titleZh).replace(/\s+/g, ' ').slice(0, 300);
  const title = `${record.titleZh} · ${record.context.platformNameZh}`;
  const meta = (name: string, content: string) => `<meta name="${name}" content="${html(content)}" />`;
  const property = (name: string, content: string) => `<meta property="${name}" content="${html(content)}" />`;
  const doi = record.resourceType === 'publication' ? str(record.metadata.doi) : null;
  const pdf = fileAccess(record, anonymous, today).allowed ? record.files.find((f) => f.mediaType === 'application/pdf') : undefined;
  const creators = creatorsOf(record);
  const tags = [
    meta('description', description),
    meta('citation_title', record.titleZh),
    ...creators.map((c) => meta('citation_author', c.name)),
    meta('citation_publication_date', slashDate(record.releasedAt)),
    meta('citation_online_date', slashDate(record.releasedAt)),
    meta('citation_publisher', record.context.platformNameZh),
    meta('citation_language', str(record.metadata.language) === 'en' ? 'en' : 'zh'),
    ...strings(record.metadata.keywordsZh).map((k) => meta('citation_keywords', k)),
    meta('citation_abstract_html_url', record.url),
    ...(doi ? [meta('citation_doi', doi)] : []),
    ...(pdf ? [meta('citation_pdf_url', `${publicUrl}/api/portal/resources/${record.id}/files/${pdf.id}`)] : []),
    meta('DC.identifier', record.cstr),
    property('og:type', 'website'),
    property('og:site_name', '汇交 · Huijiao'),
    property('og:title', record.titleZh),
    property('og:description', description),
    property('og:url', record.url),
    property('og:locale', 'zh_CN'),
    meta('twitter:card', 'summary'),
    `<link rel="canonical" href="${html(record.url)}" />`,
    `<link rel="alternate" type="application/vnd.datacite.datacite+xml" href="${html(`${publicUrl}/api/portal/resources/${record.id}/datacite.xml`)}" />`,
    `<script type="application/ld+json">${scriptJson(jsonLd(record, publicUrl, today))}</script>`,
  ];
  const noscript = [
    `<h1>${html(record.titleZh)}</h1>`,
    ...(str(record.metadata.titleEn) ? [`<p lang="en">${html(str(record.metadata.titleEn)!)}</p>`] : []),
    `<p>${html(typeLabel(record).zh)} · ${html(record.context.platformNameZh)} · ${html(chinaDate(record.releasedAt))}</p>`,
    ...(creators.length ? [`<p>${html(creators.map((c) => c.name).join('，'))}</p>`] : []),
    `<p>${html(descriptionOf(record, 'zh') ?? descriptionOf(record, 'en') ?? '')}</p>`,
    `<p>科技资源标识 CSTR：<a href="${html(cstrResolverUrl(record.cstr))}">${html(record.cstr)}</a></p>`,
  ].join('');
  return { title, head: tags.join('\n    '), noscript };
}

/** Head tags of a withdrawal tombstone (410): what it was and why it went, not to be indexed. */
export function tombstoneHead(record: InteropRecord): { title: string; head: string; noscript: string } {
  const reason = record.withdrawalReason ?? '';
  const description = `该资源已于 ${record.withdrawnAt ? chinaDate(record.withdrawnAt) : ''} 撤回：${reason}`;
  return {
    title: `已撤回：${record.titleZh} · ${record.context.platformNameZh}`,
    head: [
      `<meta name="robots" content="noindex" />`,
      `<meta name="description" content="${html(description)}" />`,
      `<meta property="og:title" content="${html(`已撤回：${record.titleZh}`)}" />`,
      `<link rel="canonical" href="${html(record.url)}" />`,
    ].join('\n    '),
    noscript: `<h1>${html(record.titleZh)}</h1><p>${html(description)}</p><p>科技资源标识 CSTR：${html(record.cstr)}</p>`,
  };
}

/** The web app's index.html with the page's title, head tags and a server-rendered <noscript> summary put in. */
export function injectLanding(shell: string, page: { title: string; head: string; noscript: string }): string {
  const titled = /<title>[\s\S]*?<\/title>/i.test(shell) ? shell.replace(/<title>[\s\S]*?<\/title>/i, () => `<title>${html(page.title)}</title>`) : shell.replace(/<\/head>/i, () => `<title>${html(page.title)}</title>\n  </head>`);
  const withHead = titled.replace(/<\/head>/i, () => `    ${page.head}\n  </head>`);
  return withHead.replace(/<body([^>]*)>/i, (tag) => `${tag}\n    <noscript>${page.noscript}</noscript>`);
}

/** Sitemap protocol: at most 50 000 URLs per file; beyond that an index of files. */
export const SITEMAP_LIMIT = 50_000;

export function sitemapXml(urls: Array<{ loc: string; lastmod: Date }>): string {
  const body = urls.map((u) => `<url><loc>${xmlText(u.loc)}</loc><lastmod>${u.lastmod.toISOString().slice(0, 19)}Z</lastmod></url>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

export function sitemapIndexXml(locs: string[]): string {
  const body = locs.map((loc) => `<sitemap><loc>${xmlText(loc)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}
