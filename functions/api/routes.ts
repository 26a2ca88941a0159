/**
 * Every HTTP route of the API. `module` names a file under functions/handlers/ that exports
 * `handler`; the local server imports it and the CDK stacks bundle it as one Lambda each.
 * Authorization rules live with each handler (see functions/api/http.ts) and a test checks
 * that every route has one.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Route {
  readonly method: HttpMethod;
  /** API Gateway resource path, e.g. `/v1/dossiers/{code}`. */
  readonly path: string;
  readonly module: string;
}

export const routes: readonly Route[] = [
  { method: 'GET', path: '/v1/health', module: 'health' },
  { method: 'GET', path: '/v1/procedures', module: 'procedures/list' },
  { method: 'GET', path: '/v1/procedures/{id}', module: 'procedures/get' },
  { method: 'GET', path: '/v1/units', module: 'units/list' },
  { method: 'GET', path: '/v1/calendar/due', module: 'calendar/due' },
  { method: 'GET', path: '/v1/calendar/{year}', module: 'calendar/get' },
  { method: 'PUT', path: '/v1/calendar/{year}', module: 'calendar/put' },
  { method: 'POST', path: '/v1/wards/{wardId}/dossiers', module: 'dossiers/create' },
  { method: 'GET', path: '/v1/wards/{wardId}/dossiers', module: 'dossiers/list' },
  { method: 'GET', path: '/v1/dossiers/{code}', module: 'dossiers/get' },
  { method: 'POST', path: '/v1/dossiers/{code}/actions', module: 'dossiers/act' },
  { method: 'GET', path: '/v1/public/dossiers/{code}', module: 'public/lookup' },
];
