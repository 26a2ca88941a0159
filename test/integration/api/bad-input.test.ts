import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DossierBody, intakeBody } from '../../support/intake.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

let server: TestApi;
let clerk: string;

beforeAll(async () => {
  server = await startTestApi();
  clerk = await login(server.url, 'clerk.hai-chau-i');
});
afterAll(() => server?.stop());

interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: { field: string; reason: string }[];
    allowedActions?: string[];
  };
}

const raw = (path: string, init: RequestInit & { token?: string }) =>
  fetch(`${server.url}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
  });

/** How many dossiers the ward has: bad requests must not have written any. */
async function wardCount(ward = 'hai-chau-i'): Promise<number> {
  const token = await login(server.url, `leader.${ward}`);
  const res = await api(server.url, token).get<{ items: unknown[] }>(`/v1/wards/${ward}/dossiers?limit=100`);
  return res.body.items.length;
}

describe('API: bad input gets a clear error and writes nothing', () => {
  it('answers malformed JSON with 400', async () => {
    const res = await raw('/v1/wards/hai-chau-i/dossiers', {
      method: 'POST',
      body: '{"procedureId": ',
      token: clerk,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ErrorBody).error.code).toBe('malformed_json');
  });

  it('answers schema violations with 400 listing each field and why', async () => {
    const res = await api(server.url, clerk).post<ErrorBody>('/v1/wards/hai-chau-i/dossiers', {
      procedureId: '2.000884',
      channel: 'fax',
      applicant: { idNumber: '12', email: 'not-an-email' },
      documents: [{ name: 'Tờ khai', form: 'original', quantity: 0 }],
      colour: 'blue',
    });
    expect(res.status).toBe(400);
    const fields = Object.fromEntries((res.body.error.fields ?? []).map((f) => [f.field, f.reason]));
    expect(Object.keys(fields).sort()).toEqual(
      [
        '(body)',
        'applicant.email',
        'applicant.fullName',
        'applicant.idNumber',
        'channel',
        'documents.0.quantity',
      ].sort(),
    );
    expect(fields['applicant.fullName']).toBe('is required');
    expect(fields['(body)']).toMatch(/colour/);
    expect(res.body.error.message).toMatch(/channel/);
  });

  it('answers an unknown procedure with 422 and an unknown ward with 404', async () => {
    const unknownProcedure = await api(server.url, clerk).post<ErrorBody>(
      '/v1/wards/hai-chau-i/dossiers',
      intakeBody({ procedureId: '9.999999' }),
    );
    expect(unknownProcedure.status).toBe(422);
    expect(unknownProcedure.body.error.fields?.[0]?.field).toBe('procedureId');
    const unknownWard = await api(server.url, clerk).post('/v1/wards/atlantis/dossiers', intakeBody());
    expect(unknownWard.status).toBe(404);
  });

  it('answers a procedure whose processing time is unknown with 422 unless the clerk gives it', async () => {
    const res = await api(server.url, clerk).post<ErrorBody>(
      '/v1/wards/hai-chau-i/dossiers',
      intakeBody({ procedureId: '1.004873' }),
    );
    expect(res.status).toBe(422);
    expect(res.body.error.fields?.[0]?.field).toBe('processingDays');
  });

  it('answers a clerk of another ward with 403', async () => {
    const other = await login(server.url, 'clerk.thach-thang');
    expect((await api(server.url, other).post('/v1/wards/hai-chau-i/dossiers', intakeBody())).status).toBe(
      403,
    );
    const leader = await login(server.url, 'leader.hai-chau-i');
    expect((await api(server.url, leader).post('/v1/wards/hai-chau-i/dossiers', intakeBody())).status).toBe(
      403,
    );
  });

  it('answers a missing or invalid token with 401', async () => {
    expect((await api(server.url).post('/v1/wards/hai-chau-i/dossiers', intakeBody())).status).toBe(401);
    expect(
      (await api(server.url, 'not.a.jwt').post('/v1/wards/hai-chau-i/dossiers', intakeBody())).status,
    ).toBe(401);
    const forged = `${clerk.slice(0, -4)}AAAA`;
    expect((await api(server.url, forged).get('/v1/wards/hai-chau-i/dossiers')).status).toBe(401);
  });

  it('answers a body over 1 MB with 413', async () => {
    const body = JSON.stringify(intakeBody({ note: 'x'.repeat(1024 * 1024) }));
    const res = await raw('/v1/wards/hai-chau-i/dossiers', { method: 'POST', body, token: clerk });
    expect(res.status).toBe(413);
  });

  it('answers an action the state does not allow with 409 and the allowed actions', async () => {
    const { body: d } = await api(server.url, clerk).post<DossierBody>(
      '/v1/wards/hai-chau-i/dossiers',
      intakeBody(),
    );
    const res = await api(server.url, clerk).post<ErrorBody>(`/v1/dossiers/${d.code}/actions`, {
      action: 'return_result',
      version: 1,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.allowedActions).toEqual(['route', 'request_supplement', 'withdraw']);
  });

  it('answers a stale version with 409 and writes nothing', async () => {
    const { body: d } = await api(server.url, clerk).post<DossierBody>(
      '/v1/wards/hai-chau-i/dossiers',
      intakeBody(),
    );
    const res = await api(server.url, clerk).post<ErrorBody>(`/v1/dossiers/${d.code}/actions`, {
      action: 'route',
      version: 7,
      assignee: 'specialist.hai-chau-i',
    });
    expect(res.status).toBe(409);
    const page = await api(server.url, clerk).get<DossierBody>(`/v1/dossiers/${d.code}`);
    expect(page.body).toMatchObject({ status: 'received', version: 1 });
  });

  it('answers a missing reason or assignee with 400 naming the field', async () => {
    const { body: d } = await api(server.url, clerk).post<DossierBody>(
      '/v1/wards/hai-chau-i/dossiers',
      intakeBody(),
    );
    const res = await api(server.url, clerk).post<ErrorBody>(`/v1/dossiers/${d.code}/actions`, {
      action: 'route',
      version: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ field: 'assignee', reason: 'is required for route' }]);
  });

  it('wrote no dossier for any refused intake', async () => {
    // The three dossiers above came from valid intakes; none of the bad ones left a trace.
    expect(await wardCount()).toBe(3);
    expect(await wardCount('thach-thang')).toBe(0);
  });

  it('answers bad list queries with 400', async () => {
    const bad = await api(server.url, clerk).get<ErrorBody>(
      '/v1/wards/hai-chau-i/dossiers?status=lost&limit=0&cursor=abc',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.map((f) => f.field).sort()).toEqual(['query.limit', 'query.status']);
    const cursor = await api(server.url, clerk).get<ErrorBody>('/v1/wards/hai-chau-i/dossiers?cursor=abc');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.fields?.[0]?.field).toBe('query.cursor');
  });

  it('answers unknown routes with 404 and wrong methods with 405, as JSON', async () => {
    expect((await api(server.url).get('/v1/nothing-here')).status).toBe(404);
    expect((await api(server.url).request('DELETE', '/v1/health')).status).toBe(405);
  });
});
