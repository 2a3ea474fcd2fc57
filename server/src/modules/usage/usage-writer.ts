import type { Kysely } from 'kysely';
import { Counter, Gauge, Registry } from 'prom-client';
import type { DB } from '../../db/schema';
import type { UsageEventInput, UsageRecorder } from './usage-event';
import { chinaDay, clientHash, hourBucket, isRobot, isUuid, monthStart, sessionKeyOf } from './usage-keys';
import { UsageRepository, type UsageEventRow } from './usage.repository';

/** Where the writer reports a failed write (the Fastify logger once the app is built). */
export interface UsageLog {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface UsageWriterOptions {
  /** How often buffered events are written (default 1 s). */
  flushIntervalMs?: number;
  /** A batch this large is written at once, without waiting for the tick (default 500). */
  batchSize?: number;
  /** Events kept in memory while the database refuses them; beyond this they are dropped and counted (default 100 000). */
  maxBuffered?: number;
  log?: UsageLog;
}

type Pending = Required<UsageEventInput>;

const KINDS = new Set<string>(['view', 'search_hit', 'download', 'application_approved']);
// Rows per INSERT: unnest takes column arrays, so the statement size is not bound by parameter limits.
const WRITE_CHUNK = 5_000;
const MAX_BACKOFF_MS = 30_000;
const HOUR = 3_600_000;

/**
 * The in-memory side of usage counting: record() appends to a buffer and returns; a timer writes the
 * buffer in multi-row batches. A failed write keeps its events and is retried with backoff; when the
 * buffer is full (database down for long), new events are dropped and counted in a metric.
 */
export class UsageWriter implements UsageRecorder {
  readonly metrics = new Registry();
  private buffer: Pending[] = [];
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<number> | null = null;
  /** Events of the batch being written: they count against the bound until written. */
  private writing = 0;
  private failures = 0;
  private retryAt = 0;
  private closed = false;
  private readonly salts = new Map<string, string>();
  private readonly repo: UsageRepository;
  private readonly flushIntervalMs: number;
  private readonly batchSize: number;
  private readonly maxBuffered: number;
  private readonly written: Counter;
  private readonly dropped: Counter<'reason'>;
  private readonly writeFailures: Counter;

  constructor(db: Kysely<DB>, private options: UsageWriterOptions = {}) {
    this.repo = new UsageRepository(db);
    this.flushIntervalMs = options.flushIntervalMs ?? 1_000;
    this.batchSize = options.batchSize ?? 500;
    this.maxBuffered = options.maxBuffered ?? 100_000;
    const registers = [this.metrics];
    this.written = new Counter({ name: 'usage_events_written_total', help: 'Usage events written to the database', registers });
    this.dropped = new Counter({ name: 'usage_events_dropped_total', help: 'Usage events dropped: buffer full (database down), invalid, or after shutdown', labelNames: ['reason'], registers });
    this.writeFailures = new Counter({ name: 'usage_write_failures_total', help: 'Failed usage batch writes (the events stay buffered and are retried)', registers });
    const buffer = () => this.buffer.length + this.writing;
    new Gauge({ name: 'usage_events_buffered', help: 'Usage events waiting in memory to be written', registers, collect() { this.set(buffer()); } });
  }

  set log(log: UsageLog | undefined) {
    this.options = { ...this.options, log };
  }

  /** Buffers one event; never waits and never throws. */
  record(event: UsageEventInput): void {
    if (this.closed) return void this.dropped.inc({ reason: 'closed' });
    if (!isUuid(event.resourceId) || !KINDS.has(event.kind)) return void this.dropped.inc({ reason: 'invalid' });
    if (this.buffer.length + this.writing >= this.maxBuffered) return void this.dropped.inc({ reason: 'buffer_full' });
    const at = event.at && !Number.isNaN(event.at.getTime()) ? event.at : new Date();
    this.buffer.push({ resourceId: event.resourceId, kind: event.kind, userId: isUuid(event.userId) ? event.userId : null, ip: event.ip ?? '', userAgent: event.userAgent ?? '', machine: event.machine === true, at });
    this.timer ??= this.startTimer();
    if (this.buffer.length >= this.batchSize && !this.inFlight && Date.now() >= this.retryAt) void this.tick();
  }

