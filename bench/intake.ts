import { performance } from 'node:perf_hooks';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { workingCalendar } from '#adapters/calendar-repository';
import { DossierRepository } from '#adapters/dossier-repository';
import { districtTable, documentClient } from '#adapters/dynamodb';
import { findProcedure, type Procedure } from '#domain/catalogue/procedures';
import { findWard, type Ward } from '#domain/catalogue/units';
import { IntakeRequest, planIntake, receiveDossier } from '#domain/dossier/intake';
import { applyAction } from '#domain/dossier/lifecycle';
import { localDateOf } from '#domain/time';
import { type Figure, percentile, ratio } from './results-file.ts';

const CLIENTS = 20;
const PER_CLIENT = 25;

const body = {
  procedureId: '2.000884',
  channel: 'in_person',
  applicant: { fullName: 'Nguyễn Văn Bình', idNumber: '048190000123', phone: '0905123456' },
  documents: [{ name: 'Giấy tờ, văn bản cần chứng thực chữ ký', form: 'original', quantity: 1 }],
};

/** A token for a demo user of the local runtime. */
export async function login(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/v1/local/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** Latencies (ms) of `CLIENTS` clients each sending `PER_CLIENT` requests one after another. */
async function load(send: (client: number) => Promise<Response>): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; i < PER_CLIENT; i++) {
        const start = performance.now();
        const res = await send(client);
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`request failed with ${res.status}`);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

/**
 * Latency of a bare 3-item TransactWriteItems straight to DynamoDB Local under the same load:
 * the floor any intake pays on this machine.
 */
