import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { DeadLetter } from '#adapters/stats-repository';
import { dossierFold, PoisonRecordError, type StreamFold } from '#adapters/stream-folds';
import { foldStreamBatch } from '#handlers/streams/aggregate';

const S = (value: string) => ({ S: value });

/** A stream record of the item `pk`/`sk`, its new image carrying `n`. */
function record(seq: number, pk: string, sk = 'META', n = seq): DynamoDBRecord {
  return {
    eventID: `event-${seq}`,
    eventName: 'MODIFY',
    eventSourceARN: 'arn:aws:dynamodb:ap-southeast-1:000000000000:table/t-district-hai-chau/stream/x',
    dynamodb: {
      Keys: { pk: S(pk), sk: S(sk) },
      NewImage: { pk: S(pk), sk: S(sk), n: { N: String(n) } },
      SequenceNumber: String(seq).padStart(6, '0'),
    },
  };
}

/** A fold over `DOSSIER#…` that records what it applied and fails as `failOn` says. */
function fakeFold(failOn: (n: number) => Error | undefined = () => undefined) {
  const applied: number[] = [];
  const fold: StreamFold = {
    name: 'fake',
    matches: ({ pk, sk }) => pk.startsWith('DOSSIER#') && sk === 'META',
    async apply({ new: image }) {
      const n = Number(image?.n);
      const error = failOn(n);
      if (error) throw error;
      applied.push(n);
    },
  };
  return { fold, applied };
}

function deps(folds: StreamFold[]) {
  const letters: DeadLetter[] = [];
  return {
    letters,
    deps: {
      folds,
      deadLetter: async (l: DeadLetter) => void letters.push(l),
      now: () => new Date('2026-03-04T03:00:00Z'),
    },
  };
}

describe('Function: foldStreamBatch', () => {
  it('folds every matching record in order and reports no failure', async () => {
    const { fold, applied } = fakeFold();
    const { deps: d } = deps([fold]);
    const records = [record(1, 'DOSSIER#a'), record(2, 'DOSSIER#b'), record(3, 'DOSSIER#a')];
    expect(await foldStreamBatch({ Records: records }, d)).toEqual({ batchItemFailures: [] });
    expect(applied).toEqual([1, 2, 3]);
  });

  it('skips items no fold reads (history rows, counters, scans)', async () => {
    const { fold, applied } = fakeFold();
    const { deps: d, letters } = deps([fold]);
    const records = [
      record(1, 'DOSSIER#a', 'EVENT#000001'),
      record(2, 'COUNTER#hai-chau-i#260304', 'COUNTER'),
      record(3, 'DOSSIER#a', 'DOC#x'),
      record(4, 'DOSSIER#a'),
    ];
    expect(await foldStreamBatch({ Records: records }, d)).toEqual({ batchItemFailures: [] });
    expect(applied).toEqual([4]);
    expect(letters).toEqual([]);
  });

  it('dead-letters a poisoned record with its reason and keys, and goes on with the next ones', async () => {
    const { fold, applied } = fakeFold((n) =>
      n === 2 ? new PoisonRecordError('new image is not a dossier') : undefined,
    );
    const { deps: d, letters } = deps([fold]);
    const records = [record(1, 'DOSSIER#a'), record(2, 'DOSSIER#b'), record(3, 'DOSSIER#c')];
    expect(await foldStreamBatch({ Records: records }, d)).toEqual({ batchItemFailures: [] });
    expect(applied).toEqual([1, 3]);
    expect(letters).toEqual([
      {
        eventId: 'event-2',
        at: '2026-03-04T10:00:00+07:00',
        reason: 'fake: new image is not a dossier',
        source: records[1]?.eventSourceARN,
        eventName: 'MODIFY',
        keys: { pk: 'DOSSIER#b', sk: 'META' },
        sequenceNumber: '000002',
      },
    ]);
  });

  it('takes a record whose images cannot be read as poisoned', async () => {
    const { fold } = fakeFold();
    const { deps: d, letters } = deps([fold]);
    const broken = record(1, 'DOSSIER#a');
    broken.dynamodb = { ...broken.dynamodb, NewImage: { n: { Q: 'x' } as never } };
    expect(await foldStreamBatch({ Records: [broken] }, d)).toEqual({ batchItemFailures: [] });
    expect(letters[0]?.reason).toMatch(/^unreadable stream record/);
  });

  it('reports the first transient failure and every record after it, folding none of them', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const { fold, applied } = fakeFold((n) => (n === 2 ? throttled : undefined));
    const { deps: d, letters } = deps([fold]);
    const records = [
      record(1, 'DOSSIER#a'),
      record(2, 'DOSSIER#a'),
      record(3, 'DOSSIER#b'),
      record(4, 'DOSSIER#a'),
    ];
    expect(await foldStreamBatch({ Records: records }, d)).toEqual({
      batchItemFailures: [
        { itemIdentifier: '000002' },
        { itemIdentifier: '000003' },
        { itemIdentifier: '000004' },
      ],
    });
    expect(applied).toEqual([1]);
    expect(letters).toEqual([]);
  });

  it('retries a poisoned record whose dead letter could not be written', async () => {
    const { fold } = fakeFold(() => new PoisonRecordError('bad'));
    const d = {
      folds: [fold],
      deadLetter: async () => {
        throw new Error('table unavailable');
      },
      now: () => new Date(),
    };
    expect(await foldStreamBatch({ Records: [record(1, 'DOSSIER#a')] }, d)).toEqual({
      batchItemFailures: [{ itemIdentifier: '000001' }],
    });
  });
});

describe('Object: dossierFold', () => {
  it('reads dossier META items only', () => {
    expect(dossierFold.matches({ pk: 'DOSSIER#000.01.01.H17-260304-0001', sk: 'META' })).toBe(true);
    expect(dossierFold.matches({ pk: 'DOSSIER#000.01.01.H17-260304-0001', sk: 'EVENT#000001' })).toBe(false);
    expect(dossierFold.matches({ pk: 'DOSSIER#000.01.01.H17-260304-0001', sk: 'DOC#01J' })).toBe(false);
    expect(dossierFold.matches({ pk: 'COUNTER#hai-chau-i#260304', sk: 'COUNTER' })).toBe(false);
    expect(dossierFold.matches({ pk: 'QUEUE#hai-chau-i#2026-03-04', sk: 'DAY' })).toBe(false);
  });

  it('throws PoisonRecordError for an image that is not a dossier, before any write', async () => {
    await expect(
      dossierFold.apply({ eventId: 'e', new: { pk: 'DOSSIER#x', sk: 'META', code: 'x' } }),
    ).rejects.toThrow(PoisonRecordError);
  });
});
