/** Shapes of a collection standard as the API returns it (see server/src/modules/standards). */

export interface Bilingual {
  zh: string;
  en: string;
}

export type VersionStatus = 'draft' | 'in_review' | 'approved' | 'retired';
export const VERSION_STATUSES: readonly VersionStatus[] = ['draft', 'in_review', 'approved', 'retired'];

/** The six resource types of DESIGN §3, in display order. */
export const RESOURCE_TYPES = ['data', 'report', 'publication', 'patent_standard', 'instrument', 'physical'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export interface VocabularyTerm {
  code: string;
  label: Bilingual;
}

export interface Vocabulary {
  label: Bilingual;
  terms: VocabularyTerm[];
}

/** A JSON Schema node with Huijiao's annotations (x-label, x-help, x-group, ...). */
export interface FieldSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, FieldSchema>;
  items?: FieldSchema;
  required?: string[];
  enum?: unknown[];
  format?: string;
  uniqueItems?: boolean;
  allOf?: FieldSchema[];
  oneOf?: FieldSchema[];
  'x-label'?: Bilingual;
  'x-help'?: Bilingual;
  'x-group'?: string;
  'x-widget'?: string;
  'x-vocabulary'?: string;
  'x-example'?: unknown;
  'x-order'?: string[];
  [keyword: string]: unknown;
}

export interface StandardGroup {
  id: string;
  label: Bilingual;
}

export interface StandardDocument {
  domain: string;
  version: string;
  name: Bilingual;
  description?: Bilingual;
  groups?: StandardGroup[];
  vocabularies?: Record<string, Vocabulary>;
  resourceTypes: Partial<Record<string, { label: Bilingual; schema: FieldSchema }>>;
}

export interface VersionSummary {
  id: string;
  version: string;
  status: VersionStatus;
  reviewRound: number;
  approvedAt: string | null;
  updatedAt: string | null;
}

/** GET /api/standards: one standard with the versions the user may see, newest first. */
export interface StandardSummary {
  id: string;
  domain: string;
  nameZh: string;
  nameEn: string;
  platformOrgId: string | null;
  platformName: string | null;
  platformNameEn: string | null;
  canManage: boolean;
  versions: VersionSummary[];
}

/** One row of a type's field table. */
export interface FieldRow {
  key: string;
  label: Bilingual;
  help: Bilingual | null;
  type: string;
  required: boolean;
  conditional: boolean;
  vocabulary: string | null;
  group: string | null;
  widget: string | null;
  example: unknown;
}

export interface VersionReview {
  id: string;
  round: number;
  expertId: string;
  expertName: string;
  decision: 'approve' | 'request_changes' | null;
  comment: string | null;
  decidedAt: string | null;
}

/** GET /api/standard-versions/:id */
export interface VersionDetail {
  id: string;
  standardId: string;
  domain: string;
  platformOrgId: string | null;
  version: string;
  status: VersionStatus;
  quorum: string;
  reviewRound: number;
  basedOnId: string | null;
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
  document: StandardDocument;
  types: Array<{ type: string; label: Bilingual; fields: FieldRow[] }>;
  canManage: boolean;
  canReview: boolean;
  reviews: VersionReview[];
}

export interface CreatedVersion {
  id: string;
  version: string;
  status: VersionStatus;
}

export interface Expert {
  id: string;
  displayName: string;
  username: string;
}

export type Quorum = 'majority' | 'all';
export type ReviewDecision = 'approve' | 'request_changes';

/** GET /api/standard-reviews/mine: one assignment of the signed-in expert. */
export interface MyReview {
  id: string;
  round: number;
  decision: ReviewDecision | null;
  comment: string | null;
  assignedAt: string;
  decidedAt: string | null;
  versionId: string;
  version: string;
  status: VersionStatus;
  domain: string;
  nameZh: string;
  nameEn: string;
  open: boolean;
}

export type FieldChangeKind =
  | 'added'
  | 'removed'
  | 'made_required'
  | 'made_optional'
  | 'type_changed'
  | 'vocabulary_changed'
  | 'label_changed'
  | 'constraints_changed';

export interface StandardDiff {
  base: string;
  version: string;
  typesAdded: string[];
  typesRemoved: string[];
  fields: Array<{ type: string; field: string; label: Bilingual; change: FieldChangeKind; from?: string | null; to?: string | null }>;
  vocabularies: Array<{ vocabulary: string; label: Bilingual; change: 'added' | 'removed' | 'terms_changed'; termsAdded: string[]; termsRemoved: string[] }>;
}

/** One field problem of a record, as POST /validate reports it (message already localised). */
export interface RecordError {
  path: string;
  label: string;
  code: string;
  message: string;
}

export interface ValidationResult {
  valid: boolean;
  errors: RecordError[];
}

/** A bilingual label in the UI language. */
export function localLabel(label: Bilingual | null | undefined, language: string): string {
  if (!label) return '';
  return language === 'en' ? label.en || label.zh : label.zh || label.en;
}

/** Compares semantic versions ("1.10.0" after "1.9.0"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
