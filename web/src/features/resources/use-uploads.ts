import { useCallback, useEffect, useRef, useState } from 'react';
import { defaultOptions, Upload, type DetailedError, type PreviousUpload, type UploadOptions } from 'tus-js-client';
import { currentLanguage } from '../../i18n';
import { patchUpload, upsertUpload, type UploadItem } from './upload-progress';

const ENDPOINT = '/api/uploads';
const CHUNK_SIZE = 8 * 1024 * 1024;
const RETRY_DELAYS = [0, 1000, 3000, 5000];
/** Files uploaded at once; the rest wait in order. */
const PARALLEL = 2;

/** The path of a file inside the resource: its folder path when a folder was chosen. */
export function relativePathOf(file: File): string {
  return file.webkitRelativePath || file.name;
}

/**
 * tus-js-client remembers unfinished uploads under this key. It names the resource and the path,
 * so the same file chosen for another resource (or another folder) never resumes the wrong upload.
 */
export function uploadFingerprint(file: File, options: Pick<UploadOptions, 'metadata'>): Promise<string> {
  const metadata = options.metadata ?? {};
  return Promise.resolve(['huijiao', metadata.resourceId, metadata.relativePath, file.size, file.lastModified].join('|'));
}

/** The server's message of a failed upload request (JSON error body), else tus-js-client's. */
function uploadErrorMessage(error: Error | DetailedError): string {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  if (response) {
    try {
      const body = JSON.parse(response.getBody()) as { message?: unknown };
      if (typeof body.message === 'string') return body.message;
    } catch {
      // Not JSON (a proxy page): fall through.
    }
    return `HTTP ${response.getStatus()}`;
  }
  return error.message;
}

/** Unfinished uploads of this resource that this browser remembers (chosen again, they resume). */
export async function rememberedUploads(resourceId: string): Promise<PreviousUpload[]> {
  try {
    const all = await defaultOptions.urlStorage.findAllUploads();
    return all.filter((upload) => upload.metadata.resourceId === resourceId);
  } catch {
    return [];
  }
}

export interface UploadsApi {
  items: UploadItem[];
  add: (files: File[]) => void;
  cancel: (key: string) => void;
  retry: (key: string) => void;
  clearFinished: () => void;
}

/**
 * Resumable uploads (tus) of files into one resource: per-file state for the progress bars, at most
 * PARALLEL at once, and resumption of an upload a reload interrupted when the same file is chosen again.
 */
export function useUploads(resourceId: string, csrfToken: string, onStored: () => void): UploadsApi {
  const [items, setItems] = useState<UploadItem[]>([]);
  const files = useRef(new Map<string, File>());
  const running = useRef(new Map<string, Upload>());
  const queue = useRef<string[]>([]);
  const latest = useRef({ csrfToken, onStored });
  latest.current = { csrfToken, onStored };

  const update = useCallback((key: string, patch: Partial<UploadItem>) => setItems((previous) => patchUpload(previous, key, patch)), []);

  const pump = useCallback(() => {
    while (running.current.size < PARALLEL && queue.current.length > 0) {
      const key = queue.current.shift()!;
      const file = files.current.get(key);
      if (!file) continue;
      const finish = () => {
        running.current.delete(key);
        pump();
      };
      const upload = new Upload(file, {
        endpoint: ENDPOINT,
        chunkSize: CHUNK_SIZE,
        retryDelays: RETRY_DELAYS,
        headers: { 'X-CSRF-Token': latest.current.csrfToken, 'Accept-Language': currentLanguage() },
        metadata: { resourceId, filename: file.name, relativePath: key, filetype: file.type || 'application/octet-stream' },
        fingerprint: uploadFingerprint,
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onAfterResponse: (request, response) => {
          // The HEAD of a resumed upload says how much the server already holds.
          if (request.getMethod() !== 'HEAD' || response.getStatus() !== 200) return;
          const offset = Number(response.getHeader('Upload-Offset'));
          if (offset > 0) update(key, { resumedFrom: offset, sent: offset });
        },
        onProgress: (sent) => update(key, { sent }),
        onSuccess: ({ lastResponse }) => {
          update(key, { status: 'done', sent: file.size, sha256: lastResponse.getHeader('Upload-Sha256') ?? null });
          finish();
          latest.current.onStored();
        },
        onError: (error) => {
          update(key, { status: 'error', error: uploadErrorMessage(error) });
          finish();
        },
      });
      running.current.set(key, upload);
      update(key, { status: 'uploading', error: null });
      void upload.findPreviousUploads().then((previous) => {
        if (!running.current.has(key)) return;
        const match = previous.find((candidate) => candidate.uploadUrl);
        if (match) upload.resumeFromPreviousUpload(match);
        upload.start();
      });
    }
  }, [resourceId, update]);

  const add = useCallback(
    (chosen: File[]) => {
      // A file already on its way is not started twice.
      const accepted = chosen.filter((file) => {
        const key = relativePathOf(file);
        return !running.current.has(key) && !queue.current.includes(key);
      });
      for (const file of accepted) {
        files.current.set(relativePathOf(file), file);
        queue.current.push(relativePathOf(file));
      }
      setItems((previous) =>
        accepted.reduce(
          (next, file) =>
            upsertUpload(next, { key: relativePathOf(file), name: file.name, relativePath: relativePathOf(file), size: file.size, sent: 0, status: 'queued', resumedFrom: null, sha256: null, error: null }),
          previous,
        ),
      );
      // Start after the rows exist, so progress lands on them.
      setTimeout(pump, 0);
    },
    [pump],
  );

  const cancel = useCallback(
    (key: string) => {
      queue.current = queue.current.filter((queued) => queued !== key);
      const upload = running.current.get(key);
      running.current.delete(key);
      // Terminating frees the partial bytes on the server and forgets the resume entry.
      if (upload) void upload.abort(true).catch(() => undefined);
      update(key, { status: 'cancelled' });
      pump();
    },
    [pump, update],
  );

  const retry = useCallback(
    (key: string) => {
      if (!files.current.has(key) || running.current.has(key)) return;
      queue.current.push(key);
      update(key, { status: 'queued', error: null });
      pump();
    },
    [pump, update],
  );

  const clearFinished = useCallback(() => setItems((previous) => previous.filter((item) => item.status !== 'done' && item.status !== 'cancelled')), []);

  // Leaving the page stops the transfers; what reached the server resumes next time.
  useEffect(() => {
    const uploads = running.current;
    return () => {
      for (const upload of uploads.values()) void upload.abort(false);
      uploads.clear();
    };
  }, []);

  return { items, add, cancel, retry, clearFinished };
}
