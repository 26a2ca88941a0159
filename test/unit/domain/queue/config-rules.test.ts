import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError } from '#domain/errors';
import { assertCounterOf, counterCommand } from '#domain/queue/commands';
import { assertFitsOneMessage, checkVersion, configForReader } from '#domain/queue/config-rules';
import { Command } from '../../../../edge-agent/src/cloud/commands.ts';
import { seedWardConfig } from '../../../../edge-agent/src/ward-config.ts';

const staff = [{ id: 'cb01', name: 'Trần Thị Bình', pinHash: `scrypt$${'a'.repeat(32)}$${'b'.repeat(64)}` }];
const seed = seedWardConfig(staff);

describe('Function: checkVersion', () => {
  it('takes a greater version as new and the same config again as a retry', () => {
    expect(checkVersion({ ...seed, version: 1 }, seed)).toBe('newer');
    expect(checkVersion(structuredClone(seed), seed)).toBe('same');
  });

  it('refuses an equal or smaller version with other content, naming the current one', () => {
    const stale = { ...seed, display: { title: 'Khác' } };
    expect(() => checkVersion(stale, seed)).toThrow(ConflictError);
    try {
      checkVersion({ ...seed, version: 3, display: {} }, { ...seed, version: 4 });
    } catch (error) {
      expect((error as ConflictError).details).toEqual({ currentVersion: 4 });
    }
  });
});

describe('Function: configForReader', () => {
  it('shows PIN hashes to the ward admin only', () => {
    expect(configForReader(seed, ['ward_admin']).staff[0]).toHaveProperty('pinHash');
    expect(configForReader(seed, ['clerk']).staff).toEqual([{ id: 'cb01', name: 'Trần Thị Bình' }]);
  });
});

describe('Function: assertFitsOneMessage', () => {
  it('refuses a config larger than one IoT message', () => {
    const big = { ...seed, display: { notice: 'x' } };
    expect(() => assertFitsOneMessage(big)).not.toThrow();
    const many = {
      ...seed,
      staff: Array.from({ length: 700 }, (_, i) => ({ ...staff[0], id: `cb${i}`, name: 'x'.repeat(100) })),
    } as typeof seed;
    expect(() => assertFitsOneMessage(many)).toThrow(InvalidInputError);
  });
});

describe('Function: counterCommand', () => {
  it('builds a command the agent accepts, expiring 30 s later', () => {
    const command = counterCommand(
      'call_next',
      2,
      '01JNQ7Z8W5X0000000000000AA',
      new Date('2026-03-02T01:30:00Z'),
    );
    expect(command).toEqual({
      id: '01JNQ7Z8W5X0000000000000AA',
      type: 'call_next',
      counter: 2,
      expiresAt: '2026-03-02T08:30:30+07:00',
    });
    expect(Command.parse(command)).toEqual(command);
  });

  it('refuses a counter the ward does not have, naming the path field', () => {
    expect(() => assertCounterOf(seed, 8, 'hai-chau-i')).not.toThrow();
    expect(() => assertCounterOf(seed, 12, 'hai-chau-i')).toThrow(
      /path.counter: ward hai-chau-i has no counter 12/,
    );
  });
});
