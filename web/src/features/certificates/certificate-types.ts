import type { Bilingual } from '../standards/standard-types';

export interface CertificateLine {
  resourceType: string;
  typeLabel: Bilingual;
  planned: number;
  released: number;
  inReview: number;
  waiver: { reason: string; byName: string | null; at: string } | null;
  fulfilled: boolean;
}

export interface IssuedCertificate {
  number: string;
  code: string;
  issuedAt: string;
  verifyUrl: string;
  pdfUrl: string;
}

/** GET /api/subjects/:id/certificate-status: planned vs released per type, waivers, and the certificate once issued. */
export interface CertificateStatus {
  subjectId: string;
  subjectCode: string;
  complete: boolean;
  planApproved: boolean;
  lines: CertificateLine[];
  certificate: IssuedCertificate | null;
  can: { issue: boolean; waive: boolean };
}

/** GET /api/verify/:code (public): what an issued certificate attests. */
export interface Verification {
  number: string;
  subjectCode: string;
  subjectTitle: string;
  piName: string | null;
  /** Undertaking units, lead first. */
  units: string[] | string;
  platformName: string;
  issuedAt: string;
  lines: Array<{ resourceType: string; typeLabel: Bilingual | string; count: number; cstrs: string[] }>;
}
