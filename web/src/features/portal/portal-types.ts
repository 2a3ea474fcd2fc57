/** Shapes of the open portal as the API returns them (docs/portal.md). */
import type { Bilingual } from '../standards/standard-types';

export const FACET_NAMES = ['type', 'platform', 'discipline', 'program', 'unit', 'province', 'year', 'sharingMode', 'licence'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export const SORTS = ['relevance', 'newest', 'most_used'] as const;
export type SearchSort = (typeof SORTS)[number];

export interface FacetValue {
  value: string;
  label: Bilingual;
  count: number;
}

export interface SearchItem {
  id: string;
  titleZh: string;
  titleEn: string | null;
  /** Escaped text with <mark>…</mark> only: rendered by <Snippet>, never as HTML. */
  snippet: string;
  resourceType: string;
  typeLabel: Bilingual;
  platform: { id: string; name: Bilingual };
  unit: { id: string; name: string };
  province: { code: string; name: Bilingual };
  year: number;
  sharingMode: string;
  licence: string;
  cstr: string;
  releasedAt: string;
  usage: { views: number; downloads: number };
}

/** GET /api/portal/search */
export interface SearchAnswer {
  total: number;
  /** More matched than the cap: show "1,000+". */
  totalCapped: boolean;
  items: SearchItem[];
  facets: Record<FacetName, FacetValue[]>;
  facetsApproximate: boolean;
}

/** Why the viewer may (or may not) download the files (server: portal-access.ts fileAccess). */
export type AccessReason =
  | 'open' | 'registered' | 'embargo_over' | 'application_approved' | 'provider'
  | 'login_required' | 'embargo' | 'application_required' | 'application_pending' | 'application_expired' | 'offline' | 'withdrawn' | 'not_released';

export interface PortalFile {
  id: string;
  path: string;
  name: string;
  size: number;
  mediaType: string;
  sha256: string;
}

export interface PortalAccess {
  canDownload: boolean;
  reason: AccessReason | string;
  embargoEnd: string | null;
  application: { id: string; status: string; expiresAt: string | null; reason: string | null } | null;
  contact: { name: string; email: string | null; phone: string | null } | null;
  agreement: Bilingual | null;
}

export interface PortalField {
  key: string;
  label: Bilingual;
  group: Bilingual | null;
  value: unknown;
  /** The value as shown in the reader's language. */
  text: string;
}

export interface PortalVersion {
  id: string;
  versionNo: number;
  status: string;
  cstr: string | null;
  releasedAt: string | null;
}

export interface ResourceUsage {
  views: number;
  downloads: number;
  uniqueViews: number;
  uniqueDownloads: number;
}

/** GET /api/portal/resources/:id(?version=n): a landing page. */
export interface PortalResource {
  id: string;
  lineageId: string;
  versionNo: number;
  latestVersionNo: number;
  status: 'released' | 'superseded' | 'withdrawn';
  resourceType: string;
  typeLabel: Bilingual;
  titleZh: string;
  titleEn: string | null;
  description: string | null;
  keywords: string[];
  cstr: string;
  cstrUrl: string;
  releasedAt: string;
  sharingMode: string;
  embargoEnd: string | null;
  licence: { id: string; label: Bilingual };
  subject: { code: string; titleZh: string };
  project: { code: string; titleZh: string };
  program: { code: string; titleZh: string };
  platform: { id: string; name: Bilingual };
  unit: { id: string; name: string };
  province: { code: string; name: Bilingual };
  creators: Array<{ name: string; unit: string | null; orcid: string | null }>;
  fields: PortalField[];
  /** null: offline (no file list). */
  files: PortalFile[] | null;
  access: PortalAccess;
  versions: PortalVersion[];
  related: Array<{ id: string; titleZh: string; resourceType: string; cstr: string }>;
  usage: ResourceUsage;
  withdrawal: { at: string; reason: string } | null;
  citation: { gbt7714: string };
}

export type ApplicationStatus = 'pending' | 'approved' | 'rejected';

/** An application for access to a resource in application mode. */
export interface Application {
  id: string;
  resourceId: string;
  resourceTitle: string;
  applicant: { id: string; displayName: string; email: string | null };
  purpose: string;
  intendedUse: string;
  status: ApplicationStatus | string;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  expiresAt: string | null;
  createdAt: string;
  /** Approved but past its end date (the server says so; older answers may lack it). */
  expired?: boolean;
}

export interface ApplicationInput {
  purpose: string;
  intendedUse: string;
  agreementAccepted: true;
}

export interface DecisionInput {
  decision: 'approve' | 'reject';
  reason?: string;
  /** YYYY-MM-DD; the server defaults to 12 months from now. */
  expiresAt?: string;
}

export interface UsageCounts {
  views: number;
  uniqueViews: number;
  searchHits: number;
  downloads: number;
  uniqueDownloads: number;
  applicationsApproved: number;
  machineViews: number;
  machineDownloads: number;
}

/** GET /api/usage/resources/:id */
export interface ResourceUsageAnswer {
  totals: UsageCounts;
  months: Array<{ month: string } & UsageCounts>;
}

export interface RegisterInput {
  username: string;
  displayName: string;
  email: string;
  password: string;
}
