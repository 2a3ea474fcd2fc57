import type { Kysely } from 'kysely';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { RESOURCE_TYPES, RESOURCE_TYPE_LABELS } from '../standards/standard-document';
import { isListed } from '../portal/portal-access';
import { el, xmlDocument, type XmlElement } from './xml';
import { InteropRepository, type HarvestCursor, type HarvestFilter } from './interop.repository';
import type { InteropService } from './interop.service';
import { dataciteRecord, dataciteXml, DATACITE_NS, DATACITE_SCHEMA } from './datacite';
import { oaiDc, OAI_DC_NS, OAI_DC_SCHEMA } from './oai-dc';

const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
const OAI_SCHEMA = 'http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd';

/**
 * oai_datacite carries the kernel-4 `<resource>` itself (the OpenAIRE data-archive convention), not
 * DataCite's own oai-1.1 wrapper, so the payload validates against the kernel-4 schema.
 */
export const METADATA_FORMATS = {
  oai_dc: { schema: OAI_DC_SCHEMA, namespace: OAI_DC_NS },
  oai_datacite: { schema: DATACITE_SCHEMA, namespace: DATACITE_NS },
} as const;
type Prefix = keyof typeof METADATA_FORMATS;

/** Page sizes: headers are small, full records are not. */
export const PAGE_SIZE = { ListIdentifiers: 500, ListRecords: 100 } as const;
/** How long a resumption token is honoured (stated as expirationDate). */
const TOKEN_LIFETIME_MS = 24 * 3600_000;

type Verb = 'Identify' | 'ListMetadataFormats' | 'ListSets' | 'GetRecord' | 'ListIdentifiers' | 'ListRecords';
const ARGUMENTS: Record<Verb, { required: string[]; optional: string[]; exclusive?: string }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

export type OaiErrorCode = 'badArgument' | 'badResumptionToken' | 'badVerb' | 'cannotDisseminateFormat' | 'idDoesNotExist' | 'noRecordsMatch' | 'noMetadataFormats' | 'noSetHierarchy';

/** A protocol error: answered as `<error code=…>` with HTTP 200, as OAI-PMH requires. */
export class OaiError extends Error {
  constructor(readonly code: OaiErrorCode, message: string) {
    super(message);
  }
}

const SET_SPEC = /^([A-Za-z0-9\-_.!~*'()])+(:[A-Za-z0-9\-_.!~*'()]+)*$/;
const PREFIX = /^[A-Za-z0-9\-_.!~*'()]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A datestamp at the repository's granularity (seconds, UTC). */
export const datestamp = (at: Date): string => `${at.toISOString().slice(0, 19)}Z`;

/** from/until: a day (YYYY-MM-DD) or a second (YYYY-MM-DDThh:mm:ssZ); anything else is a bad argument. */
function parseUtc(value: string, name: string): { at: Date; day: boolean } {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
  if (!day && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(value)) throw new OaiError('badArgument', `${name} must be YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ`);
  const at = new Date(day ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(at.getTime()) || (day ? datestamp(at).slice(0, 10) : datestamp(at)) !== value) throw new OaiError('badArgument', `${name} is not a valid date`);
  return { at, day };
}

/** A set spec as a filter: `platform`, `type`, `program` (every record) or one of their members; null when it names no set. */
function parseSet(spec: string): HarvestFilter['set'] | null {
  const [kind, value, ...rest] = spec.split(':');
  if (rest.length > 0 || (kind !== 'platform' && kind !== 'type' && kind !== 'program')) return null;
  if (value === undefined) return { kind, value: null };
  if (kind === 'platform' && !UUID.test(value)) return null;
  if (kind === 'type' && !(RESOURCE_TYPES as readonly string[]).includes(value)) return null;
  return { kind, value };
}

interface TokenState {
  prefix: Prefix;
  set: string | null;
  from: string | null;
  until: string | null;
  after: HarvestCursor;
  /** Records delivered before the next page (the cursor attribute). */
  delivered: number;
  total: number;
  expires: number;
}

/** Resumption tokens carry the whole query and the keyset position, so any instance can continue a harvest. */
export function encodeToken(state: TokenState): string {
  return Buffer.from(JSON.stringify([1, state.prefix, state.set, state.from, state.until, state.after.at, state.after.id, state.delivered, state.total, state.expires])).toString('base64url');
}

export function decodeToken(token: string, now = Date.now()): TokenState {
  const bad = (why: string) => new OaiError('badResumptionToken', why);
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw bad('The resumption token is not one this repository issued');
  }
  if (!Array.isArray(parts) || parts.length !== 10 || parts[0] !== 1) throw bad('The resumption token is not one this repository issued');
  const [, prefix, set, from, until, at, id, delivered, total, expires] = parts as unknown[];
  const optionalString = (v: unknown) => v === null || typeof v === 'string';
  if (typeof prefix !== 'string' || !(prefix in METADATA_FORMATS) || !optionalString(set) || !optionalString(from) || !optionalString(until)
    || typeof at !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/.test(at) || typeof id !== 'string' || !UUID.test(id)
    || [from, until].some((d) => typeof d === 'string' && !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/.test(d))
    || !Number.isInteger(delivered) || !Number.isInteger(total) || typeof expires !== 'number') throw bad('The resumption token is damaged');
  if (expires < now) throw bad('The resumption token has expired; start the list again');
  return { prefix: prefix as Prefix, set: set as string | null, from: from as string | null, until: until as string | null, after: { at, id }, delivered: delivered as number, total: total as number, expires };
}

