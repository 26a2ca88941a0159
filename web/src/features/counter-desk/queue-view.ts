import type { QueueConfig } from '../../../../edge-agent/src/queue/config.ts';
import type { QueuePicture } from '../../../../functions/domain/queue/picture.ts';

/** The field of a ticket number, read from its letter (`B012` → the field with prefix B). */
export function fieldOfTicket(
  number: string | undefined,
  queue: Pick<QueueConfig, 'fields'>,
): string | undefined {
  if (!number) return undefined;
  return queue.fields.find((f) => number.startsWith(f.prefix))?.id;
}

/** Where the ticket being served may be sent: every field of the ward but its own. */
export function transferTargets(
  queue: Pick<QueueConfig, 'fields'>,
  serving: string | undefined,
): { id: string; name: string }[] {
  const own = fieldOfTicket(serving, queue);
  return queue.fields.filter((f) => f.id !== own).map(({ id, name }) => ({ id, name }));
}

/** The fields a counter serves, by the ward's config. */
export function fieldsOfCounter(queue: Pick<QueueConfig, 'counters'>, counter: number | undefined): string[] {
  return [...(queue.counters.find((c) => c.number === counter)?.fields ?? [])];
}

/** One counter as the queue picture shows it; an unknown one serves nothing yet. */
export function counterInPicture(
  picture: Pick<QueuePicture, 'counters'>,
  counter: number,
): QueuePicture['counters'][number] {
  return picture.counters.find((c) => c.counter === counter) ?? { counter, fields: [] };
}

/** Waiting figures with this counter's fields first, each marked, then the others in ward order. */
export function waitingRows(
  picture: Pick<QueuePicture, 'fields'>,
  counterFields: readonly string[],
): { field: string; waiting: number; mine: boolean }[] {
  const rows = picture.fields.map((f) => ({
    field: f.field,
    waiting: f.waiting,
    mine: counterFields.includes(f.field),
  }));
  return [...rows.filter((r) => r.mine), ...rows.filter((r) => !r.mine)];
}

/** The key under which a browser remembers the counter its clerk sits at, per ward. */
export function counterStorageKey(wardId: string): string {
  return `motcua.desk.counter.${wardId}`;
}

/** A remembered counter, if the ward still has it. */
export function storedCounter(raw: string | null, numbers: readonly number[]): number | undefined {
  if (!raw || !/^\d{1,2}$/.test(raw)) return undefined;
  const n = Number(raw);
  return numbers.includes(n) ? n : undefined;
}
