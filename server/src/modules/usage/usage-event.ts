/** One use of a released resource, as the portal observes it (DESIGN §7). */
export interface UsageEventInput {
  resourceId: string;
  kind: 'view' | 'search_hit' | 'download' | 'application_approved';
  /** The logged-in user, if any. */
  userId: string | null;
  ip: string;
  userAgent: string;
  /** API-token (scripted) use, counted apart from regular use. */
  machine: boolean;
  at?: Date;
}

/** Records usage without making the caller wait (events are batched and written in the background). */
export interface UsageRecorder {
  record(event: UsageEventInput): void;
}

/** A resource's counted use (robots excluded, regular and machine together), for its landing page. */
export interface UsageTotals {
  views: number;
  downloads: number;
  uniqueViews: number;
  uniqueDownloads: number;
}