type Params = Map<string, string[]>;

/** The OAI-PMH 2.0 data provider: six verbs over released (live) and superseded or withdrawn (deleted) resources. */
export class OaiService {
  private readonly repo: InteropRepository;
  private readonly host: string;

  constructor(db: Kysely<DB>, private readonly config: Config, private readonly interop: InteropService) {
    this.repo = new InteropRepository(db);
    this.host = new URL(config.publicUrl).hostname;
  }

  get baseUrl(): string {
    return `${this.config.publicUrl}/oai`;
  }

  /** The item identifier of a resource version. */
  identifier(id: string): string {
    return `oai:${this.host}:${id}`;
  }

  private localId(identifier: string): string {
    const prefix = `oai:${this.host}:`;
    const id = identifier.startsWith(prefix) ? identifier.slice(prefix.length) : '';
    if (!UUID.test(id)) throw new OaiError('idDoesNotExist', 'No item has this identifier');
    return id.toLowerCase();
  }

  /** Answers one request (arguments from the query string or the POST body) with a complete OAI-PMH document. */
  async respond(params: Params, now = new Date()): Promise<string> {
    const request: Record<string, string> = {};
    let body: XmlElement[];
    try {
      const verb = this.checkArguments(params);
      for (const [name, values] of params) request[name] = values[0]!;
      body = [await this.dispatch(verb, request, now)];
    } catch (error) {
      if (!(error instanceof OaiError)) throw error;
      // A badVerb or badArgument answer echoes only the base URL (OAI-PMH 3.2).
      if (error.code === 'badVerb' || error.code === 'badArgument') for (const name of Object.keys(request)) delete request[name];
      body = [el('error', { code: error.code }, error.message)];
    }
    return xmlDocument(el('OAI-PMH', { xmlns: OAI_NS, 'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance', 'xsi:schemaLocation': `${OAI_NS} ${OAI_SCHEMA}` },
      el('responseDate', {}, datestamp(now)),
      el('request', request, this.baseUrl),
      body));
  }