async function rawTransactions(): Promise<number[]> {
  const table = districtTable('hai-chau');
  let n = 0;
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (let i = 0; i < PER_CLIENT; i++) {
        const id = `BENCH#${n++}`;
        const start = performance.now();
        await documentClient().send(
          new TransactWriteCommand({
            TransactItems: ['A', 'B', 'C'].map((sk) => ({
              Put: {
                TableName: table,
                Item: { pk: id, sk, body },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            })),
          }),
        );
        latencies.push(performance.now() - start);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

/** Intake latency through the local API, against bare transactions and the health route under the same load. */
export async function intakeLatency(url: string): Promise<Record<string, Figure>> {
  const raw = await rawTransactions();
  const clerk = await login(url, 'clerk.hai-chau-i');
  const post = (ward: string, token: string) =>
    fetch(`${url}/v1/wards/${ward}/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  await load(() => fetch(`${url}/v1/health`)); // warm-up
  const health = await load(() => fetch(`${url}/v1/health`));
  const oneWard = await load(() => post('hai-chau-i', clerk));
  const manyWardIds = (await (await fetch(`${url}/v1/units`)).json()) as {
    districts: { wards: { id: string }[] }[];
  };
  const spread = manyWardIds.districts.flatMap((d) => d.wards.map((w) => w.id)).slice(1, CLIENTS + 1);
  const tokens = await Promise.all(spread.map((w) => login(url, `clerk.${w}`)));
  const manyWards = await load((client) => post(spread[client] as string, tokens[client] as string));
  const figure = (value: number, baseline: number, name: string): Figure => ({
    value: Math.round(value * 10) / 10,
    unit: 'ms',
    comparedWith: { name, value: Math.round(baseline * 10) / 10, ratio: ratio(value, baseline) },
  });
  return {
    'api.intake.one_ward.p50': figure(percentile(oneWard, 50), percentile(health, 50), 'api.health.p50'),
    'api.intake.one_ward.p95': figure(percentile(oneWard, 95), percentile(health, 95), 'api.health.p95'),
    'api.intake.twenty_wards.p50': figure(
      percentile(manyWards, 50),
      percentile(raw, 50),
      'dynamodb.bare_transaction.p50',
    ),
    'api.intake.twenty_wards.p95': figure(
      percentile(manyWards, 95),
      percentile(raw, 95),
      'dynamodb.bare_transaction.p95',
    ),
    'dynamodb.bare_transaction.p50': {
      value: Math.round(percentile(raw, 50) * 10) / 10,
      unit: 'ms',
      note: `3-item TransactWriteItems straight to DynamoDB Local, ${CLIENTS} concurrent clients`,
    },
    'api.health.p50': {
      value: Math.round(percentile(health, 50) * 10) / 10,
      unit: 'ms',
      note: `${CLIENTS} concurrent clients`,
    },
  };
}

/** Write capacity per intake and per state change, from ReturnConsumedCapacity. */
export async function writeCapacity(): Promise<Record<string, Figure>> {
  const ward = findWard('thach-thang') as Ward;
  const procedure = findProcedure('2.000884') as Procedure;
  const principal = {
    userId: `clerk.${ward.id}`,
    roles: ['clerk' as const],
    wardId: ward.id,
    districtId: ward.districtId,
  };
  const request = IntakeRequest.parse(body);
  const calendar = await workingCalendar();
  const intake = async (repository: DossierRepository) => {
    const now = new Date();
    const ctx = { principal, now, calendar, ward, procedure };
    const plan = planIntake(request, ctx);
    return repository.create(ward, localDateOf(now), (code) =>
      receiveDossier(request, ctx, plan, { code, lookupKeyHash: 'h'.repeat(64) }),
    );
  };
  const single = await intake(new DossierRepository());
  // Separate repositories do not share the in-process queue: contention as between Lambdas.
  const contended = await Promise.all(Array.from({ length: CLIENTS }, () => intake(new DossierRepository())));
  const contendedUnits = contended.reduce((s, r) => s + r.writeUnits, 0) / contended.length;
  const contendedTx = contended.reduce((s, r) => s + r.attempts, 0) / contended.length;
  const change = applyAction(
    single.value,
    { action: 'route', assignee: `specialist.${ward.id}` },
    { principal, now: new Date(), calendar },
  );
  const saved = await new DossierRepository().save(change, single.value.version);
  const tx = (name: string, value: number): Figure => ({
    value,
    unit: 'transactions',
    comparedWith: { name: 'the budget: one transaction', value: 1, ratio: value },
    note: name,
  });
  return {
    'dynamodb.intake.transactions': tx('counter + dossier + history row', single.attempts),
    'dynamodb.intake.wcu': {
      value: single.writeUnits,
      unit: 'WCU',
      comparedWith: {
        name: 'same transaction without index writes',
        value: single.writeUnits - single.indexWriteUnits,
        ratio: ratio(single.writeUnits, single.writeUnits - single.indexWriteUnits),
      },
      note: `${single.indexWriteUnits} WCU of it keep the ward-by-status and open-dossier indexes`,
    },
    'dynamodb.intake.transactions_20_concurrent_writers': {
      value: Math.round(contendedTx * 100) / 100,
      unit: 'transactions per intake',
      comparedWith: {
        name: 'dynamodb.intake.transactions',
        value: single.attempts,
        ratio: ratio(contendedTx, single.attempts),
      },
      note: `${CLIENTS} separate writers (as separate Lambdas) in one ward at once; retried transactions are conflicts that wrote nothing`,
    },
    'dynamodb.state_change.transactions': tx(
      'dossier (conditional on version) + history row',
      saved.attempts,
    ),
    'dynamodb.state_change.wcu': {
      value: saved.writeUnits,
      unit: 'WCU',
      comparedWith: {
        name: 'same transaction without index writes',
        value: saved.writeUnits - saved.indexWriteUnits,
        ratio: ratio(saved.writeUnits, saved.writeUnits - saved.indexWriteUnits),
      },
      note: `${saved.indexWriteUnits} WCU of it move the dossier between index partitions (status, assignee)`,
    },
    'dynamodb.intake.wcu_20_concurrent_writers': {
      value: Math.round(contendedUnits * 100) / 100,
      unit: 'WCU per intake',
      comparedWith: {
        name: 'dynamodb.intake.wcu',
        value: single.writeUnits,
        ratio: ratio(contendedUnits, single.writeUnits),
      },
    },
  };
}
