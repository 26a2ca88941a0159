/**
 * Matches a method and path against route patterns such as `/api/counters/:counter/call-next`
 * or `/api/announcements/:number/:counter.wav` (a parameter may end in a fixed suffix).
 */

export type Method = 'GET' | 'POST';

export interface Pattern {
  readonly method: Method;
  readonly path: string;
}

export type Match<R> =
  | { readonly kind: 'found'; readonly route: R; readonly params: Record<string, string> }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'method_not_allowed'; readonly allow: readonly Method[] };

/**
 * The decoded segments of a URL path, or undefined when one is a dot segment or hides a
 * separator ("%2F", "\\", NUL): no route ever needs those, and refusing them here means a
 * parameter can never walk out of the pages folder.
 */
export function splitPath(rawPath: string): string[] | undefined {
  if (!rawPath.startsWith('/')) return undefined;
  const raw = rawPath.slice(1).split('/');
  // One trailing slash is forgiven: "/kiosk/" is "/kiosk".
  if (raw.length > 1 && raw.at(-1) === '') raw.pop();
  if (raw.length === 1 && raw[0] === '') return [];
  const segments: string[] = [];
  for (const part of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (segment === '' || segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** Builds the matcher once; each call is a scan of the (short) route list. */
export function createRouter<R extends Pattern>(
  routes: readonly R[],
): (method: string, path: string) => Match<R> {
  const compiled = routes.map((route) => ({ route, segments: splitPattern(route.path) }));
  return (method, path) => {
    const segments = splitPath(path);
    if (!segments) return { kind: 'not_found' };
    const allow: Method[] = [];
    for (const { route, segments: pattern } of compiled) {
      const params = matchSegments(pattern, segments);
      if (!params) continue;
      if (route.method === method) return { kind: 'found', route, params };
      if (!allow.includes(route.method)) allow.push(route.method);
    }
    return allow.length > 0 ? { kind: 'method_not_allowed', allow } : { kind: 'not_found' };
  };
}

type PatternSegment = { readonly literal: string } | { readonly param: string; readonly suffix: string };

function splitPattern(path: string): PatternSegment[] {
  return path
    .split('/')
    .filter(Boolean)
    .map((part) => {
      if (!part.startsWith(':')) return { literal: part };
      const dot = part.indexOf('.');
      return dot === -1
        ? { param: part.slice(1), suffix: '' }
        : { param: part.slice(1, dot), suffix: part.slice(dot) };
    });
}

function matchSegments(pattern: PatternSegment[], segments: string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i] as string;
    if ('literal' in part) {
      if (part.literal !== segment) return undefined;
      continue;
    }
    if (!segment.endsWith(part.suffix) || segment.length === part.suffix.length) return undefined;
    params[part.param] = segment.slice(0, segment.length - part.suffix.length);
  }
  return params;
}
