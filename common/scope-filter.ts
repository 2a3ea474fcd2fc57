/**
 * The filters that narrow subjects by where they sit (registry lists, supervision, evaluation rankings),
 * always applied inside what the viewer may see. Shared by the server and the web app.
 */
export interface ScopeFilter {
  /** A province's 6-digit code: subjects whose region lies in it. */
  province?: string;
  /** Lead or co-undertaking unit, with the units below it. */
  unitId?: string;
  platformId?: string;
  programCode?: string;
  projectCode?: string;
  /** Subject code or title, contains. */
  q?: string;
}