  private checkArguments(params: Params): Verb {
    const verbs = params.get('verb') ?? [];
    if (verbs.length !== 1 || !(verbs[0]! in ARGUMENTS)) throw new OaiError('badVerb', verbs.length > 1 ? 'The verb is repeated' : 'Missing or unknown verb');
    const verb = verbs[0] as Verb;
    const spec = ARGUMENTS[verb];
    for (const [name, values] of params) {
      if (name === 'verb') continue;
      if (![...spec.required, ...spec.optional, spec.exclusive].includes(name)) throw new OaiError('badArgument', `${verb} does not take the argument ${name}`);
      if (values.length > 1) throw new OaiError('badArgument', `The argument ${name} is repeated`);
    }
    if (spec.exclusive && params.has(spec.exclusive)) {
      if (params.size > 2) throw new OaiError('badArgument', `${spec.exclusive} is an exclusive argument`);
      return verb;
    }
    const missing = spec.required.filter((name) => !params.has(name));
    if (missing.length > 0) throw new OaiError('badArgument', `Missing required argument ${missing.join(', ')}`);
    const prefix = params.get('metadataPrefix')?.[0];
    if (prefix !== undefined && !PREFIX.test(prefix)) throw new OaiError('badArgument', 'metadataPrefix has characters a prefix cannot have');
    const set = params.get('set')?.[0];
    if (set !== undefined && !SET_SPEC.test(set)) throw new OaiError('badArgument', 'set is not a valid setSpec');
    const from = params.get('from')?.[0];
    const until = params.get('until')?.[0];
    const parsedFrom = from !== undefined ? parseUtc(from, 'from') : null;
    const parsedUntil = until !== undefined ? parseUtc(until, 'until') : null;
    if (parsedFrom && parsedUntil) {
      if (parsedFrom.day !== parsedUntil.day) throw new OaiError('badArgument', 'from and until must have the same granularity');
      if (parsedFrom.at > parsedUntil.at) throw new OaiError('badArgument', 'from is later than until');
    }
    return verb;
  }

  private dispatch(verb: Verb, args: Record<string, string>, now: Date): Promise<XmlElement> {
    switch (verb) {
      case 'Identify': return this.identify();
      case 'ListMetadataFormats': return this.listMetadataFormats(args.identifier);
      case 'ListSets': return this.listSets(args.resumptionToken);
      case 'GetRecord': return this.getRecord(args.identifier!, args.metadataPrefix!);
      default: return this.list(verb, args, now);
    }
  }

  private async identify(): Promise<XmlElement> {
    const earliest = await this.repo.earliestDatestamp();
    return el('Identify', {},
      el('repositoryName', {}, '汇交 · 国家科技计划资源汇交与开放共享平台 (Huijiao)'),
      el('baseURL', {}, this.baseUrl),
      el('protocolVersion', {}, '2.0'),
      el('adminEmail', {}, this.config.oaiAdminEmail),
      el('earliestDatestamp', {}, datestamp(earliest ?? new Date(0))),
      el('deletedRecord', {}, 'persistent'),
      el('granularity', {}, 'YYYY-MM-DDThh:mm:ssZ'));
  }

  private async listMetadataFormats(identifier: string | undefined): Promise<XmlElement> {
    // Every item can be disseminated in both formats, so noMetadataFormats never arises.
    if (identifier !== undefined && !(await this.repo.harvestHeader(this.localId(identifier)))) throw new OaiError('idDoesNotExist', 'No item has this identifier');
    return el('ListMetadataFormats', {}, Object.entries(METADATA_FORMATS).map(([prefix, format]) => el('metadataFormat', {},
      el('metadataPrefix', {}, prefix), el('schema', {}, format.schema), el('metadataNamespace', {}, format.namespace))));
  }

  private async listSets(token: string | undefined): Promise<XmlElement> {
    if (token !== undefined) throw new OaiError('badResumptionToken', 'ListSets answers in one response; there is nothing to resume');
    const { platforms, programs } = await this.repo.setOwners();
    const set = (spec: string, name: string) => el('set', {}, el('setSpec', {}, spec), el('setName', {}, name));
    return el('ListSets', {},
      set('platform', '领域平台 Domain platforms'),
      platforms.map((p) => set(`platform:${p.id}`, p.nameEn ? `${p.nameZh} ${p.nameEn}` : p.nameZh)),
      set('type', '资源类型 Resource types'),
      RESOURCE_TYPES.map((type) => set(`type:${type}`, `${RESOURCE_TYPE_LABELS[type].zh} ${RESOURCE_TYPE_LABELS[type].en}`)),
      set('program', '科技计划 Programs'),
      programs.filter((p) => SET_SPEC.test(`program:${p.code}`)).map((p) => set(`program:${p.code}`, p.titleEn ? `${p.titleZh} ${p.titleEn}` : p.titleZh)));
  }

