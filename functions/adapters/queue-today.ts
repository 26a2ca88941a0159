import type { Ward } from '#domain/catalogue/units';
import type { PictureInput } from '#domain/queue/picture';
import { localDateOf } from '#domain/time';
import { currentWardConfig } from './queue-config.ts';
import { readQueueDay } from './queue-day.ts';
import { findPresence } from './queue-presence.ts';

/** What the cloud knows of a ward's queue today (Asia/Ho_Chi_Minh): its layout, the day as ingested, its agent. */
export async function readQueueToday(ward: Ward, now: Date): Promise<PictureInput> {
  const [config, day, presence] = await Promise.all([
    currentWardConfig(ward),
    readQueueDay(ward, localDateOf(now)),
    findPresence(ward),
  ]);
  return { config: config.queue, ...day, ...(presence ? { presence } : {}) };
}
