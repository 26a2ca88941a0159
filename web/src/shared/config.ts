/**
 * What the app learns at start from `/config.json`: how users sign in and where each
 * district's API is. The local server answers it for its one API. In the cloud the city stack
 * writes `/config.json` and each district stack writes `/config/districts/<id>.json` with its
 * own API's URL, so a district deploys without touching the others' files.
 */
export type AuthConfig =
  | { readonly kind: 'local' }
  | { readonly kind: 'cognito'; readonly region: string; readonly clientId: string };

export interface AppConfig {
  readonly auth: AuthConfig;
  /** The API for calls not tied to a district ('' = this origin; undefined = any district's API). */
  readonly apiBase?: string;
  /** A district's own API, where it has one (one stack set per district). */
  readonly districtApis: Readonly<Record<string, string>>;
}

/** `/config.json` as stored: the districts' APIs may come from their own files. */
interface StoredConfig extends Partial<AppConfig> {
  /** Districts whose `/config/districts/<id>.json` (`{ "apiUrl": … }`) to read. */
  readonly districtIds?: readonly string[];
}

const LOCAL: AppConfig = { auth: { kind: 'local' }, apiBase: '', districtApis: {} };

let current: AppConfig = LOCAL;

async function json<T>(path: string): Promise<T | undefined> {
  try {
    const response = await fetch(path);
    return response.ok ? ((await response.json()) as T) : undefined;
  } catch {
    return undefined;
  }
}

/** Loads `/config.json` (and the districts' files); a missing file means the local runtime on this origin. */
export async function loadConfig(): Promise<AppConfig> {
  const stored = await json<StoredConfig>('/config.json');
  if (!stored) return current;
  const districtApis: Record<string, string> = { ...stored.districtApis };
  // A district not deployed yet has no file: its wards' screens say the API is unreachable.
  const files = await Promise.all(
    (stored.districtIds ?? []).map(
      async (id) => [id, await json<{ apiUrl?: string }>(`/config/districts/${id}.json`)] as const,
    ),
  );
  for (const [id, file] of files) if (file?.apiUrl) districtApis[id] = file.apiUrl.replace(/\/$/, '');
  current = {
    auth: stored.auth ?? LOCAL.auth,
    ...(stored.apiBase !== undefined ? { apiBase: stored.apiBase } : {}),
    districtApis,
  };
  return current;
}

export function config(): AppConfig {
  return current;
}
