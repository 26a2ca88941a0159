import type { District, PublicQueueBoard } from '../../shared/api/types.ts';
import { TIME_ZONE } from '../../shared/format.ts';
import { matchesWords, queryWords } from '../../shared/search.ts';

/** `GET /v1/public/wards/{wardId}/queue`: what the hall display shows, without staff details. */
export type { PublicQueueBoard };

/** The districts with only the wards whose name (or district's name) holds every word of `q`. */
export function filterWards(districts: readonly District[], q: string): District[] {
  const words = queryWords(q);
  return districts
    .map((d) =>
      matchesWords(words, d.name) ? d : { ...d, wards: d.wards.filter((w) => matchesWords(words, w.name)) },
    )
    .filter((d) => d.wards.length > 0);
}

/** All waiting tickets of the ward. */
export function totalWaiting(board: Pick<PublicQueueBoard, 'fields'>): number {
  return board.fields.reduce((sum, f) => sum + f.waiting, 0);
}

const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `14:05:09` in Đà Nẵng's time: the board refreshes every few seconds, so seconds show it is live. */
export function clockTime(date: Date): string {
  return clock.format(date);
}
