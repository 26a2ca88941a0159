import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readDeviceDays, readQueueStats } from '#adapters/dashboards-reader';
import { cityTable, districtTable, documentClient } from '#adapters/dynamodb';
import { ingestQueueEvent } from '#adapters/queue-events';
import { recordPresence } from '#adapters/queue-presence';
import { queueStatsFold } from '#adapters/queue-stats';
import { findWard } from '#domain/catalogue/units';
import { foldTicket, isTicketEvent, type TicketRecord } from '#domain/queue/ticket';
import type { EventFacts } from '#domain/stats/queue-fold';
import { ticketChange } from '#domain/stats/queue-fold';
import { foldStreamBatch } from '#handlers/streams/aggregate';
import { type StreamPoller, startStreamPoller } from '#infra/local/stream-poller';
import type { QueueEvent } from '../../../edge-agent/src/queue/events.ts';
import { useFreshTables } from '../../support/tables.ts';
import { busyMorning } from '../../unit/domain/queue/scenario.ts';

const ward = findWard('hai-chau-i');
if (!ward) throw new Error('the catalogue lost hai-chau-i');

const morning = busyMorning().log;
const DAY = morning[0]?.day as string;

/** The statistics the pure fold gives for the events, figures by `<field>#<counter>#<clerk>`. */
function expectedStats(events: readonly QueueEvent[]): Record<string, Record<string, number>> {
  const facts = new Map<string, EventFacts>(
    events.map((e) => [
      e.id,
      {
        ...('counter' in e ? { counter: e.counter } : {}),
        ...('clerk' in e ? { clerk: e.clerk } : {}),
        ...('fromField' in e ? { fromField: e.fromField } : {}),
      },
    ]),
  );
  const tickets = new Map<string, TicketRecord>();
  const out: Record<string, Record<string, number>> = {};
  for (const event of events) {
    if (!isTicketEvent(event)) continue;
    const before = tickets.get(event.number);
    const after = foldTicket(before ?? { number: event.number }, event);
    tickets.set(event.number, after);
    for (const [id, { figures }] of ticketChange(before, after, (i) => facts.get(i))) {
      const acc = out[id] ?? {};
      for (const [f, n] of Object.entries(figures)) acc[f] = (acc[f] ?? 0) + (n ?? 0);
      out[id] = acc;
    }
  }
  return withoutZeros(out);
}

function withoutZeros(stats: Record<string, Record<string, number>>) {
  const out: Record<string, Record<string, number>> = {};
  for (const [id, figures] of Object.entries(stats)) {
    const kept = Object.fromEntries(Object.entries(figures).filter(([, n]) => n !== 0));
    if (Object.keys(kept).length > 0) out[id] = kept;
  }
  return out;
}

/** The stored statistics of one grain and period, in the same form. */
async function storedStats(grain: 'D' | 'M' | 'Y', period: string) {
  const items = await readQueueStats([ward?.id ?? ''], [{ grain, first: period, last: period }]);
  const out: Record<string, Record<string, number>> = {};
  for (const item of items)
    out[`${item.fieldId}#${item.counter}#${item.clerk}`] = { ...item.figures } as Record<string, number>;
  return withoutZeros(out);
}

async function statsItems() {
  const out = await documentClient().send(new ScanCommand({ TableName: cityTable() }));
  return (out.Items ?? []).filter((i) => /^(QSTATS|DSTATS)#/.test(String(i.pk)));
}

function poller(): StreamPoller {
  return startStreamPoller({
    endpoint: inject('dynamodbEndpoint'),
    tables: [districtTable(ward?.districtId ?? '')],
    handler: (event) =>
      foldStreamBatch(event, {
        folds: [queueStatsFold],
        deadLetter: async (letter) => {
          throw new Error(`dead-lettered: ${letter.reason}`);
        },
        now: () => new Date(),
      }),
    deadLetter: async (letter) => {
      throw new Error(`dead-lettered: ${letter.reason}`);
    },
    idleMs: 50,
  });
}

describe('Queue statistics: the district stream folded into the city table', () => {
  let stream: StreamPoller;

  beforeAll(async () => {
    await useFreshTables();
    stream = poller();
    // Out of order and with replays, as an agent's outbox after an outage may deliver them.
    const shuffled = [...morning.slice(20), ...morning.slice(0, 20), ...morning.slice(5, 12)];
    const received = new Date(`${DAY}T03:00:00Z`);
    for (const event of shuffled) await ingestQueueEvent(ward, event, received);
    const printer = {
      id: '01JZZZZZZZZZZZZZZZZZZZZZZ1',
      type: 'device_health',
      at: `${DAY}T09:00:00+07:00`,
      day: DAY,
      device: 'printer',
      kind: 'printer',
      ok: false,
      detail: 'Máy in hết giấy',
    } as const;
    await ingestQueueEvent(ward, printer, received);
    await recordPresence(ward, {
      online: true,
      lastSeenAt: `${DAY}T07:30:00+07:00`,
      outboxDepth: 0,
      devices: [],
    });
    await recordPresence(ward, { online: false, lastSeenAt: `${DAY}T11:45:00+07:00`, reason: 'stopped' });
    await stream.drain();
  });

  afterAll(async () => {
    await stream?.stop();
  });

  it('counts every ticket of the morning per field, counter and clerk, as the pure fold does', async () => {
    const stored = await storedStats('D', DAY);
    expect(stored).toEqual(expectedStats(morning));
    const issued = Object.values(stored).reduce((n, f) => n + (f.issued ?? 0), 0);
    expect(issued).toBe(morning.filter((e) => e.type === 'ticket_issued').length);
  });

  it('rolls the day up into its month and year', async () => {
    const day = await storedStats('D', DAY);
    expect(await storedStats('M', DAY.slice(0, 7))).toEqual(day);
    expect(await storedStats('Y', DAY.slice(0, 4))).toEqual(day);
  });

  it('records the agent’s online time and the printer’s paper alert of the day', async () => {
    const days = await readDeviceDays(ward.id, DAY, DAY);
    expect(days.get(DAY)).toEqual({ onlineMs: (4 * 60 + 15) * 60_000, printerAlerts: 1, paperOut: 1 });
  });

  it('changes nothing when the whole stream is replayed from its start', async () => {
    const before = await statsItems();
    const replay = poller();
    try {
      await replay.drain();
    } finally {
      await replay.stop();
    }
    expect(await statsItems()).toEqual(before);
  });
});
