import { describe, expect, it } from 'vitest';
import type { ApiHandler } from '#api/http';
import { routes } from '#api/routes';

async function load(module: string): Promise<ApiHandler> {
  const specifier = `#handlers/${module}`;
  return ((await import(/* @vite-ignore */ specifier)) as { handler: ApiHandler }).handler;
}

describe('Routes: authorization rules', () => {
  it.each(routes.map((r) => [`${r.method} ${r.path}`, r.module] as const))(
    '%s has an access rule',
    async (_, module) => {
      const handler = await load(module);
      expect(typeof handler).toBe('function');
      expect(handler.access).toBeDefined();
    },
  );

  it('opens exactly the public routes to callers without a token', async () => {
    const open: string[] = [];
    for (const route of routes)
      if ((await load(route.module)).access === 'public') open.push(`${route.method} ${route.path}`);
    expect(open.sort()).toEqual(
      [
        'GET /v1/health',
        'GET /v1/procedures',
        'GET /v1/procedures/{id}',
        'GET /v1/units',
        'GET /v1/calendar/due',
        'GET /v1/calendar/{year}',
        'GET /v1/public/dossiers/{code}',
        'GET /v1/public/wards/{wardId}/queue',
      ].sort(),
    );
  });

  it('leaves writing the calendar to city officials and intake to clerks', async () => {
    const rule = async (method: string, path: string) =>
      (await load(routes.find((r) => r.method === method && r.path === path)?.module ?? '')).access;
    expect(await rule('PUT', '/v1/calendar/{year}')).toEqual(['city_official']);
    expect(await rule('POST', '/v1/wards/{wardId}/dossiers')).toEqual(['clerk']);
  });

  it('leaves every counter command to clerks, and grants IoT publishing to those routes and the config write only', async () => {
    const counterRoutes = routes.filter((r) => r.path.startsWith('/v1/wards/{wardId}/counters/{counter}/'));
    expect(counterRoutes.map((r) => r.path.split('/').at(-1)).sort()).toEqual(
      ['call-next', 'complete', 'no-show', 'recall', 'transfer'].sort(),
    );
    for (const route of counterRoutes) {
      expect((await load(route.module)).access, route.path).toEqual(['clerk']);
      expect(route.needs, route.path).toEqual({ dossiers: 'read', iot: 'publish' });
    }
    const publishing = routes.filter((r) => r.needs.iot).map((r) => `${r.method} ${r.path}`);
    expect(publishing.sort()).toEqual(
      [...counterRoutes.map((r) => `${r.method} ${r.path}`), 'PUT /v1/wards/{wardId}/queue/config'].sort(),
    );
  });

  it('lets the public queue board read the district table and nothing else', () => {
    const board = routes.find((r) => r.path === '/v1/public/wards/{wardId}/queue');
    expect(board?.needs).toEqual({ dossiers: 'read' });
  });

  it('grants the scans bucket to exactly the routes that sign or check scans', () => {
    const scans = Object.fromEntries(
      routes.filter((r) => r.needs.scans).map((r) => [`${r.method} ${r.path}`, r.needs.scans]),
    );
    expect(scans).toEqual({
      'POST /v1/dossiers/{code}/documents': 'write',
      'POST /v1/dossiers/{code}/documents/{documentId}/complete': 'write',
      'GET /v1/dossiers/{code}/documents/{documentId}': 'read',
    });
  });

  it('lets the dashboards only read: the statistics, and the district table for overdue dossiers and agents', async () => {
    const dashboards = routes.filter((r) => r.path.startsWith('/v1/dashboards/'));
    expect(Object.fromEntries(dashboards.map((r) => [`${r.method} ${r.path}`, r.needs]))).toEqual({
      'GET /v1/dashboards/dossiers': { city: 'read', dossiers: 'read' },
      'GET /v1/dashboards/queue': { city: 'read' },
      'GET /v1/dashboards/satisfaction': { city: 'read' },
      'GET /v1/dashboards/devices': { city: 'read', dossiers: 'read' },
    });
    // Each applies the jurisdiction of its scope itself (city, district, ward).
    for (const route of dashboards)
      expect((await load(route.module)).access, route.path).toBe('authenticated');
  });
});
