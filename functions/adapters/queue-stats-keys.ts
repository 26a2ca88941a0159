import type { StatsGrain } from '#domain/stats/dossier-counters';
import type { QueueStatsKey } from '#domain/stats/queue-fold';

/**
 * Keys of the queue and device statistics in the city table (functions/domain/stats/queue-fold.ts,
 * functions/domain/stats/dashboards-devices.ts), beside the dossier statistics and with the same
 * grains and periods (functions/adapters/stats-keys.ts).
 *
 * Queue figures: pk `QSTATS#<wardId>`, sk `<grain>#<period>#<fieldId>#<counter>#<clerk>` (counter
 * `0` and clerk `-` where a figure has none, e.g. `issued`); the item also carries `wardId`,
 * `districtId`, `grain`, `period`, `fieldId`, `counter`, `clerk` and the figures as numbers.
 *
 * Device figures: pk `DSTATS#<wardId>`, sk `<grain>#<period>`, with `wardId`, `districtId`,
 * `grain`, `period` and the figures as numbers.
 */
export const queueStatsPk = (wardId: string) => `QSTATS#${wardId}`;

export function queueStatsSk(grain: StatsGrain, period: string, key: QueueStatsKey): string {
  return `${grain}#${period}#${key.fieldId}#${key.counter}#${key.clerk}`;
}

export const deviceStatsPk = (wardId: string) => `DSTATS#${wardId}`;

export const deviceStatsSk = (grain: StatsGrain, period: string) => `${grain}#${period}`;

/**
 * A stream record folded into the queue or device statistics: pk `QSTATSE#<eventId>`, sk `E`. Put
 * in the same transaction as the figures, on condition it is new, so a replayed record adds nothing.
 */
export const queueStatsMarkerKey = (eventId: string) => ({ pk: `QSTATSE#${eventId}`, sk: 'E' });
