import { config } from '../config.ts';

/** One field the API refused, as its 400/422 answers name them. */
export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

/** An API answer other than 2xx, with what it said. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: readonly FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The API's reason for `field` (or a field inside it, e.g. `applicant.fullName`). */
  reasonFor(field: string): string | undefined {
    return this.fields.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.reason;
  }
}

/** The network itself failed: offline, DNS, CORS. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

let bearer: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** Set by the session: every request then carries the token; a 401 signs the user out. */
export function setBearer(token: string | undefined, unauthorized?: () => void): void {
  bearer = token;
  onUnauthorized = unauthorized;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** The district whose API answers (dossiers, queue); the default API otherwise. */
  readonly district?: string;
  readonly accept?: string;
  readonly signal?: AbortSignal;
}

/** The absolute URL of an API path, for the district's API when it has one. */
export function apiUrl(path: string, options: Pick<RequestOptions, 'query' | 'district'> = {}): string {
  const { apiBase, districtApis } = config();
  // Catalogue and public calls go to any district's API when there is no shared one.
  const base =
    (options.district && districtApis[options.district]) ?? apiBase ?? Object.values(districtApis)[0] ?? '';
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(options.query ?? {}))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const query = search.size ? `?${search}` : '';
  return `${base}${path}${query}`;
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new NetworkError(error);
  }
  if (response.ok) return response;
  let body: { error?: { code?: string; message?: string; fields?: FieldError[] } } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a gateway page): the status says enough.
  }
  if (response.status === 401 && bearer) onUnauthorized?.();
  const error = body.error ?? {};
  throw new ApiError(
    response.status,
    error.code ?? 'http_error',
    error.message ?? response.statusText,
    error.fields,
  );
}

/** Calls the API and returns its JSON; throws ApiError or NetworkError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Calls the API for bytes (a PDF form). */
export async function apiBlob(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send(path, options);
  return response.blob();
}
