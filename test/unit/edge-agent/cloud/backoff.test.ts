import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from '../../../../edge-agent/src/cloud/backoff.ts';

describe('backoff', () => {
  describe('Function: backoffCeiling', () => {
    it('doubles from 1 s and stops at 60 s', () => {
      const ceilings = Array.from({ length: 9 }, (_, n) => backoffCeiling(n));
      expect(ceilings).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
      expect(backoffCeiling(10_000)).toBe(60_000); // 2^n is Infinity by then
    });
  });

  describe('Function: backoffDelay', () => {
    it('spreads delays over the whole window (full jitter)', () => {
      expect(backoffDelay(3, () => 0)).toBe(0);
      expect(backoffDelay(3, () => 0.5)).toBe(4_000);
      expect(backoffDelay(3, () => 0.999_999)).toBe(7_999);
    });

    it('stays within [0, min(max, min·2ⁿ)) for any attempt and random value', () => {
      fc.assert(
        fc.property(fc.nat(100), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (n, r) => {
          const delay = backoffDelay(n, () => r, DEFAULT_BACKOFF);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(Math.min(60_000, 1_000 * 2 ** n));
        }),
      );
    });

    it('takes other bounds', () => {
      expect(backoffDelay(5, () => 0.5, { minMs: 100, maxMs: 1_000 })).toBe(500);
    });
  });
});
