import { describe, expect, it } from 'vitest';
import { deviceView, presenceOf } from '#domain/queue/agent-presence';

const received = new Date('2026-03-02T01:30:00Z');

describe('Function: presenceOf', () => {
  it('takes an online status with its outbox depth and devices, stamped with the receipt time', () => {
    const presence = presenceOf(
      {
        online: true,
        outboxDepth: 12,
        devices: { printer: { online: false, detail: 'Máy in hết giấy' }, 'led_board-2': { online: true } },
        at: '2026-03-02T08:29:00+07:00',
      },
      received,
    );
    expect(presence).toEqual({
      online: true,
      lastSeenAt: '2026-03-02T08:30:00+07:00',
      outboxDepth: 12,
      devices: [
        { id: 'printer', kind: 'printer', ok: false, detail: 'Máy in hết giấy' },
        { id: 'led_board-2', kind: 'led_board', ok: true },
      ],
    });
  });

  it('takes the last will as offline without touching what it does not say', () => {
    expect(presenceOf({ online: false, reason: 'connection_lost' }, received)).toEqual({
      online: false,
      lastSeenAt: '2026-03-02T08:30:00+07:00',
      reason: 'connection_lost',
    });
  });
});

describe('Function: deviceView', () => {
  it('prefers the kind the agent sends, else reads it from the id, else leaves it out', () => {
    expect(deviceView('quay-2', { online: true, kind: 'keypad' })).toEqual({
      id: 'quay-2',
      kind: 'keypad',
      ok: true,
    });
    expect(deviceView('led-board-3', { online: true })).toMatchObject({ kind: 'led_board' });
    expect(deviceView('tv-sanh', { online: true, kind: 'toaster' })).toEqual({ id: 'tv-sanh', ok: true });
  });
});
