import { performance } from 'node:perf_hooks';
import { cityTable, queryAll } from '#adapters/dynamodb';
import { dossiers } from '#adapters/repositories';
import { statsPk } from '#adapters/stats-keys';
import { procedures } from '#domain/catalogue/procedures';
import { allWards } from '#domain/catalogue/units';
import type { Dossier } from '#domain/dossier/dossier';
import { DOSSIER_COUNTERS } from '#domain/stats/dossier-counters';
import type { Runtime } from '#infra/local/runtime';
import { login } from './intake.ts';
import { StatsSums, tableItem } from './stats-bulk.ts';

/** Dossiers pushed through the live API, a few at a time as counters work. */
const DOSSIERS = 200;
const CONCURRENCY = 10;
const WARDS = 8;

export interface StreamSample {
  readonly dossiers: number;
  /** Intakes and actions written: each one a stream record of the dossier. */
  readonly changes: number;
  /** From the first intake to the last action answered. */
  readonly pushMs: number;
  /** From the last action answered until the poller had folded every record. */
  readonly drainMs: number;
  /** Distinct stats items the sample's dossiers count in (day, month, year). */
  readonly itemsExpected: number;
  /** Of those, items whose counters in the table equal the bulk load plus the sample's fold. */
  readonly itemsMatching: number;
}

type Step = { action: string; as: 'clerk' | 'specialist' | 'leader'; reason?: string; assignee?: string };

/** The steps of dossier number `i`: a realistic spread of paths, some left pending. */
function stepsOf(i: number, wardId: string): Step[] {
  const route: Step = { action: 'route', as: 'clerk', assignee: `specialist.${wardId}` };
  const finish: Step[] = [
    { action: 'submit_for_approval', as: 'specialist' },
    { action: 'approve', as: 'leader' },
    { action: 'mark_result_ready', as: 'clerk' },
    { action: 'return_result', as: 'clerk' },
  ];
  switch (i % 10) {
    case 1:
      return [route, { action: 'withdraw', as: 'clerk', reason: 'Công dân xin rút hồ sơ' }];
    case 2:
      return [
        route,
        { action: 'request_supplement', as: 'specialist', reason: 'Bổ sung bản sao giấy khai sinh' },
        { action: 'supplement_received', as: 'clerk' },
        ...finish,
      ];
    case 3:
      return [];
    case 4:
      return [route];
    default:
      return [route, ...finish];
  }
}

/**
 * Pushes `DOSSIERS` dossiers through intake and the action API of the running local API, waits
 * for the stream poller to fold them, and checks every stats item they count in: the table must
 * hold what the bulk load wrote plus what folding the dossiers' final states adds.
 */
export async function streamSample(runtime: Runtime, bulk: StatsSums): Promise<StreamSample> {
  const poller = runtime.streams;
  if (!poller) throw new Error('the runtime must follow the streams');
  const wards = allWards.filter((_, i) => i % Math.floor(allWards.length / WARDS) === 0).slice(0, WARDS);
  const tokens = new Map<string, string>();
  for (const ward of wards) {
    for (const role of ['clerk', 'specialist', 'leader'] as const) {
      tokens.set(`${role}.${ward.id}`, await login(runtime.url, `${role}.${ward.id}`));
    }
  }
  const send = async (path: string, token: string, body: unknown) => {
    const res = await fetch(`${runtime.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { code: string; version: number };
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const codes: string[] = [];
  let changes = 0;
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < DOSSIERS) {
      const i = next++;
      const ward = wards[i % wards.length] as (typeof wards)[number];
      const procedure = procedures[i % procedures.length] as (typeof procedures)[number];
      const token = (role: string) => tokens.get(`${role}.${ward.id}`) as string;
      const refused = i % 10 === 9;
      let dossier = await send(`/v1/wards/${ward.id}/dossiers`, token('clerk'), {
        procedureId: procedure.id,
        channel: i % 3 === 0 ? 'online' : 'in_person',
        applicant: { fullName: 'Trần Thị Bích', phone: '0905123456' },
        documents: [{ name: 'Tờ khai', form: 'original', quantity: 1 }],
        ...(procedure.processingDays === null ? { processingDays: 1 + (i % 15) } : {}),
        ...(refused ? { outcome: 'refused', reason: 'Thiếu tờ khai theo mẫu' } : {}),
      });
      changes += 1;
      codes.push(dossier.code);
      for (const step of refused ? [] : stepsOf(i, ward.id)) {
        const { as, ...body } = step;
        dossier = await send(`/v1/dossiers/${encodeURIComponent(dossier.code)}/actions`, token(as), {
          ...body,
          version: dossier.version,
        });
        changes += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const pushed = performance.now();
  await poller.drain();
  const drained = performance.now();

  const sample = new StatsSums();
  for (const code of codes) sample.add((await dossiers.find(code, { consistent: true })) as Dossier);
  const actual = new Map<string, Record<string, unknown>>();
  for (const ward of wards) {
    const items = await queryAll({
      TableName: cityTable(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': statsPk(ward.id) },
      ConsistentRead: true,
    });
    for (const item of items) actual.set(`${item.pk}|${item.sk}`, item);
  }
  let matching = 0;
  for (const [key, item] of sample.items) {
    const counts = { ...item.counts };
    for (const [counter, n] of Object.entries(bulk.items.get(key)?.counts ?? {})) {
      const c = counter as keyof typeof counts;
      counts[c] = (counts[c] ?? 0) + n;
    }
    const expected = tableItem({ ...item, counts });
    const found = actual.get(key);
    if (found && DOSSIER_COUNTERS.every((c) => (found[c] ?? 0) === (expected[c] ?? 0))) matching += 1;
  }
  return {
    dossiers: codes.length,
    changes,
    pushMs: pushed - start,
    drainMs: drained - pushed,
    itemsExpected: sample.items.size,
    itemsMatching: matching,
  };
}
