import { describe, expect, it } from 'vitest';
import { ConflictError, InvalidInputError } from '#domain/errors';
import { assertCounterOf, assertTransferTarget, counterCommand } from '#domain/queue/commands';
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
      { type: 'call_next' },
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

  it('builds no-show and transfer commands the agent accepts, a transfer naming its field', () => {
    const now = new Date('2026-03-02T01:30:00Z');
    const noShow = counterCommand({ type: 'no_show' }, 3, 'cmd-1', now);
    expect(noShow).toEqual({
      id: 'cmd-1',
      type: 'no_show',
      counter: 3,
      expiresAt: '2026-03-02T08:30:30+07:00',
    });
    const transfer = counterCommand({ type: 'transfer', field: 'ho-tich' }, 2, 'cmd-2', now);
    expect(transfer).toEqual({
      id: 'cmd-2',
      type: 'transfer',
      counter: 2,
      field: 'ho-tich',
      expiresAt: '2026-03-02T08:30:30+07:00',
    });
    expect(Command.parse(noShow)).toEqual(noShow);
    expect(Command.parse(transfer)).toEqual(transfer);
  });

  it('refuses a counter the ward does not have, naming the path field', () => {
    expect(() => assertCounterOf(seed, 8, 'hai-chau-i')).not.toThrow();
    expect(() => assertCounterOf(seed, 12, 'hai-chau-i')).toThrow(
      /path.counter: ward hai-chau-i has no counter 12/,
    );
  });
});

describe('Function: assertTransferTarget', () => {
  const layout = {
    ...seed,
    queue: {
      ...seed.queue,
      fields: [
        { id: 'chung-thuc', name: 'Chứng thực', prefix: 'B' },
        { id: 'ho-tich', name: 'Hộ tịch', prefix: 'C' },
        { id: 'thue', name: 'Thuế', prefix: 'F' },
      ],
      counters: [{ number: 2, fields: ['chung-thuc', 'ho-tich'] }],
    },
  };

  it('accepts a field of the ward that a counter serves', () => {
    expect(() => assertTransferTarget(layout, 'ho-tich', 'hai-chau-i')).not.toThrow();
  });

  it('refuses a field the ward does not have, naming the body field and the fields it has', () => {
    expect(() => assertTransferTarget(layout, 'dat-dai', 'hai-chau-i')).toThrow(InvalidInputError);
    expect(() => assertTransferTarget(layout, 'dat-dai', 'hai-chau-i')).toThrow(
      "field: ward hai-chau-i has no queue field 'dat-dai' (it has chung-thuc, ho-tich, thue)",
    );
  });

  it('refuses a field no counter serves: the ticket would never be called', () => {
    expect(() => assertTransferTarget(layout, 'thue', 'hai-chau-i')).toThrow(
      "field: no counter of ward hai-chau-i serves field 'thue'",
    );
  });
});
