/**
 * What the app learns at start from `/config.json`: how users sign in and where each
 * district's API is. The local server answers it for its one API; in the cloud the city stack
 * writes it next to the build (infra/constructs/web-hosting.ts).
 */
export type AuthConfig =
  | { readonly kind: 'local' }
  | { readonly kind: 'cognito'; readonly region: string; readonly clientId: string };

export interface AppConfig {
  readonly auth: AuthConfig;
  /** The API for everything not tied to a district ('' = this origin). */
  readonly apiBase: string;
  /** A district's own API, where it has one (one stack set per district). */
  readonly districtApis: Readonly<Record<string, string>>;
}

const LOCAL: AppConfig = { auth: { kind: 'local' }, apiBase: '', districtApis: {} };

let current: AppConfig = LOCAL;

/** Loads `/config.json`; a missing file means the local runtime on this origin. */
export async function loadConfig(): Promise<AppConfig> {
  try {
    const response = await fetch('/config.json', { cache: 'no-store' });
    if (response.ok) {
      const body = (await response.json()) as Partial<AppConfig>;
      current = { ...LOCAL, ...body };
    }
  } catch {
    // Keep the local defaults: the app still works against its own origin.
  }
  return current;
}

export function config(): AppConfig {
  return current;
}
