import { findField } from '../catalogue/fields.ts';
import type { Ward } from '../catalogue/units.ts';
import { type PictureInput, queuePicture } from './picture.ts';

/**
 * `GET /v1/public/wards/{wardId}/queue`: what the waiting room may see, on a phone or a screen.
 * Built field by field rather than by dropping keys from the staff picture, so nothing added
 * there later (clerks, devices) reaches the public by accident.
 */
export interface PublicQueueBoard {
  readonly ward: { readonly id: string; readonly name: string };
  readonly agentOnline: boolean;
  readonly lastSeenAt: string | null;
  readonly counters: readonly {
    readonly counter: number;
    readonly fields: readonly string[];
    readonly serving?: string;
  }[];
  readonly fields: readonly { readonly field: string; readonly name: string; readonly waiting: number }[];
}

export function publicQueueBoard(ward: Ward, input: PictureInput): PublicQueueBoard {
  const picture = queuePicture(input);
  return {
    ward: { id: ward.id, name: ward.name },
    agentOnline: picture.agent.online,
    lastSeenAt: picture.agent.lastSeenAt,
    counters: picture.counters.map(({ counter, fields, serving }) => ({
      counter,
      fields,
      ...(serving ? { serving } : {}),
    })),
    fields: picture.fields.map(({ field, waiting }) => ({ field, name: fieldName(field, input), waiting })),
  };
}

/** The catalogue's Vietnamese name; a field of the ward's own layout that the catalogue lacks keeps the ward's name for it. */
function fieldName(id: string, input: PictureInput): string {
  return findField(id)?.name ?? input.config.fields.find((f) => f.id === id)?.name ?? id;
}
