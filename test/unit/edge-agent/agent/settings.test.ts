import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CounterSessions, hashPin, pinMatches } from '../../../../edge-agent/src/sessions.ts';
import { loadSettings } from '../../../../edge-agent/src/settings.ts';
import { seedWardConfig } from '../../../../edge-agent/src/ward-config.ts';

function settingsFile(content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-settings-'));
  const file = join(dir, 'agent.json');
  writeFileSync(file, JSON.stringify(content));
  return file;
}

describe('Function: loadSettings', () => {
  it('resolves paths relative to the file and fills defaults', () => {
    const file = settingsFile({
      wardId: 'thach-thang',
      iot: { endpoint: 'localhost:8883', certPath: 'c.pem', keyPath: 'k.pem', caPath: 'ca.pem' },
      dataDir: 'data',
    });
    const s = loadSettings(file);
    expect(s.dataDir).toBe(join(file, '..', 'data'));
    expect(s.iot.certPath).toBe(join(file, '..', 'c.pem'));
    expect(s).toMatchObject({
      lan: { host: '0.0.0.0', port: 4000 },
      printer: { kind: 'none' },
      ledBoards: { kind: 'none' },
    });
  });

  it('lists every problem at once, naming the field', () => {
    const file = settingsFile({ wardId: 'atlantis', iot: { endpoint: 'no-port' }, printer: { kind: 'fax' } });
    expect(() => loadSettings(file)).toThrow(/iot\.endpoint[\s\S]*iot\.certPath[\s\S]*dataDir[\s\S]*printer/);
  });

  it('rejects a district that does not hold the ward', () => {
    const file = settingsFile({
      wardId: 'hai-chau-i',
      districtId: 'son-tra',
      iot: { endpoint: 'h:1', certPath: 'c', keyPath: 'k', caPath: 'a' },
      dataDir: 'd',
    });
    expect(() => loadSettings(file)).toThrow(/districtId: ward hai-chau-i belongs to hai-chau/);
  });
});

describe('Class: CounterSessions', () => {
  const staff = [{ id: 'clerk.hai-chau-i', name: 'Hoa', pinHash: hashPin('2580') }];
  let now = Date.parse('2026-03-02T08:00:00+07:00');
  const sessions = new CounterSessions(Buffer.alloc(32, 1), () => new Date(now));

  it('hashes PINs with a salt and checks them', () => {
    expect(hashPin('1234')).not.toBe(hashPin('1234'));
    expect(pinMatches('1234', hashPin('1234'))).toBe(true);
    expect(pinMatches('1235', hashPin('1234'))).toBe(false);
  });

  it('binds a token to its counter, clerk and day, and refuses forgeries', () => {
    const result = sessions.login(2, 'clerk.hai-chau-i', '2580', staff, '2026-03-02');
    if (!('token' in result)) throw new Error('login refused');
    expect(sessions.verify(result.token, '2026-03-02')).toEqual({ counter: 2, clerk: 'clerk.hai-chau-i' });
    expect(sessions.verify(result.token, '2026-03-03')).toBeUndefined();
    const [payload] = result.token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ counter: 3, clerk: 'clerk.hai-chau-i', day: '2026-03-02' })).toString('base64url')}.${result.token.split('.')[1]}`;
    expect(payload).toBeDefined();
    expect(sessions.verify(forged, '2026-03-02')).toBeUndefined();
  });

  it('locks a counter for a minute after five wrong PINs', () => {
    for (let i = 0; i < 5; i++)
      expect(sessions.login(5, 'clerk.hai-chau-i', '0000', staff, '2026-03-02')).toEqual({
        refused: 'wrong_pin',
      });
    expect(sessions.login(5, 'clerk.hai-chau-i', '2580', staff, '2026-03-02')).toEqual({ refused: 'locked' });
    now += 61_000;
    expect(sessions.login(5, 'clerk.hai-chau-i', '2580', staff, '2026-03-02')).toHaveProperty('token');
  });
});

describe('Function: seedWardConfig', () => {
  it('lays out the seed’s counters: 2–3 serve certification and civil status, one letter per field', () => {
    const config = seedWardConfig();
    expect(config.queue.counters.find((c) => c.number === 2)?.fields).toEqual(['chung-thuc', 'ho-tich']);
    expect(config.queue.counters.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(config.queue.fields.map((f) => f.prefix)).size).toBe(config.queue.fields.length);
  });
});