  /** Events recorded and not yet written. */
  get pending(): number {
    return this.buffer.length + this.writing;
  }

  /** Writes every buffered event now; rejects (keeping the events) when the database refuses. */
  async flush(): Promise<number> {
    let total = 0;
    for (;;) {
      while (this.inFlight) await this.inFlight.catch(() => undefined);
      if (this.buffer.length === 0) return total;
      const batch = this.buffer.splice(0, WRITE_CHUNK);
      this.writing = batch.length;
      this.inFlight = this.write(batch);
      try {
        total += await this.inFlight;
      } catch (error) {
        // Put the batch back in front, in order, for the next attempt.
        this.buffer.unshift(...batch);
        throw error;
      } finally {
        this.inFlight = null;
        this.writing = 0;
      }
    }
  }

  /** Stops the timer and writes what is left (called when the server closes). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    try {
      await this.flush();
    } catch (error) {
      this.dropped.inc({ reason: 'closed' }, this.buffer.length);
      this.options.log?.error({ err: error, lost: this.buffer.length }, 'usage events could not be written at shutdown');
      this.buffer = [];
    }
  }

  private startTimer(): NodeJS.Timeout {
    const timer = setInterval(() => {
      if (this.buffer.length > 0 && !this.inFlight && Date.now() >= this.retryAt) void this.tick();
    }, this.flushIntervalMs);
    timer.unref();
    return timer;
  }

  /** One background flush: errors are logged and retried later with backoff, never thrown. */
  private async tick(): Promise<void> {
    try {
      await this.flush();
      this.failures = 0;
      this.retryAt = 0;
    } catch (error) {
      this.failures += 1;
      this.retryAt = Date.now() + Math.min(MAX_BACKOFF_MS, this.flushIntervalMs * 2 ** (this.failures - 1));
      this.options.log?.warn({ err: error, buffered: this.buffer.length, failures: this.failures }, 'usage events not written yet; retrying');
    }
  }

  private async write(batch: Pending[]): Promise<number> {
    try {
      const rows = await this.rowsOf(batch);
      await this.repo.insertEvents(rows);
      this.written.inc(rows.length);
      return rows.length;
    } catch (error) {
      this.writeFailures.inc();
      throw error;
    }
  }

  /** Hashes clients and sessions; within a batch the same hour, client and session recur, so each is computed once. */
  private async rowsOf(batch: Pending[]): Promise<UsageEventRow[]> {
    const periods = new Map<number, { day: string; month: string; hour: string }>();
    const periodOf = (at: Date) => {
      const index = Math.floor(at.getTime() / HOUR);
      let period = periods.get(index);
      if (!period) {
        const start = new Date(index * HOUR);
        period = { day: chinaDay(start), month: monthStart(start), hour: hourBucket(start) };
        periods.set(index, period);
      }
      return period;
    };
    const salts = new Map<string, string>();
    for (const event of batch) {
      const { day } = periodOf(event.at);
      if (!salts.has(day)) salts.set(day, await this.saltFor(day));
    }
    const memo = new Map<string, string>();
    const once = (key: string, make: () => string) => {
      let value = memo.get(key);
      if (value === undefined) {
        value = make();
        memo.set(key, value);
      }
      return value;
    };
    return batch.map((event) => {
      const { day, month, hour } = periodOf(event.at);
      const client = once(`c\n${day}\n${event.ip}\n${event.userAgent}`, () => clientHash(salts.get(day)!, event.ip, event.userAgent));
      const identity = event.userId ? `u:${event.userId}` : `c:${client}`;
      return {
        occurredAt: event.at, month, resourceId: event.resourceId, kind: event.kind, userId: event.userId,
        sessionKey: once(`s\n${identity}\n${hour}`, () => sessionKeyOf(identity, hour)), clientHash: client,
        robot: isRobot(event.kind, event.userAgent, event.machine), machine: event.machine,
      };
    });
  }

  private async saltFor(day: string): Promise<string> {
    const cached = this.salts.get(day);
    if (cached) return cached;
    const salt = await this.repo.saltFor(day);
    if (this.salts.size > 4) this.salts.clear();
    this.salts.set(day, salt);
    return salt;
  }
}
