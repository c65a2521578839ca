/**
 * The one HTTP client of the web app: JSON in and out, the session cookie, the CSRF token on
 * writes, and catalogued errors turned into ApiError. The CLI talks to the same API.
 */
export interface LocalisedText {
  nl: string;
  en: string;
}

export interface ErrorDetail {
  path: string;
  code: string;
  message: LocalisedText;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly localised: LocalisedText,
    readonly details: ErrorDetail[],
    readonly requestId: string | undefined,
  ) {
    super(localised.en);
  }
}

export interface Envelope<T> {
  data: T;
  abilities: Record<string, boolean>;
}

/** A paged list's answer: one page of rows and how many there are in all. */
export interface PagedEnvelope<T> extends Envelope<T[]> {
  page: { page: number; pageSize: number; total: number };
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const fallback = { nl: `Fout ${response.status}`, en: `Error ${response.status}` };
    throw new ApiError(
      response.status,
      parsed?.code ?? 'UNKNOWN',
      parsed?.message ?? fallback,
      parsed?.details ?? [],
      parsed?.requestId,
    );
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<Envelope<T>>('GET', path),
  /** A paged list route (`page`, `pageSize` in the query). */
  getPage: <T>(path: string) => request<PagedEnvelope<T>>('GET', path),
  post: <T>(path: string, body?: unknown) => request<Envelope<T>>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<Envelope<T>>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<Envelope<T>>('PATCH', path, body ?? {}),
  delete: (path: string) => request<void>('DELETE', path),
  /** For routes that answer 204 or that we only need to succeed. */
  send: (method: 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) =>
    request<void>(method, path, body),
};

/** Builds a query string from defined values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
