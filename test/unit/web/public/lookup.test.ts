import { describe, expect, it } from 'vitest';
import { districts } from '#domain/catalogue/units';
import { formatDossierCode } from '#domain/dossier/code';
import { normaliseKey, parseScanned } from '../../../../web/src/features/public/lookup.ts';

const wardIn = (districtId: string) => {
  const ward = districts.find((d) => d.id === districtId)?.wards[0];
  if (!ward) throw new Error(`no ward in ${districtId}`);
  return ward;
};

describe('parseScanned', () => {
  const code = formatDossierCode(wardIn('cam-le').agencyCode, '2026-03-02', 7);

  it('reads the lookup address of the receipt, code and key', () => {
    const url = `https://motcua.danang.gov.vn/lookup?code=${encodeURIComponent(code)}&key=ABCD2345`;
    expect(parseScanned(url)).toEqual({ code, key: 'ABCD2345' });
  });

  it('reads a bare dossier code, and an address without a key', () => {
    expect(parseScanned(`  ${code}\n`)).toEqual({ code });
    expect(parseScanned(`http://localhost:3000/lookup?code=${code}`)).toEqual({ code });
  });

  it('refuses anything that is not a dossier code', () => {
    expect(parseScanned('https://example.com/')).toBeUndefined();
    expect(parseScanned('https://example.com/lookup?code=hello')).toBeUndefined();
    expect(parseScanned('WIFI:S:ward;T:WPA;P:secret;;')).toBeUndefined();
  });
});

describe('normaliseKey', () => {
  it('accepts the key as citizens type it', () => {
    expect(normaliseKey(' abcd-2345 ')).toBe('ABCD2345');
  });
});
