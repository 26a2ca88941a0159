import { describe, expect, it } from 'vitest';
import {
  deviceStatus,
  knownKind,
  outboxTone,
  sortDevices,
} from '../../../../web/src/features/admin/device-status.ts';

describe('device status: what the badge says', () => {
  it('turns the agent’s printer sentences into short states', () => {
    expect(deviceStatus({ ok: false, detail: 'Máy in hết giấy' })).toEqual({
      tone: 'bad',
      state: 'paperOut',
    });
    expect(deviceStatus({ ok: false, detail: 'Nắp máy in đang mở' })).toEqual({
      tone: 'bad',
      state: 'coverOpen',
    });
  });

  it('warns about paper running low although the printer still prints', () => {
    expect(deviceStatus({ ok: true, detail: 'Máy in sắp hết giấy' })).toEqual({
      tone: 'warn',
      state: 'paperLow',
    });
  });

  it('keeps an unknown detail as the agent wrote it', () => {
    expect(deviceStatus({ ok: false, detail: 'Máy in báo lỗi: cutter' })).toEqual({
      tone: 'bad',
      state: 'fault',
      detail: 'Máy in báo lỗi: cutter',
    });
    expect(deviceStatus({ ok: true })).toEqual({ tone: 'ok', state: 'working' });
  });

  it('lists the printer first and names kinds it does not know as other devices', () => {
    const sorted = sortDevices([
      { id: 'store', kind: 'store', ok: true },
      { id: 'led_board-2', kind: 'led_board', ok: true },
      { id: 'printer', kind: 'printer', ok: true },
      { id: 'led_board-1', kind: 'led_board', ok: false },
    ]);
    expect(sorted.map((d) => d.id)).toEqual(['printer', 'led_board-1', 'led_board-2', 'store']);
    expect(knownKind(undefined)).toBe('unknown');
    expect(knownKind('keypad')).toBe('keypad');
  });

  it('warns about an outbox that is not draining', () => {
    expect(outboxTone({ online: true, lastSeenAt: null, outboxDepth: 0 })).toBe('ok');
    expect(outboxTone({ online: true, lastSeenAt: null, outboxDepth: 3 })).toBe('ok');
    expect(outboxTone({ online: false, lastSeenAt: null, outboxDepth: 3 })).toBe('warn');
    expect(outboxTone({ online: true, lastSeenAt: null, outboxDepth: 500 })).toBe('warn');
  });
});
