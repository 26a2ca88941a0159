import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allWards } from '#domain/catalogue/units';
import { DossierCode, dayKey, formatDossierCode, parseDossierCode } from '#domain/dossier/code';
import { localDate } from '#domain/time';

const agencyCode = fc
  .tuple(fc.nat(999), fc.nat(99), fc.nat(99), fc.constantFrom('H', 'A', 'Z'), fc.nat(99))
  .map(([a, b, c, m, d]) => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    return `${pad(a, 3)}.${pad(b, 2)}.${pad(c, 2)}.${m}${pad(d, 2)}`;
  });
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const sequence = fc.integer({ min: 1, max: 9999 });

describe('Function: dayKey', () => {
  it('gives YYMMDD of a local date', () => {
    expect(dayKey('2026-02-17')).toBe('260217');
    expect(dayKey('2000-01-01')).toBe('000101');
  });

  it('rejects malformed dates and years outside 2000–2099', () => {
    expect(() => dayKey('2026-02-30')).toThrow(RangeError);
    expect(() => dayKey('1999-12-31')).toThrow(RangeError);
    expect(() => dayKey('2100-01-01')).toThrow(RangeError);
  });
});

describe('Function: formatDossierCode', () => {
  it('builds <agency code>-YYMMDD-XXXX', () => {
    expect(formatDossierCode('000.01.01.H17', '2026-02-17', 1)).toBe('000.01.01.H17-260217-0001');
    expect(formatDossierCode('000.01.01.H17', '2026-12-31', 9999)).toBe('000.01.01.H17-261231-9999');
  });

  it('accepts the agency code of every configured ward', () => {
    for (const w of allWards)
      expect(parseDossierCode(formatDossierCode(w.agencyCode, '2026-03-02', 42))).toBeDefined();
  });

  it('rejects a sequence outside 1–9999', () => {
    for (const bad of [0, -1, 10000, 1.5, Number.NaN]) {
      expect(() => formatDossierCode('000.01.01.H17', '2026-02-17', bad)).toThrow(RangeError);
    }
  });

  it('rejects a malformed agency code or date', () => {
    expect(() => formatDossierCode('000.01.01', '2026-02-17', 1)).toThrow(RangeError);
    expect(() => formatDossierCode('000.01.01.H17', '2026-2-17', 1)).toThrow(RangeError);
  });
});

describe('Function: parseDossierCode', () => {
  it('splits a code into agency code, date and sequence', () => {
    expect(parseDossierCode('000.01.01.H17-260217-0042')).toEqual({
      agencyCode: '000.01.01.H17',
      date: '2026-02-17',
      sequence: 42,
    });
  });

  it('round-trips every code it formats', () => {
    fc.assert(
      fc.property(agencyCode, date, sequence, (a, d, s) => {
        expect(parseDossierCode(formatDossierCode(a, d, s))).toEqual({ agencyCode: a, date: d, sequence: s });
      }),
    );
  });

  it('orders codes of one unit by day, then sequence, as plain strings', () => {
    fc.assert(
      fc.property(date, sequence, date, sequence, (d1, s1, d2, s2) => {
        const c1 = formatDossierCode('000.01.01.H17', d1, s1);
        const c2 = formatDossierCode('000.01.01.H17', d2, s2);
        expect(Math.sign(c1.localeCompare(c2, 'en'))).toBe(Math.sign(d1.localeCompare(d2) || s1 - s2));
      }),
    );
  });

  it.each([
    ['empty', ''],
    ['impossible date', '000.01.01.H17-260230-0001'],
    ['month 13', '000.01.01.H17-261301-0001'],
    ['29 February of a common year', '000.01.01.H17-250229-0001'],
    ['sequence 0000', '000.01.01.H17-260217-0000'],
    ['3-digit sequence', '000.01.01.H17-260217-001'],
    ['5-digit sequence', '000.01.01.H17-260217-00001'],
    ['4-digit year', '000.01.01.H17-20260217-0001'],
    ['lower-case agency code', '000.01.01.h17-260217-0001'],
    ['short agency code', '000.01.H17-260217-0001'],
    ['missing agency code', '-260217-0001'],
    ['trailing newline', '000.01.01.H17-260217-0001\n'],
    ['surrounding space', ' 000.01.01.H17-260217-0001'],
    ['non-ASCII digits', '000.01.01.H17-٢٦٠٢١٧-0001'],
  ])('rejects %s', (_label, code) => {
    expect(parseDossierCode(code)).toBeUndefined();
  });

  it('accepts 29 February of a leap year', () => {
    expect(parseDossierCode('000.01.01.H17-280229-0001')?.date).toBe(localDate(2028, 2, 29));
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        parseDossierCode(s);
      }),
    );
  });
});

describe('Function: DossierCode', () => {
  it('accepts a well-formed code and rejects a malformed one', () => {
    expect(DossierCode.safeParse('000.01.01.H17-260217-0001').success).toBe(true);
    expect(DossierCode.safeParse('000.01.01.H17-260230-0001').success).toBe(false);
    expect(DossierCode.safeParse(42).success).toBe(false);
  });
});
