import { createHash, createHmac } from 'node:crypto';
import { isbot } from 'isbot';

const HOUR = 3_600_000;
/** Months, days and session hours are counted in China time (UTC+8), like every date of the platform. */
const CHINA_OFFSET = 8 * HOUR;

const shifted = (at: Date) => new Date(at.getTime() + CHINA_OFFSET).toISOString();

/** The China calendar day of a moment, YYYY-MM-DD: the period of one client-hash salt. */
export const chinaDay = (at: Date): string => shifted(at).slice(0, 10);

/** The first day of the moment's China calendar month, YYYY-MM-01: the unit of aggregation. */
export const monthStart = (at: Date): string => `${shifted(at).slice(0, 7)}-01`;

/** The moment's China date and hour, YYYY-MM-DDTHH: the session period of COUNTER R5. */
export const hourBucket = (at: Date): string => shifted(at).slice(0, 13);

/** 128 bits of a digest in hex: unique enough for sessions and clients, half the bytes of SHA-256. */
const short = (digest: string) => digest.slice(0, 32);

/** The client (IP address + user agent) under the day's secret salt: the IP is never stored. */
export function clientHash(salt: string, ip: string, userAgent: string): string {
  return short(createHmac('sha256', salt).update(`${ip}\n${userAgent}`).digest('hex'));
}

/**
 * The COUNTER R5 session: the logged-in user, else the client, within one date + hour. Every event of
 * a session shares the key, so unique counts are distinct keys and the double-click filter partitions
 * by it.
 */
export function sessionKey(userId: string | null, client: string, at: Date): string {
  return sessionKeyOf(userId ? `u:${userId}` : `c:${client}`, hourBucket(at));
}

/** The session key of an identity ('u:<user id>' or 'c:<client hash>') in an hour bucket. */
export function sessionKeyOf(identity: string, hour: string): string {
  return short(createHash('sha256').update(`${identity}|${hour}`).digest('hex'));
}

// User agents repeat endlessly and the robot list is one large regular expression: remember answers.
const robotAnswers = new Map<string, boolean>();

/**
 * Robots (the isbot list, and clients sending no user agent at all) are kept in the raw events but
 * never counted. API-token (machine) use is scripted by design and is counted apart instead; an
 * approval is a provider's decision, not a visit, and is always counted.
 */
export function isRobot(kind: string, userAgent: string, machine: boolean): boolean {
  if (machine || kind === 'application_approved') return false;
  let answer = robotAnswers.get(userAgent);
  if (answer === undefined) {
    answer = userAgent.trim() === '' || isbot(userAgent);
    if (robotAnswers.size >= 10_000) robotAnswers.clear();
    robotAnswers.set(userAgent, answer);
  }
  return answer;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string | null | undefined): value is string => typeof value === 'string' && UUID.test(value);

/** 'YYYY-MM' of a 'YYYY-MM-DD' date column. */
export const monthLabel = (date: string): string => date.slice(0, 7);

/** Every month from `from` to `to` inclusive, as 'YYYY-MM'. */
export function monthRange(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = to.split('-').map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/** The month `count` months before 'YYYY-MM' (negative: after). */
export function monthsBefore(month: string, count: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
