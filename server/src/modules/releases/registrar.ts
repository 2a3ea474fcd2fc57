import { randomUUID } from 'node:crypto';

/** What a registry needs to know to register one identifier. */
export interface RegistrationRecord {
  cstr: string;
  title: string;
  url: string;
  resourceType: string;
  publisher: string;
  year: number;
}

export interface TaskState {
  done: boolean;
  /** Identifiers the registry refused, with its reason (retried later). */
  failed: Array<{ cstr: string; reason: string }>;
}

/**
 * A CSTR registration agency (DESIGN §6): batches go in (≤ 100 records), a task id comes back, and the
 * task is polled until done. Calls may fail; the caller retries from the job queue.
 */
export interface Registrar {
  readonly name: string;
  submit(records: RegistrationRecord[]): Promise<string>;
  poll(taskId: string): Promise<TaskState>;
}

/** This platform as its own registration agency: identifiers are registered the moment they are minted. */
export class LocalRegistrar implements Registrar {
  readonly name = 'local';

  async submit(records: RegistrationRecord[]): Promise<string> {
    if (records.length > 100) throw new Error('a batch holds at most 100 records');
    return `local-${randomUUID()}`;
  }

  async poll(): Promise<TaskState> {
    return { done: true, failed: [] };
  }
}

/**
 * HTTP client of the national CSTR registry: `POST {base}/registrations` with `{ records }` answers
 * `{ taskId }`; `GET {base}/tasks/{taskId}` answers `{ status: 'processing' | 'finished', failed?: [...] }`.
 * Authenticated with a bearer token; every call times out after 20 s.
 */
export class NationalRegistrar implements Registrar {
  readonly name = 'national';

  constructor(private readonly baseUrl: string, private readonly token: string | undefined, private readonly fetchImpl: typeof fetch = fetch) {}

  private async call(path: string, init: RequestInit = {}): Promise<unknown> {
    const response = await this.fetchImpl(`${this.baseUrl.replace(/\/+$/, '')}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`registry answered ${response.status}: ${text.slice(0, 200)}`);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new Error(`registry answered with invalid JSON: ${text.slice(0, 200)}`);
    }
  }

  async submit(records: RegistrationRecord[]): Promise<string> {
    const body = (await this.call('/registrations', { method: 'POST', body: JSON.stringify({ records }) })) as { taskId?: unknown };
    if (typeof body.taskId !== 'string' || !body.taskId) throw new Error('registry answered without a task id');
    return body.taskId;
  }

  async poll(taskId: string): Promise<TaskState> {
    const body = (await this.call(`/tasks/${encodeURIComponent(taskId)}`)) as { status?: unknown; failed?: unknown };
    if (body.status !== 'processing' && body.status !== 'finished') throw new Error(`registry answered an unknown task status: ${String(body.status)}`);
    const failed = Array.isArray(body.failed) ? body.failed.filter((f): f is { cstr: string; reason: string } => typeof f?.cstr === 'string').map((f) => ({ cstr: f.cstr, reason: String(f.reason ?? '') })) : [];
    return { done: body.status === 'finished', failed };
  }
}
