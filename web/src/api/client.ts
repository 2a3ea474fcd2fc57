/** One failing field of a request, as the API reports it (path like "/creditCode"). */
export interface ApiErrorDetail {
  path: string;
  code: string;
  message: string;
}

/** The API's error shape, thrown by every request helper below. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** True for the 401 codes that mean "log in (again)". */
  get isUnauthenticated(): boolean {
    return this.status === 401 && (this.code === 'auth.unauthenticated' || this.code === 'auth.session_expired');
  }
}

interface ClientState {
  csrfToken: string | null;
  language: () => string;
  onUnauthenticated: (error: ApiError) => void;
}

const state: ClientState = {
  csrfToken: null,
  language: () => 'zh-CN',
  onUnauthenticated: () => undefined,
};

/** Remembers the CSRF token from GET /api/auth/me; every non-GET request sends it. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

/** Where requests read the current UI language from (sent as Accept-Language). */
export function setLanguageSource(source: () => string): void {
  state.language = source;
}

/** Called when a request fails because the session is missing or expired. */
export function setUnauthenticatedHandler(handler: (error: ApiError) => void): void {
  state.onUnauthenticated = handler;
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** Appends the defined, non-empty query parameters to a path. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function parseError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall back to the status line.
  }
  if (body && typeof body === 'object' && 'code' in body) {
    const { code, message, details } = body as { code: unknown; message?: unknown; details?: unknown };
    return new ApiError(
      response.status,
      String(code),
      typeof message === 'string' ? message : response.statusText,
      Array.isArray(details) ? (details as ApiErrorDetail[]) : [],
    );
  }
  return new ApiError(response.status, 'http.' + response.status, response.statusText || `HTTP ${response.status}`);
}

/** Sends one request to the API; resolves to the parsed JSON body (undefined for 204). */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': state.language(),
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }

  if (!response.ok) {
    const error = await parseError(response);
    if (error.isUnauthenticated) state.onUnauthenticated(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};