  private prefixOf(value: string): Prefix {
    if (!(value in METADATA_FORMATS)) throw new OaiError('cannotDisseminateFormat', `The metadata format ${value} is not offered; see ListMetadataFormats`);
    return value as Prefix;
  }

  private header(row: { id: string; status: string; sharingMode: string | null; resourceType: string; updatedAt: Date; platformId: string; programCode: string }): XmlElement {
    const specs = [`platform:${row.platformId}`, `type:${row.resourceType}`, `program:${row.programCode}`].filter((s) => SET_SPEC.test(s));
    return el('header', isListed(row) ? {} : { status: 'deleted' },
      el('identifier', {}, this.identifier(row.id)),
      el('datestamp', {}, datestamp(new Date(row.updatedAt))),
      specs.map((s) => el('setSpec', {}, s)));
  }

  private async getRecord(identifier: string, metadataPrefix: string): Promise<XmlElement> {
    const prefix = this.prefixOf(metadataPrefix);
    const row = await this.repo.harvestHeader(this.localId(identifier));
    if (!row) throw new OaiError('idDoesNotExist', 'No item has this identifier');
    return el('GetRecord', {}, await this.recordElements([row], prefix));
  }

  /** Full records: live ones with metadata, deleted ones as headers only. */
  private async recordElements(rows: Array<Parameters<OaiService['header']>[0]>, prefix: Prefix): Promise<XmlElement[]> {
    const records = new Map((await this.interop.records(rows.filter(isListed).map((r) => r.id))).map((r) => [r.id, r]));
    return rows.map((row) => {
      const record = records.get(row.id);
      if (!isListed(row) || !record) return el('record', {}, this.header(row));
      const metadata = prefix === 'oai_dc' ? oaiDc(record) : dataciteXml(dataciteRecord(record));
      return el('record', {}, this.header(row), el('metadata', {}, metadata));
    });
  }

  /** ListIdentifiers and ListRecords: keyset pages in (datestamp, id) order, resumable across instances and changes. */
  private async list(verb: 'ListIdentifiers' | 'ListRecords', args: Record<string, string>, now: Date): Promise<XmlElement> {
    const state: TokenState = args.resumptionToken !== undefined
      ? decodeToken(args.resumptionToken, now.getTime())
      : { prefix: this.prefixOf(args.metadataPrefix!), set: args.set ?? null, from: args.from ?? null, until: args.until ?? null, after: { at: '', id: '' }, delivered: 0, total: 0, expires: 0 };
    const set = state.set === null ? null : parseSet(state.set);
    if (state.set !== null && !set) throw new OaiError('noRecordsMatch', 'No set has this setSpec');
    const from = state.from ? parseUtc(state.from, 'from') : null;
    const until = state.until ? parseUtc(state.until, 'until') : null;
    const filter: HarvestFilter = {
      from: from?.at ?? null,
      // Datestamps are shown to the second (or day): until includes its whole second (or day).
      untilExclusive: until ? new Date(until.at.getTime() + (until.day ? 86_400_000 : 1000)) : null,
      set,
    };
    const first = args.resumptionToken === undefined;
    const size = PAGE_SIZE[verb];
    const rows = await this.repo.harvestPage(filter, first ? null : state.after, size + 1);
    if (rows.length === 0) throw new OaiError('noRecordsMatch', first ? 'No records match the request' : 'The rest of the list no longer matches the request');
    const page = rows.slice(0, size);
    const total = first ? (rows.length > size ? await this.repo.harvestSize(filter) : page.length) : state.total;
    const last = page[page.length - 1]!;
    const more = rows.length > size;
    const expires = now.getTime() + TOKEN_LIFETIME_MS;
    const next = more ? encodeToken({ ...state, after: { at: last.stamp, id: last.id }, delivered: state.delivered + page.length, total: Math.max(total, state.delivered + page.length + 1), expires }) : '';
    const token = first && !more ? null : el('resumptionToken', {
      ...(more ? { expirationDate: datestamp(new Date(expires)) } : {}),
      completeListSize: Math.max(total, state.delivered + page.length),
      cursor: state.delivered,
    }, next);
    const items = verb === 'ListIdentifiers' ? page.map((row) => this.header(row)) : await this.recordElements(page, state.prefix);
    return el(verb, {}, items, token);
  }
}
