import { beforeAll, describe, expect, it } from 'vitest';
import { DossierRepository } from '#adapters/dossier-repository';
import { findWard, type Ward } from '#domain/catalogue/units';
import type { Dossier, HistoryEntry } from '#domain/dossier/dossier';
import { ConflictError } from '#domain/errors';
import { dossierIn } from '../../support/dossiers.ts';
import { useFreshTables } from '../../support/tables.ts';

const ward = findWard('hai-chau-i') as Ward;
const day = '2026-03-02';

function build(code: string): { dossier: Dossier; entry: HistoryEntry } {
  const dossier = dossierIn('received', { code, version: 1 });
  const entry: HistoryEntry = {
    seq: 1,
    action: 'receive',
    from: null,
    to: 'received',
    actor: { userId: 'clerk.hai-chau-i', role: 'clerk' },
    at: dossier.receivedAt,
    outcome: 'early',
    dueAt: dossier.dueAt,
  };
  return { dossier, entry };
}

describe('Class: DossierRepository', () => {
  beforeAll(async () => {
    await useFreshTables();
  });

  describe('Method: create', () => {
    it('issues 0001–0050 without gaps or duplicates to 50 concurrent intakes from 5 processes', async () => {
      // Separate instances do not share the in-process queue, like separate Lambda containers.
      const repositories = Array.from({ length: 5 }, () => new DossierRepository());
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          (repositories[i % 5] as DossierRepository).create(ward, day, build),
        ),
      );
      const codes = results.map((r) => r.value.code).sort();
      const expected = Array.from(
        { length: 50 },
        (_, i) => `000.01.01.H17-260302-${String(i + 1).padStart(4, '0')}`,
      );
      expect(codes).toEqual(expected);
      const stored = await Promise.all(codes.map((c) => repositories[0]?.findWithHistory(c)));
      expect(stored.every((s) => s?.history.length === 1)).toBe(true);
    });

    it('starts again at 0001 on the next local day and counts wards separately', async () => {
      const repository = new DossierRepository();
      const other = findWard('thach-thang') as Ward;
      const nextDay = await repository.create(ward, '2026-03-03', build);
      const otherWard = await repository.create(other, '2026-03-03', (code) => {
        const built = build(code);
        return { ...built, dossier: { ...built.dossier, wardId: other.id } };
      });
      expect(nextDay.value.code).toBe('000.01.01.H17-260303-0001');
      expect(otherWard.value.code).toBe('000.03.01.H17-260303-0001');
    });

    it('writes counter, dossier and history row in one transaction, and reports its capacity', async () => {
      const { value, writeUnits, indexWriteUnits, attempts } = await new DossierRepository().create(
        ward,
        '2026-03-04',
        build,
      );
      expect(attempts).toBe(1);
      // An open dossier sits in two indexes (ward by status, ward's open dossiers).
      expect(indexWriteUnits).toBeGreaterThan(0);
      expect(writeUnits).toBeGreaterThan(indexWriteUnits);
      expect((await new DossierRepository().findWithHistory(value.code))?.history).toHaveLength(1);
    });
  });

  describe('Method: save', () => {
    it('lets exactly one of two concurrent changes of the same version through', async () => {
      const repository = new DossierRepository();
      const { value: created } = await repository.create(ward, '2026-03-05', build);
      const change = (assignee: string) => {
        const dossier: Dossier = {
          ...created,
          status: 'processing',
          nationalStatus: 4,
          assignee,
          version: 2,
        };
        const entry: HistoryEntry = {
          ...build(created.code).entry,
          seq: 2,
          action: 'route',
          from: 'received',
          to: 'processing',
        };
        return { dossier, entry };
      };
      const outcomes = await Promise.allSettled([
        new DossierRepository().save(change('specialist.a'), 1),
        new DossierRepository().save(change('specialist.b'), 1),
      ]);
      const fulfilled = outcomes.filter((o) => o.status === 'fulfilled');
      const rejected = outcomes.filter((o) => o.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      const stored = await repository.findWithHistory(created.code);
      expect(stored?.history.map((h) => h.seq)).toEqual([1, 2]);
      expect(stored?.dossier.version).toBe(2);
    });

    it('answers 409 for a stale version and writes nothing', async () => {
      const repository = new DossierRepository();
      const { value: created } = await repository.create(ward, '2026-03-06', build);
      const stale = {
        dossier: { ...created, status: 'stopped' as const, version: 5 },
        entry: { ...build(created.code).entry, seq: 5 },
      };
      await expect(repository.save(stale, 4)).rejects.toThrow(ConflictError);
      const stored = await repository.findWithHistory(created.code);
      expect(stored?.dossier.status).toBe('received');
      expect(stored?.history).toHaveLength(1);
    });
  });
});
