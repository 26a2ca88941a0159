import type { FieldStatKey } from '#domain/queue/day-stats';
import type { LocalDate } from '#domain/time';

/**
 * Key layout of the queue in the district table (ARCHITECTURE §3). A ward's day is one
 * partition `QUEUE#<ward>#<day>` whose sort keys order `COUNTER#nn` < `DAY` < `EVENT#<id>` <
 * `TICKET#<number>`, so the picture of a day (counters and figures) is one key range without
 * the events and tickets. The agent's last status and the ward's queue config have their own
 * items.
 */
export const queueDayPk = (wardId: string, day: LocalDate) => `QUEUE#${wardId}#${day}`;
/** The day's figures: one number attribute per field and figure (statAttribute). */
export const DAY_SK = 'DAY';
export const COUNTER_PREFIX = 'COUNTER#';
export const counterSk = (counter: number) => `${COUNTER_PREFIX}${String(counter).padStart(2, '0')}`;
/** One per ingested event: its conditional put is what makes a replay a no-op. */
export const queueEventSk = (eventId: string) => `EVENT#${eventId}`;
export const ticketSk = (number: string) => `TICKET#${number}`;

/**
 * `f#<field>#<figure>`, e.g. `f#ho-tich#served`: flat top-level numbers, because ADD creates a
 * top-level attribute but not a path inside a map that is not there yet.
 */
export const statAttribute = (field: string, key: FieldStatKey) => `f#${field}#${key}`;
export const STAT_ATTRIBUTE = /^f#(.+)#([A-Za-z0-9]+)$/;

/** On a counter item: `serving#<number>` = the id of the call that put the ticket there. */
export const servingAttribute = (number: string) => `serving#${number}`;
export const SERVING_PREFIX = 'serving#';
/** On a counter item: the string set of clerk login/logout entries. */
export const CLERK_LOG = 'clerkLog';

export const agentStatusKey = (wardId: string) => ({ pk: `AGENT#${wardId}`, sk: 'STATUS' });
export const wardConfigKey = (wardId: string) => ({ pk: `WARD_CONFIG#${wardId}`, sk: 'CURRENT' });
