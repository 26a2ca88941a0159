import { describe, expect, it } from 'vitest';
import { findWard } from '#domain/catalogue/units';
import type { AgentPresence } from '#domain/queue/agent-presence';
import { emptyFieldStats } from '#domain/queue/day-stats';
import { publicQueueBoard } from '#domain/queue/public-board';
import { config } from './scenario.ts';

const ward = findWard('hai-chau-i');
if (!ward) throw new Error('the catalogue lacks hai-chau-i');

const presence: AgentPresence = {
  online: true,
  lastSeenAt: '2026-03-02T08:30:00+07:00',
  outboxDepth: 4,
  devices: [{ id: 'printer', kind: 'printer', ok: false, detail: 'Máy in hết giấy' }],
};

describe('Function: publicQueueBoard', () => {
  it('shows the ward, its agent, the number at each counter and how many wait per field', () => {
    const board = publicQueueBoard(ward, {
      config,
      presence,
      stats: new Map([
        ['chung-thuc', { ...emptyFieldStats(), issued: 5, waiting: 3, served: 1, noShow: 1 }],
        ['ho-tich', { ...emptyFieldStats(), issued: 1, waiting: 1 }],
      ]),
      counters: [{ counter: 2, serving: new Map([['B002', '05']]), clerkLog: ['01 in cb01'] }],
    });
    expect(board).toEqual({
      ward: { id: 'hai-chau-i', name: ward.name },
      agentOnline: true,
      lastSeenAt: '2026-03-02T08:30:00+07:00',
      counters: [
        { counter: 2, fields: ['chung-thuc', 'ho-tich'], serving: 'B002' },
        { counter: 3, fields: ['chung-thuc', 'ho-tich'] },
        { counter: 4, fields: ['dat-dai'] },
      ],
      fields: [
        { field: 'chung-thuc', name: 'Chứng thực', waiting: 3 },
        { field: 'ho-tich', name: 'Hộ tịch', waiting: 1 },
        { field: 'dat-dai', name: 'Đất đai', waiting: 0 },
      ],
    });
  });

  it('names a field by the catalogue, then by the ward’s layout, then by its id', () => {
    const board = publicQueueBoard(ward, {
      config: { ...config, fields: config.fields.map((f) => ({ ...f, name: `Quầy ${f.name}` })) },
      stats: new Map([['tu-van', { ...emptyFieldStats(), issued: 1, waiting: 1 }]]),
      counters: [],
    });
    expect(board.fields.map((f) => f.name)).toEqual([
      'Chứng thực',
      'Hộ tịch',
      'Quầy Đất đai',
      'Tư vấn, hướng dẫn',
    ]);
    const unknown = publicQueueBoard(ward, {
      config,
      stats: new Map([['ngoai-danh-muc', { ...emptyFieldStats(), waiting: 2 }]]),
      counters: [],
    });
    expect(unknown.fields.at(-1)).toEqual({ field: 'ngoai-danh-muc', name: 'ngoai-danh-muc', waiting: 2 });
  });

  it('says nothing of clerks, devices or the outbox, and an agent never heard from is offline', () => {
    const heard = JSON.stringify(
      publicQueueBoard(ward, {
        config,
        presence,
        stats: new Map(),
        counters: [{ counter: 3, serving: new Map([['C001', '02']]), clerkLog: ['01 in cb02'] }],
      }),
    );
    for (const secret of ['cb02', 'clerk', 'printer', 'Máy in', 'outbox', 'devices', 'issuedToday']) {
      expect(heard).not.toContain(secret);
    }
    const silent = publicQueueBoard(ward, { config, stats: new Map(), counters: [] });
    expect(silent).toMatchObject({ agentOnline: false, lastSeenAt: null });
  });
});
