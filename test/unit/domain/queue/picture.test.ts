import { describe, expect, it } from 'vitest';
import type { AgentPresence } from '#domain/queue/agent-presence';
import { emptyFieldStats } from '#domain/queue/day-stats';
import { queuePicture } from '#domain/queue/picture';
import { config } from './scenario.ts';

describe('Function: queuePicture', () => {
  it('shows an agent never heard from as offline, with every counter and field at zero', () => {
    const picture = queuePicture({ config, stats: new Map(), counters: [] });
    expect(picture).toEqual({
      agent: { online: false, lastSeenAt: null, outboxDepth: 0 },
      counters: [
        { counter: 2, fields: ['chung-thuc', 'ho-tich'] },
        { counter: 3, fields: ['chung-thuc', 'ho-tich'] },
        { counter: 4, fields: ['dat-dai'] },
      ],
      fields: ['chung-thuc', 'ho-tich', 'dat-dai'].map((field) => ({
        field,
        waiting: 0,
        issuedToday: 0,
        servedToday: 0,
        noShowToday: 0,
      })),
      devices: [],
    });
  });

  it('puts the latest call at the counter and keeps counters and fields the config has dropped', () => {
    const presence: AgentPresence = {
      online: true,
      lastSeenAt: '2026-03-02T08:30:00+07:00',
      outboxDepth: 3,
      devices: [{ id: 'printer', kind: 'printer', ok: false, detail: 'Máy in hết giấy' }],
    };
    const picture = queuePicture({
      config,
      presence,
      stats: new Map([['tu-van', { ...emptyFieldStats(), issued: 2, waiting: 2 }]]),
      counters: [
        {
          counter: 2,
          serving: new Map([
            ['B001', '02'],
            ['B002', '05'],
          ]),
          clerkLog: ['01 in cb01'],
        },
        { counter: 9, serving: new Map(), clerkLog: ['03 in cb09', '04 out cb09'] },
      ],
    });
    expect(picture.agent).toEqual({ online: true, lastSeenAt: '2026-03-02T08:30:00+07:00', outboxDepth: 3 });
    expect(picture.counters[0]).toEqual({
      counter: 2,
      fields: ['chung-thuc', 'ho-tich'],
      serving: 'B002',
      clerk: 'cb01',
    });
    expect(picture.counters.at(-1)).toEqual({ counter: 9, fields: [] });
    expect(picture.fields.at(-1)).toEqual({
      field: 'tu-van',
      waiting: 2,
      issuedToday: 2,
      servedToday: 0,
      noShowToday: 0,
    });
    expect(picture.devices).toEqual(presence.devices);
  });
});
