/** Route matching like API Gateway's: literal segments win over `{param}` segments. */

/** What a request resolved to: a route with its decoded path parameters, or why not. */
export type RouteLookup<R> =
  | { kind: 'match'; route: R; resource: string; pathParameters: Record<string, string> | null }
  | { kind: 'not_found' }
  | { kind: 'method_not_allowed'; allow: string[] };

/**
 * Resolves the resource first, then the method, as API Gateway does: a literal segment beats a
 * `{param}` at the first place two templates differ (`/v1/calendar/due` before
 * `/v1/calendar/{year}`), and a known resource without the method is a 405, never a fallback.
 */
export function createRouteMatcher<R extends { method: string; path: string }>(routes: readonly R[]) {
  const templates = new Map<string, { segments: string[]; byMethod: Map<string, R> }>();
  for (const route of routes) {
    const template = templates.get(route.path) ?? {
      segments: route.path.split('/').slice(1),
      byMethod: new Map(),
    };
    template.byMethod.set(route.method, route);
    templates.set(route.path, template);
  }
  const ranked = [...templates.entries()].sort(([, a], [, b]) => specificity(a.segments, b.segments));
  return (method: string, path: string): RouteLookup<R> => {
    const segments = path.split('/').slice(1).map(decodeSegment);
    if (segments.length > 1 && segments.at(-1) === '') segments.pop(); // `/v1/units/` is `/v1/units`
    for (const [resource, template] of ranked) {
      const parameters = bind(template.segments, segments);
      if (!parameters) continue;
      const route = template.byMethod.get(method);
      if (!route) return { kind: 'method_not_allowed', allow: [...template.byMethod.keys()].sort() };
      const pathParameters = Object.keys(parameters).length > 0 ? parameters : null;
      return { kind: 'match', route, resource, pathParameters };
    }
    return { kind: 'not_found' };
  };
}

function isParameter(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** Orders templates so that the first literal-versus-parameter difference puts the literal first. */
function specificity(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const difference = Number(isParameter(a[i] ?? '')) - Number(isParameter(b[i] ?? ''));
    if (difference !== 0) return difference;
  }
  return 0;
}

function bind(template: string[], segments: string[]): Record<string, string> | undefined {
  if (template.length !== segments.length) return undefined;
  const parameters: Record<string, string> = {};
  for (const [i, part] of template.entries()) {
    const segment = segments[i] ?? '';
    if (isParameter(part)) {
      if (segment === '') return undefined;
      parameters[part.slice(1, -1)] = segment;
    } else if (part !== segment) {
      return undefined;
    }
  }
  return parameters;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // malformed escapes stay as sent, and then match nothing but a parameter
  }
}

// ---- The Lambda side: event and context ------------------------------------------------------
