/**
 * Every HTTP route of the API. `module` names a file under functions/handlers/ that exports
 * `handler`; the local server imports it and the CDK stacks bundle it as one Lambda each.
 * Authorization rules live with each handler (see functions/api/http.ts) and a test checks
 * that every route has one.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** What a route's Lambda may touch; the stacks grant exactly this and nothing more. */
export interface RouteNeeds {
  /** The district table (dossiers). */
  readonly dossiers?: 'read' | 'write';
  /** The city table (calendar, configuration). */
  readonly city?: 'read' | 'write';
  /** The district's scans bucket (`write` includes reading and deleting). */
  readonly scans?: 'read' | 'write';
  /**
   * IoT data-plane Publish to the district's ward agents: `commands` (QoS 1) and `config`
   * (QoS 1, retained, so also RetainPublish), topics `motcua/<district>/<ward>/commands|config`.
   */
  readonly iot?: 'publish';
}

export interface Route {
  readonly method: HttpMethod;
  /** API Gateway resource path, e.g. `/v1/dossiers/{code}`. */
  readonly path: string;
  readonly module: string;
  readonly needs: RouteNeeds;
}

export const routes: readonly Route[] = [
  { method: 'GET', path: '/v1/health', module: 'health', needs: {} },
  { method: 'GET', path: '/v1/procedures', module: 'procedures/list', needs: {} },
  { method: 'GET', path: '/v1/procedures/{id}', module: 'procedures/get', needs: {} },
  { method: 'GET', path: '/v1/units', module: 'units/list', needs: {} },
  { method: 'GET', path: '/v1/calendar/due', module: 'calendar/due', needs: { city: 'read' } },
  { method: 'GET', path: '/v1/calendar/{year}', module: 'calendar/get', needs: { city: 'read' } },
  { method: 'PUT', path: '/v1/calendar/{year}', module: 'calendar/put', needs: { city: 'write' } },
  {
    method: 'POST',
    path: '/v1/wards/{wardId}/dossiers',
    module: 'dossiers/create',
    needs: { dossiers: 'write', city: 'read' },
  },
  {
    method: 'GET',
    path: '/v1/wards/{wardId}/dossiers',
    module: 'dossiers/list',
    needs: { dossiers: 'read' },
  },
  { method: 'GET', path: '/v1/dossiers/{code}', module: 'dossiers/get', needs: { dossiers: 'read' } },
  {
    method: 'POST',
    path: '/v1/dossiers/{code}/actions',
    module: 'dossiers/act',
    needs: { dossiers: 'write', city: 'read' },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{code}/documents',
    module: 'documents/create',
    needs: { dossiers: 'write', scans: 'write' },
  },
  {
    method: 'GET',
    path: '/v1/dossiers/{code}/documents',
    module: 'documents/list',
    needs: { dossiers: 'read' },
  },
  {
    method: 'GET',
    path: '/v1/dossiers/{code}/documents/{documentId}',
    module: 'documents/get',
    needs: { dossiers: 'read', scans: 'read' },
  },
  {
    method: 'POST',
    path: '/v1/dossiers/{code}/documents/{documentId}/complete',
    module: 'documents/complete',
    needs: { dossiers: 'write', scans: 'write' },
  },
  {
    method: 'GET',
    path: '/v1/dossiers/{code}/forms/{form}',
    module: 'forms/get',
    needs: { dossiers: 'read', city: 'read' },
  },
  { method: 'GET', path: '/v1/public/dossiers/{code}', module: 'public/lookup', needs: { dossiers: 'read' } },
  { method: 'GET', path: '/v1/wards/{wardId}/queue', module: 'queue/get', needs: { dossiers: 'read' } },
  {
    method: 'GET',
    path: '/v1/public/wards/{wardId}/queue',
    module: 'public/queue',
    needs: { dossiers: 'read' },
  },
  {
    method: 'POST',
    path: '/v1/wards/{wardId}/counters/{counter}/call-next',
    module: 'queue/call-next',
    needs: { dossiers: 'read', iot: 'publish' },
  },
  {
    method: 'POST',
    path: '/v1/wards/{wardId}/counters/{counter}/recall',
    module: 'queue/recall',
    needs: { dossiers: 'read', iot: 'publish' },
  },
  {
    method: 'POST',
    path: '/v1/wards/{wardId}/counters/{counter}/complete',
    module: 'queue/complete',
    needs: { dossiers: 'read', iot: 'publish' },
  },
  {
    method: 'POST',
    path: '/v1/wards/{wardId}/counters/{counter}/no-show',
    module: 'queue/no-show',
    needs: { dossiers: 'read', iot: 'publish' },
  },
  {
    method: 'POST',
    path: '/v1/wards/{wardId}/counters/{counter}/transfer',
    module: 'queue/transfer',
    needs: { dossiers: 'read', iot: 'publish' },
  },
  {
    method: 'GET',
    path: '/v1/wards/{wardId}/queue/config',
    module: 'queue/config-get',
    needs: { dossiers: 'read' },
  },
  {
    method: 'PUT',
    path: '/v1/wards/{wardId}/queue/config',
    module: 'queue/config-put',
    needs: { dossiers: 'write', iot: 'publish' },
  },
  { method: 'GET', path: '/v1/reports/06a', module: 'reports/06a', needs: { city: 'read' } },
  {
    method: 'POST',
    path: '/v1/import/dossiers',
    module: 'import/dossiers',
    needs: { dossiers: 'write', city: 'read' },
  },
  {
    method: 'GET',
    path: '/v1/dashboards/dossiers',
    module: 'dashboards/dossiers',
    needs: { city: 'read', dossiers: 'read' },
  },
  { method: 'GET', path: '/v1/dashboards/queue', module: 'dashboards/queue', needs: { city: 'read' } },
  {
    method: 'GET',
    path: '/v1/dashboards/satisfaction',
    module: 'dashboards/satisfaction',
    needs: { city: 'read' },
  },
  {
    method: 'GET',
    path: '/v1/dashboards/devices',
    module: 'dashboards/devices',
    needs: { city: 'read', dossiers: 'read' },
  },
];
