import { afterEach, describe, expect, it, vi } from 'vitest';
import { fields } from '#domain/catalogue/fields';
import { allWards, city, districts } from '#domain/catalogue/units';
import { formatDossierCode } from '#domain/dossier/code';
import {
  districtOfCode,
  districtOfWard,
  fieldName,
  findWard,
  loadUnits,
  wardOfCode,
} from '../../../../web/src/shared/units.ts';

const units = { districts };
const wardIn = (districtId: string) => {
  const ward = districts.find((d) => d.id === districtId)?.wards[0];
  if (!ward) throw new Error(`no ward in ${districtId}`);
  return ward;
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the district of a dossier code', () => {
  it('finds every ward and its district from the agency prefix of its codes', () => {
    for (const ward of allWards) {
      const code = formatDossierCode(ward.agencyCode, '2026-03-02', 17);
      expect(wardOfCode(code, units)?.id).toBe(ward.id);
      expect(districtOfCode(code, units)).toBe(ward.districtId);
    }
  });

  it('knows thanh-khe-tay is in Thanh Khê', () => {
    expect(districtOfCode('000.02.02.H17-260302-0001', units)).toBe('thanh-khe');
  });

  it('reads a code typed in lower case or with stray spaces', () => {
    const ward = wardIn('lien-chieu');
    const code = formatDossierCode(ward.agencyCode, '2026-01-15', 42);
    expect(districtOfCode(` ${code.toLowerCase()} `, units)).toBe('lien-chieu');
    expect(wardOfCode(code.replace('-', ' - '), units)?.id).toBe(ward.id);
  });

  it('has no district for a malformed code or an agency no ward has', () => {
    expect(districtOfCode('', units)).toBeUndefined();
    expect(districtOfCode('not-a-code', units)).toBeUndefined();
    expect(districtOfCode(wardIn('hai-chau').agencyCode, units)).toBeUndefined();
    expect(districtOfCode('000.02.02.H17-2603-0001', units)).toBeUndefined();
    expect(districtOfCode('999.99.99.H17-260302-0001', units)).toBeUndefined();
  });
});

describe('a ward and its district by id', () => {
  it('finds a ward with its district', () => {
    expect(findWard('hai-chau-i', units)?.districtId).toBe('hai-chau');
    expect(districtOfWard('thanh-khe-tay', units)?.id).toBe('thanh-khe');
  });

  it('knows no ward or district for an unknown id', () => {
    expect(findWard('nowhere', units)).toBeUndefined();
    expect(districtOfWard('no-such-ward', units)).toBeUndefined();
  });
});

describe('fieldName', () => {
  it('names fields from the units in the UI language, else by the fallback, else by id', () => {
    expect(fieldName('ho-tich', 'vi', fields)).toBe('Hộ tịch');
    expect(fieldName('ho-tich', 'en', fields, 'Hộ tịch (quầy)')).toBe('Civil status');
    expect(fieldName('bao-hiem', 'vi', fields, 'Bảo hiểm')).toBe('Bảo hiểm');
    expect(fieldName('unknown', 'vi', fields)).toBe('unknown');
    expect(fieldName('ho-tich', 'vi', undefined)).toBe('ho-tich');
  });
});

describe('loadUnits', () => {
  it('fetches the units once for every caller, and again after a failure', async () => {
    const body = { city, districts, fields };
    const fetch = vi
      .fn<typeof globalThis.fetch>()
      .mockResolvedValueOnce(
        Response.json({ error: { code: 'unavailable', message: 'down' } }, { status: 503 }),
      )
      .mockImplementation(async () => Response.json(body));
    vi.stubGlobal('fetch', fetch);

    await expect(loadUnits()).rejects.toMatchObject({ status: 503 });
    const [first, second] = await Promise.all([loadUnits(), loadUnits()]);
    expect(first).toEqual(body);
    expect(second).toBe(first);
    expect(await loadUnits()).toBe(first);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(String(fetch.mock.calls[1]?.[0])).toBe('/v1/units');
  });
});
