import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '#domain/dossier/dossier';
import { localDateOf } from '#domain/time';
import { intakeBody } from '../../support/intake.ts';
import { api, login, startTestApi, type TestApi } from '../../support/local-api.ts';

/**
 * The same dossiers, once through the live API (at the counter, with today's clock) and once
 * imported into another ward of the district with the live ones' own timestamps, must give the
 * same report II.06a, cell for cell.
 */
const LIVE = 'my-an';
const IMPORTED = 'khue-my';

interface LiveDossier {
  code: string;
  version: number;
  procedureId: string;
  channel: string;
  applicant: Record<string, unknown>;
  documents: unknown[];
  receivedAt: string;
  status: string;
  reason?: string;
  history: HistoryEntry[];
}

interface ReportRow {
  key: string;
  name: string;
  [figure: string]: unknown;
}

let server: TestApi;
let clerk: ReturnType<typeof api>;
let specialist: ReturnType<typeof api>;
let leader: ReturnType<typeof api>;
let cityToken: string;

beforeAll(async () => {
  server = await startTestApi({ streams: true });
  clerk = api(server.url, await login(server.url, `clerk.${LIVE}`));
  specialist = api(server.url, await login(server.url, `specialist.${LIVE}`));
  leader = api(server.url, await login(server.url, `leader.${LIVE}`));
  cityToken = await login(server.url, 'city');
});
afterAll(() => server?.stop());

async function receive(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await clerk.post<{ code: string }>(`/v1/wards/${LIVE}/dossiers`, intakeBody(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.code;
}

async function act(who: ReturnType<typeof api>, code: string, action: string, extra = {}): Promise<void> {
  const current = await who.get<{ version: number }>(`/v1/dossiers/${encodeURIComponent(code)}`);
  const res = await who.post(`/v1/dossiers/${encodeURIComponent(code)}/actions`, {
    action,
    version: current.body.version,
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The import line that replays a live dossier: its own receipt and steps, in the other ward. */
async function importLineOf(code: string): Promise<string> {
  const { body } = await clerk.get<LiveDossier>(`/v1/dossiers/${encodeURIComponent(code)}`);
  const steps = body.history.filter((h) => h.action !== 'receive' && h.action !== 'refuse');
  const refused = body.status === 'refused';
  return JSON.stringify({
    sourceId: `live-${code}`,
    wardId: IMPORTED,
    procedureId: body.procedureId,
    channel: body.channel,
    applicant: body.applicant,
    documents: body.documents,
    receivedAt: body.receivedAt,
    ...(refused ? { outcome: 'refused', reason: body.reason } : {}),
    actions: steps.map((h) => ({
      action: h.action,
      at: h.at,
      ...(h.action === 'route' && h.handoffTo ? { assignee: h.handoffTo.replace(LIVE, IMPORTED) } : {}),
      ...(h.reason ? { reason: h.reason } : {}),
    })),
  });
}

async function report(ward: string, by: string, [from, to]: readonly [string, string]) {
  const query = new URLSearchParams({ scope: `ward:${ward}`, by, from, to });
  const res = await api(server.url, cityToken).get<{ rows: ReportRow[]; totals: unknown }>(
    `/v1/reports/06a?${query}`,
  );
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const figuresOnly = (rows: ReportRow[]) => rows.map(({ key: _k, name: _n, ...figures }) => figures);

describe('Report II.06a, live or imported', () => {
  it('gives the same cells for dossiers received at the counter and for the same dossiers imported', async () => {
    const codes: string[] = [];
    // From the first receipt's local day to today's: the run may cross midnight.
    const firstDay = localDateOf(new Date());
    // Resolved: routed, processed, approved, result ready (certification: due today or early).
    const resolved = await receive({ procedureId: 'DN.HT.01', channel: 'online' });
    await act(clerk, resolved, 'route', { assignee: `specialist.${LIVE}` });
    await act(specialist, resolved, 'submit_for_approval');
    await act(leader, resolved, 'approve');
    await act(specialist, resolved, 'mark_result_ready');
    codes.push(resolved);
    // Refused at the counter.
    codes.push(await receive({ outcome: 'refused', reason: 'Hồ sơ không thuộc thẩm quyền của phường.' }));
    // Paused for a supplement, then resumed and still open.
    const paused = await receive({ procedureId: 'DN.HT.01' });
    await act(clerk, paused, 'request_supplement', { reason: 'Thiếu bản sao giấy khai sinh.' });
    await act(clerk, paused, 'supplement_received');
    codes.push(paused);
    // Withdrawn by the citizen.
    const withdrawn = await receive({ procedureId: '1.004845' });
    await act(clerk, withdrawn, 'withdraw', { reason: 'Công dân xin rút hồ sơ.' });
    codes.push(withdrawn);
    // Received and left open.
    codes.push(await receive({ procedureId: 'DN.CT.01' }));

    const lines = await Promise.all(codes.map(importLineOf));
    const imported = await fetch(`${server.url}/v1/import/dossiers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cityToken}`, 'content-type': 'application/x-ndjson' },
      body: lines.join('\n'),
    });
    expect(await imported.json()).toEqual({ imported: codes.length, skipped: 0, errors: [] });
    await server.streams?.drain();

    const period = [firstDay, localDateOf(new Date())] as const;
    for (const by of ['unit', 'field', 'procedure']) {
      const live = await report(LIVE, by, period);
      const replayed = await report(IMPORTED, by, period);
      expect(replayed.totals, `totals by ${by}`).toEqual(live.totals);
      if (by !== 'unit') {
        expect(replayed.rows.map((r) => r.key)).toEqual(live.rows.map((r) => r.key));
        expect(figuresOnly(replayed.rows), `rows by ${by}`).toEqual(figuresOnly(live.rows));
      }
    }
    const totals = (await report(LIVE, 'unit', period)).totals as { received: { total: number } };
    expect(totals.received.total).toBe(codes.length);
  });
});
