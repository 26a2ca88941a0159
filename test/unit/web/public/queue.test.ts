import { describe, expect, it } from 'vitest';
import { districts } from '#domain/catalogue/units';
import { clockTime, filterWards, totalWaiting } from '../../../../web/src/features/public/queue.ts';

describe('the ward list of the queue boards', () => {
  it('filters wards by name without marks and drops districts left empty', () => {
    const found = filterWards(districts, 'hoa cuong');
    expect(found.map((d) => d.id)).toEqual(['hai-chau']);
    expect(found[0]?.wards.map((w) => w.name)).toEqual(['Phường Hòa Cường Bắc', 'Phường Hòa Cường Nam']);
  });

  it('keeps a whole district when its name matches', () => {
    const found = filterWards(districts, 'lien chieu');
    expect(found.map((d) => d.id)).toEqual(['lien-chieu']);
    expect(found[0]?.wards.length).toBe(districts.find((d) => d.id === 'lien-chieu')?.wards.length);
  });

  it('lists everything for an empty filter', () => {
    expect(filterWards(districts, '')).toEqual(districts);
  });
});

describe('the board figures', () => {
  it('adds up the waiting tickets of all fields', () => {
    expect(
      totalWaiting({
        fields: [
          { field: 'ho-tich', name: 'Hộ tịch', waiting: 3 },
          { field: 'thue', name: 'Thuế', waiting: 2 },
        ],
      }),
    ).toBe(5);
  });

  it('tells the time of the last update in Đà Nẵng, to the second', () => {
    expect(clockTime(new Date('2026-11-26T07:05:09Z'))).toBe('14:05:09');
  });
});
