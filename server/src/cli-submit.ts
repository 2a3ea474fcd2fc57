import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tus from 'tus-js-client';

/** Where unfinished upload URLs are remembered between runs (a JSON file beside the metadata). */
class JsonUrlStorage implements tus.UrlStorage {
  constructor(private readonly file: string) {}

  private read(): Record<string, tus.PreviousUpload> {
    return fs.existsSync(this.file) ? (JSON.parse(fs.readFileSync(this.file, 'utf8')) as Record<string, tus.PreviousUpload>) : {};
  }

  private write(items: Record<string, tus.PreviousUpload>): void {
    fs.writeFileSync(this.file, JSON.stringify(items, null, 2));
  }

  async findAllUploads() {
    return Object.values(this.read());
  }

  async findUploadsByFingerprint(fingerprint: string) {
    return Object.entries(this.read()).filter(([key]) => key.startsWith(`${fingerprint}::`)).map(([key, value]) => ({ ...value, urlStorageKey: key }));
  }

  async removeUpload(urlStorageKey: string) {
    const items = this.read();
    delete items[urlStorageKey];
    this.write(items);
  }

  async addUpload(fingerprint: string, upload: tus.PreviousUpload) {
    const key = `${fingerprint}::${Date.now()}`;
    this.write({ ...this.read(), [key]: upload });
    return key;
  }
}

/** Options of `cli submit`. */
export interface SubmitOptions {
  url: string;
  token: string;
  subject: string;
  type: string;
  metadata: string;
  files?: string;
  submit: boolean;
  log: (line: string) => void;
}

interface State {
  url: string;
  subjectCode: string;
  resourceId: string;
}

class HttpError extends Error {
  constructor(readonly status: number, readonly body: { code?: string; message?: string; details?: Array<{ path: string; message: string }> }) {
    super(`${status} ${body.code ?? ''}: ${body.message ?? ''}${(body.details ?? []).map((d) => `\n  ${d.path}: ${d.message}`).join('')}`);
  }
}

async function api<T>(options: SubmitOptions, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${options.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${options.token}`, 'accept-language': 'zh-CN', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : {};
  if (!response.ok) throw new HttpError(response.status, parsed);
  return parsed as T;
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(full);
    }
  };
  walk(root);
  return out;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

/**
 * Creates (or, on a re-run, reuses) the resource, saves its metadata, and uploads the files over tus.
 * State next to the metadata file makes re-running continue instead of duplicating: the resource id
 * is remembered, unfinished uploads resume from the server's offset, finished files are skipped.
 */
export async function submitResource(options: SubmitOptions): Promise<{ resourceId: string; uploaded: number; skipped: number; status: string }> {
  const metadata = JSON.parse(fs.readFileSync(options.metadata, 'utf8')) as Record<string, unknown>;
  const stateFile = `${options.metadata}.huijiao.json`;
  let state: State | null = fs.existsSync(stateFile) ? (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as State) : null;
  if (state && (state.url !== options.url || state.subjectCode !== options.subject)) state = null;

  if (!state) {
    const subjects = await api<{ items: Array<{ id: string; code: string }> }>(options, 'GET', `/api/subjects?q=${encodeURIComponent(options.subject)}&pageSize=50`);
    const subject = subjects.items.find((s) => s.code === options.subject);
    if (!subject) throw new Error(`Subject ${options.subject} not found (or not yours)`);
    const created = await api<{ id: string }>(options, 'POST', `/api/subjects/${subject.id}/resources`, { resourceType: options.type, metadata });
    state = { url: options.url, subjectCode: options.subject, resourceId: created.id };
    fs.writeFileSync(stateFile, JSON.stringify(state, null, 2));
    options.log(`Created resource ${created.id}`);
  } else {
    options.log(`Continuing resource ${state.resourceId}`);
  }
  let resource = await api<{ status: string; editable: boolean; files: Array<{ path: string; sha256: string }> }>(options, 'GET', `/api/resources/${state.resourceId}`);
  if (resource.editable) resource = await api(options, 'PUT', `/api/resources/${state.resourceId}/metadata`, { metadata });

  let uploaded = 0;
  let skipped = 0;
  const storage = new JsonUrlStorage(`${options.metadata}.huijiao-uploads.json`);
  for (const file of options.files ? listFiles(options.files) : []) {
    const relativePath = path.relative(options.files!, file).split(path.sep).join('/');
    const existing = resource.files.find((f) => f.path === relativePath);
    if (existing && existing.sha256 === (await sha256File(file))) {
      skipped += 1;
      options.log(`= ${relativePath} (already stored)`);
      continue;
    }
    const size = fs.statSync(file).size;
    await new Promise<void>((resolve, reject) => {
      let lastPercent = -10;
      const upload = new tus.Upload(fs.createReadStream(file), {
        endpoint: `${options.url}/api/uploads`,
        headers: { authorization: `Bearer ${options.token}` },
        metadata: { resourceId: state!.resourceId, filename: path.basename(file), relativePath },
        chunkSize: 16 * 1024 * 1024,
        retryDelays: [0, 1000, 3000, 5000, 10000],
        urlStorage: storage,
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onProgress: (sent, total) => {
          const percent = Math.floor((sent / total) * 100);
          if (percent >= lastPercent + 10 || sent === total) {
            lastPercent = percent;
            options.log(`↑ ${relativePath} ${percent}% (${sent}/${size})`);
          }
        },
        onError: reject,
        onSuccess: () => resolve(),
      });
      upload.findPreviousUploads().then((previous) => {
        if (previous[0]) {
          options.log(`↻ ${relativePath} resuming`);
          upload.resumeFromPreviousUpload(previous[0]);
        }
        upload.start();
      }, reject);
    });
    uploaded += 1;
  }

  let status = resource.status;
  if (options.submit && resource.editable) status = (await api<{ status: string }>(options, 'POST', `/api/resources/${state.resourceId}/submit`)).status;
  return { resourceId: state.resourceId, uploaded, skipped, status };
}
