import { describe, expect, it } from 'vitest';
import { seedWardConfig, WardConfig } from '../../../../edge-agent/src/ward-config.ts';
import {
  addCounter,
  apiDraftErrors,
  configFromDraft,
  countersByField,
  draftOf,
  isDirty,
  removeCounter,
  setCounterNumber,
  toggleField,
  validateDraft,
} from '../../../../web/src/features/admin/config-draft.ts';

const seed = seedWardConfig([
  { id: 'clerk.a', name: 'Nguyễn Văn A', pinHash: `scrypt$${'a'.repeat(32)}$${'b'.repeat(64)}` },
]);

function keyOf(draft: ReturnType<typeof draftOf>, number: string): string {
  const row = draft.find((r) => r.number === number);
  if (!row) throw new Error(`no counter ${number}`);
  return row.key;
}

describe('config draft: editing the counters', () => {
  it('starts from the stored counters and is not dirty', () => {
    const draft = draftOf(seed);
    expect(draft.map((r) => r.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(draft.find((r) => r.number === '2')?.fields).toEqual(['chung-thuc', 'ho-tich']);
    expect(isDirty(seed, draft)).toBe(false);
  });

  it('ticks and unticks a field of one counter only', () => {
    const draft = draftOf(seed);
    const ticked = toggleField(draft, keyOf(draft, '8'), 'thue');
    expect(ticked.find((r) => r.number === '8')?.fields).toEqual(['tu-van', 'thue']);
    expect(ticked.find((r) => r.number === '6')?.fields).toEqual(['thue']);
    expect(isDirty(seed, ticked)).toBe(true);
    const back = toggleField(ticked, keyOf(draft, '8'), 'thue');
    expect(isDirty(seed, back)).toBe(false);
  });

  it('adds a counter after the highest number, with no field yet, and removes it again', () => {
    const draft = addCounter(draftOf(seed));
    const added = draft.at(-1);
    expect(added).toMatchObject({ number: '9', fields: [] });
    expect(new Set(draft.map((r) => r.key)).size).toBe(draft.length);
    expect(isDirty(seed, removeCounter(draft, added?.key ?? ''))).toBe(false);
  });

  it('numbers a new counter with the lowest free number once 99 is taken', () => {
    const draft = setCounterNumber(draftOf(seed), keyOf(draftOf(seed), '1'), '99');
    expect(addCounter(draft).at(-1)?.number).toBe('1');
  });

  it('lists the counters serving each field, and none for a field left without', () => {
    const draft = draftOf(seed);
    const served = countersByField(toggleField(draft, keyOf(draft, '6'), 'thue'));
    expect(served.get('ho-tich')).toEqual(['2', '3']);
    expect(served.get('thue')).toBeUndefined();
  });
});

describe('config draft: validation on the API paths', () => {
  it('accepts the seed layout', () => {
    expect(validateDraft(draftOf(seed))).toEqual({});
  });

  it('names an empty, out-of-range or repeated number and a counter without fields', () => {
    let draft = draftOf(seed);
    draft = setCounterNumber(draft, keyOf(draft, '1'), '');
    draft = setCounterNumber(draft, keyOf(draft, '2'), '100');
    draft = setCounterNumber(draft, keyOf(draft, '4'), '3');
    draft = toggleField(draft, keyOf(draft, '5'), 'lao-dong-thuong-binh-xa-hoi');
    expect(validateDraft(draft)).toEqual({
      'queue.counters.0.number': 'numberRequired',
      'queue.counters.1.number': 'numberRange',
      'queue.counters.3.number': 'numberDuplicate',
      'queue.counters.4.fields': 'fieldsRequired',
    });
    expect(validateDraft(setCounterNumber(draftOf(seed), keyOf(draftOf(seed), '1'), '2.5'))).toEqual({
      'queue.counters.0.number': 'numberRange',
    });
  });

  it('asks for at least one counter', () => {
    expect(validateDraft([])).toEqual({ 'queue.counters': 'countersRequired' });
  });

  it('puts the API reason for an element of a field list on that counter’s fields', () => {
    expect(
      apiDraftErrors([
        { field: 'queue.counters.1.fields.0', reason: 'unknown field x' },
        { field: 'queue.counters.1.fields.1', reason: 'unknown field y' },
        { field: 'queue.counters.2.number', reason: 'duplicate counter 3' },
      ]),
    ).toEqual({
      'queue.counters.1.fields': { reason: 'unknown field x' },
      'queue.counters.2.number': { reason: 'duplicate counter 3' },
    });
  });
});

describe('config draft: the config to save', () => {
  it('is one version newer, keeps staff and settings, and orders fields as the ward lists them', () => {
    const stored = { ...seed, version: 4 };
    let draft = draftOf(stored);
    draft = toggleField(draft, keyOf(draft, '8'), 'chung-thuc');
    draft = setCounterNumber(draft, keyOf(draft, '7'), ' 17 ');
    const next = configFromDraft(stored, draft);
    expect(next.version).toBe(5);
    expect(next.staff).toEqual(stored.staff);
    expect(next.queue.fields).toEqual(stored.queue.fields);
    expect(next.queue.noShowAfterRecalls).toBe(stored.queue.noShowAfterRecalls);
    expect(next.queue.counters.find((c) => c.number === 8)?.fields).toEqual(['chung-thuc', 'tu-van']);
    expect(next.queue.counters.map((c) => c.number)).toContain(17);
    expect(WardConfig.safeParse(next).success).toBe(true);
  });
});
