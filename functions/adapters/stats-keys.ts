import type { StatsGrain } from '#domain/stats/dossier-counters';

/**
 * Keys of the statistics in the city table (functions/domain/stats/dossier-counters.ts).
 *
 * Dossier counters: pk `STATS#<wardId>`, sk `<grain>#<period>#<fieldId>#<procedureId>`, where
 * period is `YYYY-MM-DD` (D), `YYYY-MM` (M) or `YYYY` (Y); the item also carries `wardId`,
 * `districtId`, `fieldId`, `procedureId`, `grain`, `period` and the counters as numbers. A
 * query for one ward and one grain over a range of periods reads every field and procedure:
 * `sk BETWEEN 'M#2026-01' AND 'M#2026-12~'`.
 */
export const statsPk = (wardId: string): string => `STATS#${wardId}`;

export function statsSk(grain: StatsGrain, period: string, fieldId: string, procedureId: string): string {
  return `${grain}#${period}#${fieldId}#${procedureId}`;
}

/** The period of a local day at each grain: `2026-11-27` → D `2026-11-27`, M `2026-11`, Y `2026`. */
export function periodsOf(day: string): Record<StatsGrain, string> {
  return { D: day, M: day.slice(0, 7), Y: day.slice(0, 4) };
}

/** The last dossier version folded into the counters: pk `STATSV#<code>`, sk `V`, attribute `version`. */
export const appliedVersionKey = (code: string) => ({ pk: `STATSV#${code}`, sk: 'V' });

/** A stream record that could not be folded: pk `STATS#DLQ`, sk `<ISO time>#<eventID>`. */
export const deadLetterKey = (at: string, eventId: string) => ({ pk: 'STATS#DLQ', sk: `${at}#${eventId}` });
