import type { Kysely } from 'kysely';
import type { DB, UsageKind } from '../db/schema';
import { isListed } from '../modules/portal/portal-access';
import { clientHash, isRobot, monthStart, sessionKey } from '../modules/usage/usage-keys';
import { UsageRepository, type UsageEventRow } from '../modules/usage/usage.repository';
import { UsageService } from '../modules/usage/usage.service';

const MONTHS = 6;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
// The demo's events are made up: one fixed key stands in for the daily salts, so a rerun stores the same rows.
const DEMO_SALT = 'huijiao-demo-usage';

const BROWSERS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  'Mozilla/5.0 (Linux; Android 14; V2309A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50',
];
const ROBOTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
];
const SCRIPT = 'python-requests/2.32.3';

/** mulberry32: a small seeded generator, so the demo's usage is the same on every machine. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

/** A stable seed from a resource's title and version, so each keeps its own pattern on every install. */
const seedOf = (text: string) => [...text].reduce((hash, c) => Math.imul(hash ^ c.charCodeAt(0), 16_777_619) >>> 0, 2_166_136_261);

/** The start of the China month `back` months before the one `now` falls in. */
function monthBegin(now: Date, back: number): Date {
  const china = new Date(now.getTime() + 8 * HOUR);
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth() - back, 1) - 8 * HOUR);
}

/**
 * Plausible use of every listed resource over the last six months (views far above downloads, search
 * hits, a share of robots, some scripted API downloads, a few double clicks and approvals), written as
 * raw events and then aggregated exactly as live use is. Deterministic; does nothing when usage exists.
 */
export async function loadDemoUsage(db: Kysely<DB>, now = new Date()): Promise<number> {
  if (await db.selectFrom('usageEvents').select('id').limit(1).executeTakeFirst()) return 0;
  const resources = (await db.selectFrom('resources').select(['id', 'status', 'sharingMode', 'titleZh', 'versionNo']).where('status', '=', 'released').orderBy('id').execute()).filter(isListed);
  const users = (await db.selectFrom('users').select('id').where('status', '=', 'active').orderBy('username').execute()).map((u) => u.id);
  const repo = new UsageRepository(db);
  let total = 0;

  for (const resource of resources) {
    const random = prng(seedOf(`${resource.titleZh}|${resource.versionNo}`));
    const rows: UsageEventRow[] = [];
    const add = (kind: UsageKind, at: Date, who: { userId: string | null; ip: string; userAgent: string; machine?: boolean }) => {
      if (at.getTime() > now.getTime()) return;
      const machine = who.machine === true;
      const client = clientHash(DEMO_SALT, who.ip, who.userAgent);
      rows.push({ occurredAt: at, month: monthStart(at), resourceId: resource.id, kind, userId: who.userId, sessionKey: sessionKey(who.userId, client, at), clientHash: client, robot: isRobot(kind, who.userAgent, machine), machine });
    };
    const popularity = random.int(6, 30);
    const scripted = random.chance(0.35);

    for (let back = MONTHS - 1; back >= 0; back -= 1) {
      const begin = monthBegin(now, back);
      const end = Math.min(monthBegin(now, back - 1).getTime(), now.getTime());
      const moment = () => new Date(begin.getTime() + Math.floor(random.next() * Math.max(end - begin.getTime() - HOUR, HOUR)));
      // Use grows a little month by month after release.
      const visitors = Math.round(popularity * (1 + (MONTHS - 1 - back) * 0.15) * (0.8 + random.next() * 0.4));

      for (let v = 0; v < visitors; v += 1) {
        const who = { userId: random.chance(0.3) && users.length > 0 ? random.pick(users) : null, ip: `${random.int(36, 223)}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`, userAgent: random.pick(BROWSERS) };
        let at = moment();
        for (let hits = random.int(0, 3); hits > 0; hits -= 1) {
          add('search_hit', at, who);
          at = new Date(at.getTime() + random.int(20, 300) * 1000);
        }
        for (let views = random.int(1, 3); views > 0; views -= 1) {
          add('view', at, who);
          if (random.chance(0.1)) add('view', new Date(at.getTime() + random.int(2, 8) * 1000), who); // double click
          at = new Date(at.getTime() + random.int(1, 15) * MINUTE);
        }
        if (random.chance(0.12)) {
          add('download', at, who);
          if (random.chance(0.08)) add('download', new Date(at.getTime() + random.int(3, 20) * 1000), who);
        }
      }
      for (let r = Math.round(visitors * (0.1 + random.next() * 0.2)); r > 0; r -= 1) {
        const robot = { userId: null, ip: `66.249.${random.int(64, 79)}.${random.int(1, 254)}`, userAgent: random.pick(ROBOTS) };
        add(random.chance(0.9) ? 'view' : 'download', moment(), robot);
      }
      if (scripted && users.length > 0) {
        const script = { userId: users[0]!, ip: `202.120.${random.int(0, 255)}.${random.int(1, 254)}`, userAgent: SCRIPT, machine: true };
        for (let m = random.int(0, 6); m > 0; m -= 1) add('download', moment(), script);
      }
      if (resource.sharingMode === 'application' && users.length > 0 && random.chance(0.5)) add('application_approved', moment(), { userId: random.pick(users), ip: '127.0.0.1', userAgent: 'huijiao' });
    }
    await repo.insertEvents(rows);
    total += rows.length;
  }
  await new UsageService(db).aggregate();
  return total;
}
