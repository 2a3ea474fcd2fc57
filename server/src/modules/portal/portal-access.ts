import type { SharingMode } from '../../db/schema';

/** The statuses a portal page exists for: released, older versions, and withdrawal tombstones. */
export const PUBLIC_STATUSES = ['released', 'superseded', 'withdrawn'] as const;

/**
 * Listed in search, OAI-PMH (as live records), sitemap and facets: the released version of a lineage,
 * unless its sharing mode is restricted (restricted resources are not listed nor found: DESIGN §5).
 */
export function isListed(resource: { status: string; sharingMode: string | null }): boolean {
  return resource.status === 'released' && resource.sharingMode !== 'restricted';
}

/** Why the viewer may or may not fetch file bytes of a resource (DESIGN §5). */
export type FileAccess =
  | { allowed: true; reason: 'open' | 'registered' | 'embargo_over' | 'application_approved' | 'provider' }
  | { allowed: false; reason: 'login_required' | 'embargo' | 'application_required' | 'application_pending' | 'application_expired' | 'offline' | 'withdrawn' | 'not_released' };

export interface AccessViewer {
  /** Logged in (any account). */
  authenticated: boolean;
  /** Holds a role that may read the subject (submitters, reviewers, platform): sees everything. */
  provider: boolean;
  /** The viewer's application for this resource, if any. */
  application: { status: 'pending' | 'approved' | 'rejected' | 'withdrawn'; expiresAt: Date | null } | null;
}

/**
 * The single rule for file bytes, applied on every download: open to anyone; registered to logged-in
 * users; embargo until its end date (the scheduled job then opens it); application to approved,
 * unexpired applicants; offline never online. Providers always may.
 */
export function fileAccess(resource: { status: string; sharingMode: SharingMode | string | null; embargoEnd: string | null }, viewer: AccessViewer, today: string, now = new Date()): FileAccess {
  if (resource.status === 'withdrawn') return { allowed: false, reason: 'withdrawn' };
  if (viewer.provider) return { allowed: true, reason: 'provider' };
  if (resource.status !== 'released' && resource.status !== 'superseded') return { allowed: false, reason: 'not_released' };
  switch (resource.sharingMode) {
    case 'open':
      return { allowed: true, reason: 'open' };
    case 'registered':
      return viewer.authenticated ? { allowed: true, reason: 'registered' } : { allowed: false, reason: 'login_required' };
    case 'embargo':
      if (resource.embargoEnd && resource.embargoEnd <= today) return { allowed: true, reason: 'embargo_over' };
      return { allowed: false, reason: 'embargo' };
    case 'application': {
      if (!viewer.authenticated) return { allowed: false, reason: 'login_required' };
      const application = viewer.application;
      if (application?.status === 'approved') {
        return application.expiresAt && application.expiresAt.getTime() <= now.getTime() ? { allowed: false, reason: 'application_expired' } : { allowed: true, reason: 'application_approved' };
      }
      if (application?.status === 'pending') return { allowed: false, reason: 'application_pending' };
      return { allowed: false, reason: 'application_required' };
    }
    case 'offline':
      return { allowed: false, reason: 'offline' };
    default:
      // restricted: only providers, who returned above.
      return { allowed: false, reason: 'not_released' };
  }
}

/** Whether the viewer sees the resource's page at all: restricted ones exist only for providers (404 otherwise). */
export function metadataVisible(resource: { status: string; sharingMode: string | null }, viewer: Pick<AccessViewer, 'provider'>): boolean {
  if (!(PUBLIC_STATUSES as readonly string[]).includes(resource.status)) return viewer.provider;
  return resource.sharingMode !== 'restricted' || viewer.provider;
}
