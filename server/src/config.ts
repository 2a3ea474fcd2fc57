import { isIP } from 'node:net';
import path from 'node:path';

/** Typed configuration, read once from the environment and validated at start. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  demoPassword: string;
  publicUrl: string;
  logLevel: string;
  smtpUrl: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  /** Accepted self-registrations per client address and window. */
  registerMaxPerIp: number;
  registerWindowMinutes: number;
  /**
   * Which peers' X-Forwarded-For is believed (the client address rate limits and usage counts rest on):
   * true for any, false for none, else addresses / CIDR ranges / loopback, linklocal, uniquelocal.
   */
  trustProxy: boolean | string[];
  webDist: string;
  planReviewDays: number;
  planLeadDays: number;
  maxFileBytes: number;
  subjectQuotaBytes: number;
  uploadExpiryDays: number;
  reviewDays: number;
  returnDays: number;
  cstrRaCode: string;
  cstrRegistryUrl: string | undefined;
  cstrRegistryToken: string | undefined;
  /** The OAI-PMH adminEmail (Identify). */
  oaiAdminEmail: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: `true`, `false`, or a comma-separated list of proxy addresses, CIDR ranges and the
 * names loopback / linklocal / uniquelocal. The default trusts a proxy on the same host only, so a
 * client reaching the server directly cannot choose its own address with X-Forwarded-For.
 */
function trustProxy(raw: string | undefined, problems: string[]): boolean | string[] {
  const value = raw?.trim().toLowerCase();
  if (!value) return ['loopback'];
  if (value === 'true') return true;
  if (value === 'false') return false;
  const items = value.split(',').map((item) => item.trim()).filter(Boolean);
  const bad = items.filter((item) => {
    if (PROXY_RANGES.includes(item)) return false;
    const [address = '', prefix, ...rest] = item.split('/');
    const family = isIP(address);
    const maxPrefix = family === 4 ? 32 : 128;
    return family === 0 || rest.length > 0 || (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= maxPrefix));
  });
  if (items.length === 0 || bad.length > 0) {
    problems.push(`TRUST_PROXY must be true, false, or addresses / CIDR ranges / ${PROXY_RANGES.join(' / ')} separated by commas (not: ${bad.join(', ') || raw})`);
  }
  return items;
}

/**
 * The OAI-PMH contact: OAI_ADMIN_EMAIL, else oai@ the public host (a host without a dot, like
 * localhost, gets the reserved .invalid suffix: OAI-PMH requires a dotted domain).
 */
function oaiAdminEmail(raw: string | undefined, publicUrl: string, problems: string[]): string {
  const value = raw?.trim();
  if (value) {
    if (!/^\S+@(\S+\.)+\S+$/.test(value)) problems.push('OAI_ADMIN_EMAIL must be an e-mail address with a dotted domain');
    return value;
  }
  let host = 'localhost';
  try {
    host = new URL(publicUrl).hostname;
  } catch {
    // PUBLIC_URL is reported above.
  }
  return `oai@${host.includes('.') && !/^[\d.]+$/.test(host) ? host : `${host.replace(/[^\w-]/g, '') || 'localhost'}.invalid`}`;
}

/** Reads the configuration; throws ConfigError listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name]?.trim().toLowerCase();
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
    if (['0', 'false', 'no', 'off'].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${env[name]}")`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = env[name]?.trim();
    if (!raw) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) {
        problems.push(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };

  const port = int('PORT', 3000, 0, 65535);
  const databaseUrl = url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const publicUrl = url('PUBLIC_URL', ['http:', 'https:']) ?? `http://localhost:${port}`;
  const logLevel = env.LOG_LEVEL?.trim() || 'info';
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminPassword !== undefined && adminPassword.length < 8) problems.push('ADMIN_PASSWORD must be at least 8 characters');
  const demoPassword = env.DEMO_PASSWORD || 'Huijiao@2026';
  if (demoPassword.length < 8) problems.push('DEMO_PASSWORD must be at least 8 characters');

  const cstrRaCode = env.CSTR_RA_CODE?.trim() || '39999';
  if (!/^\w{5}$/.test(cstrRaCode)) problems.push('CSTR_RA_CODE must be 5 letters or digits (the registration agency code of GB/T 32843)');

  const config: Config = {
    port,
    host: env.HOST?.trim() || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR?.trim() || './data'),
    databaseUrl,
    adminPassword,
    demo: bool('DEMO', databaseUrl === undefined),
    demoPassword,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    logLevel,
    smtpUrl: url('SMTP_URL', ['smtp:', 'smtps:']),
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 120, 1, 60 * 24 * 30),
    sessionMaxHours: int('SESSION_MAX_HOURS', 24 * 7, 1, 24 * 365),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowMinutes: int('LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    registerMaxPerIp: int('REGISTER_MAX_PER_IP', 20, 1, 100_000),
    registerWindowMinutes: int('REGISTER_WINDOW_MINUTES', 60, 1, 24 * 60),
    trustProxy: trustProxy(env.TRUST_PROXY, problems),
    webDist: path.resolve(env.WEB_DIST?.trim() || './dist/web'),
    planReviewDays: int('PLAN_REVIEW_DAYS', 10, 1, 90),
    planLeadDays: int('PLAN_LEAD_DAYS', 30, 0, 365),
    maxFileBytes: int('MAX_FILE_BYTES', 50 * 1024 ** 3, 1, Number.MAX_SAFE_INTEGER),
    subjectQuotaBytes: int('SUBJECT_QUOTA_BYTES', 2 * 1024 ** 4, 1, Number.MAX_SAFE_INTEGER),
    uploadExpiryDays: int('UPLOAD_EXPIRY_DAYS', 7, 1, 365),
    reviewDays: int('REVIEW_DAYS', 10, 1, 90),
    returnDays: int('RETURN_DAYS', 10, 1, 90),
    cstrRaCode: cstrRaCode,
    cstrRegistryUrl: url('CSTR_REGISTRY_URL', ['http:', 'https:']),
    cstrRegistryToken: env.CSTR_REGISTRY_TOKEN?.trim() || undefined,
    oaiAdminEmail: oaiAdminEmail(env.OAI_ADMIN_EMAIL, publicUrl, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
