import type { PeriodRange } from '#domain/stats/period-cover';
import { mapLimit } from './parallel.ts';

/** Queries in flight at once: a city has 56 wards, and one burst of hundreds would only be throttled. */
export const STATS_READ_CONCURRENCY = 8;

/** The key condition of one statistics partition over one range of periods: `sk BETWEEN '<grain>#<first>' AND '<grain>#<last>~'`. */
export function periodRangeKey(pk: string, range: PeriodRange) {
  return {
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
    ExpressionAttributeValues: {
      ':pk': pk,
      ':first': `${range.grain}#${range.first}`,
      // `~` sorts after `#` and every character of a period and of the ids after it in a key.
      ':last': `${range.grain}#${range.last}~`,
    },
  };
}

/** `read` of each ward over each range, STATS_READ_CONCURRENCY at a time; answers ward by ward, range by range. */
export function readEachWardRange<R>(
  wardIds: readonly string[],
  ranges: readonly PeriodRange[],
  read: (wardId: string, range: PeriodRange) => Promise<R>,
): Promise<R[]> {
  const jobs = wardIds.flatMap((wardId) => ranges.map((range) => ({ wardId, range })));
  return mapLimit(jobs, STATS_READ_CONCURRENCY, ({ wardId, range }) => read(wardId, range));
}
