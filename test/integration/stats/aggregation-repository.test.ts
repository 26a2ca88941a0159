import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { cityTable, documentClient } from '#adapters/dynamodb';
import { appliedVersionKey } from '#adapters/stats-keys';
import { applyDossierChange, readDossierStats } from '#adapters/stats-repository';
import type { Dossier } from '#domain/dossier/dossier';
import { dossierIn } from '../../support/dossiers.ts';
import { useFreshTables } from '../../support/tables.ts';

beforeAll(async () => {
  await useFreshTables();
});

/** Each test its own ward, so their counters do not mix. */
function dossier(wardId: string, overrides: Partial<Dossier> = {}): Dossier {
  return dossierIn('received', { wardId, code: `000.01.01.${wardId}-260302-0001`, version: 1, ...overrides });
}

const countsOf = async (wardId: string, grain: 'D' | 'M' | 'Y', from: string, to: string) =>
  Object.fromEntries((await readDossierStats(wardId, grain, from, to)).map((i) => [i.period, i.counts]));

describe('Function: applyDossierChange', () => {
  it('adds a change to its day, month and year items with their descriptive attributes', async () => {
    const d = dossier('w-add');
    expect(await applyDossierChange({ eventId: 'e1', new: d })).toBe('applied');
    expect(await countsOf('w-add', 'D', '2026-03-01', '2026-03-31')).toEqual({
      '2026-03-02': { receivedInPerson: 1 },
      '2026-03-05': { due: 1 },
    });
    expect(await countsOf('w-add', 'M', '2026-01', '2026-12')).toEqual({
      '2026-03': { receivedInPerson: 1, due: 1 },
    });
    expect(await countsOf('w-add', 'Y', '2026', '2026')).toEqual({ '2026': { receivedInPerson: 1, due: 1 } });
    const [item] = await readDossierStats('w-add', 'Y', '2026', '2026');
    expect(item).toMatchObject({ districtId: 'hai-chau', fieldId: 'chung-thuc', procedureId: '2.000884' });
  });

  it('writes nothing for a replay or a retry of a change already folded, or an older one', async () => {
    const v1 = dossier('w-replay');
    const v2 = { ...v1, version: 2, dueAt: '2026-04-06T17:00:00+07:00' };
    expect(await applyDossierChange({ eventId: 'e1', new: v1 })).toBe('applied');
    expect(await applyDossierChange({ eventId: 'e2', old: v1, new: v2 })).toBe('applied');
    const before = await countsOf('w-replay', 'D', '2026-01-01', '2026-12-31');
    expect(await applyDossierChange({ eventId: 'e2', old: v1, new: v2 })).toBe('replay');
    expect(await applyDossierChange({ eventId: 'e1', new: v1 })).toBe('replay');
    expect(await countsOf('w-replay', 'D', '2026-01-01', '2026-12-31')).toEqual(before);
    expect(before).toEqual({
      '2026-03-02': { receivedInPerson: 1 },
      '2026-03-05': { due: 0 },
      '2026-04-06': { due: 1 },
    });
    const marker = await documentClient().send(
      new GetCommand({ TableName: cityTable(), Key: appliedVersionKey(v1.code), ConsistentRead: true }),
    );
    expect(marker.Item).toMatchObject({ version: 2, eventId: 'e2' });
  });

  it('leaves month and year items alone when a change nets to zero there', async () => {
    const v1 = dossier('w-month');
    await applyDossierChange({ eventId: 'e1', new: v1 });
    const v2 = { ...v1, version: 2, dueAt: '2026-03-10T17:00:00+07:00' };
    expect(await applyDossierChange({ eventId: 'e2', old: v1, new: v2 })).toBe('applied');
    expect(await countsOf('w-month', 'M', '2026-03', '2026-03')).toEqual({
      '2026-03': { receivedInPerson: 1, due: 1 },
    });
    expect(await countsOf('w-month', 'D', '2026-03-05', '2026-03-10')).toEqual({
      '2026-03-05': { due: 0 },
      '2026-03-10': { due: 1 },
    });
  });

  it('does nothing for a change that moves no counter', async () => {
    const v1 = dossier('w-same');
    const v2 = { ...v1, version: 2, assignee: 'specialist.w-same' };
    expect(await applyDossierChange({ eventId: 'e1', old: v1, new: v2 })).toBe('unchanged');
    expect(await readDossierStats('w-same', 'D', '0000', '9999')).toEqual([]);
  });

  it('takes a removed dossier back out, once', async () => {
    const v1 = dossier('w-remove');
    await applyDossierChange({ eventId: 'e1', new: v1 });
    expect(await applyDossierChange({ eventId: 'e2', old: v1 })).toBe('applied');
    expect(await applyDossierChange({ eventId: 'e2', old: v1 })).toBe('replay');
    expect(await applyDossierChange({ eventId: 'e1', new: v1 })).toBe('replay');
    expect(await countsOf('w-remove', 'Y', '2026', '2026')).toEqual({
      '2026': { receivedInPerson: 0, due: 0 },
    });
  });
});
