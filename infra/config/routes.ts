import type { Access, ApiHandler } from '#api/http';
import { type Route, routes } from '#api/routes';
import { handlerEntry } from './paths.ts';

/** A route as the stacks deploy it: the route list's entry plus its handler's access rule. */
export interface DeployedRoute extends Route {
  /** From the handler (`handler.access`): `public` routes get no authorizer, all others the Cognito one. */
  readonly access: Access;
  /** The handler's source file, bundled into this route's Lambda. */
  readonly entry: string;
  /** Construct id, e.g. `DossiersCreate` for `dossiers/create`. */
  readonly id: string;
}

/**
 * Paths under this prefix are the public lookup: no login, personal data behind a key. They get
 * the WAF rate-based rule (against guessing keys), tighter method throttling and reserved
 * concurrency. The public queue board (`/v1/public/wards/…`) is not under it: a hall screen
 * refreshing every few seconds from a ward's one IP would use up the lookup's allowance.
 */
export const PUBLIC_LOOKUP_PREFIX = '/v1/public/dossiers/';

/** Whether a route is the public lookup (see PUBLIC_LOOKUP_PREFIX). */
export function isPublicLookup(route: Pick<Route, 'path'>): boolean {
  return route.path.startsWith(PUBLIC_LOOKUP_PREFIX);
}

/**
 * Every route of functions/api/routes.ts with the access rule its handler declares. The handler
 * module is imported, as the local server does, so a route added there is deployed with the
 * rule it really enforces; a handler without one fails the synth.
 */
export async function deployedRoutes(list: readonly Route[] = routes): Promise<DeployedRoute[]> {
  return Promise.all(
    list.map(async (route) => {
      const specifier = `#handlers/${route.module}`;
      const { handler } = (await import(/* @vite-ignore */ specifier)) as { handler?: ApiHandler };
      if (typeof handler !== 'function' || handler.access === undefined) {
        throw new Error(`functions/handlers/${route.module}.ts exports no handler with an access rule`);
      }
      return {
        ...route,
        access: handler.access,
        entry: handlerEntry(route.module),
        id: constructId(route.module),
      };
    }),
  );
}

function constructId(module: string): string {
  return module
    .split(/[/-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
