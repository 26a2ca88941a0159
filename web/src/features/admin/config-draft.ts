import type { WardConfig } from '../../../../edge-agent/src/ward-config.ts';
import type { FieldError } from '../../shared/api/client.ts';

export type { WardConfig };

/** One counter row as the admin edits it: the number stays text until saved, so a half-typed value survives. */
export interface CounterDraft {
  /** Stable identity of the row across edits (React key), not sent to the API. */
  readonly key: string;
  readonly number: string;
  readonly fields: readonly string[];
}

export type ConfigDraft = readonly CounterDraft[];

/** What the admin page says about a wrong row; the API's reason is shown as it came when it has no code. */
export type DraftProblem =
  | 'numberRequired'
  | 'numberRange'
  | 'numberDuplicate'
  | 'fieldsRequired'
  | 'countersRequired';

/** Problems keyed by the API's own paths (`queue.counters.2.number`), so both kinds land on the same input. */
export type DraftErrors = Readonly<Record<string, DraftProblem | { readonly reason: string }>>;

export const MAX_COUNTER = 99;

/** The rows of a stored config, in its order. */
export function draftOf(config: WardConfig): ConfigDraft {
  return config.queue.counters.map((c, i) => ({
    key: `c${i}-${c.number}`,
    number: String(c.number),
    fields: [...c.fields],
  }));
}

/** Ticks or unticks a field of one counter. */
export function toggleField(draft: ConfigDraft, key: string, fieldId: string): ConfigDraft {
  return draft.map((row) =>
    row.key !== key
      ? row
      : {
          ...row,
          fields: row.fields.includes(fieldId)
            ? row.fields.filter((f) => f !== fieldId)
            : [...row.fields, fieldId],
        },
  );
}

export function setCounterNumber(draft: ConfigDraft, key: string, number: string): ConfigDraft {
  return draft.map((row) => (row.key === key ? { ...row, number } : row));
}

export function removeCounter(draft: ConfigDraft, key: string): ConfigDraft {
  return draft.filter((row) => row.key !== key);
}

/** Appends a counter numbered after the highest one (or the lowest free number when 99 is taken). */
export function addCounter(draft: ConfigDraft): ConfigDraft {
  const used = new Set(draft.map((row) => Number(row.number)));
  const highest = Math.max(0, ...[...used].filter(Number.isInteger));
  let number = highest + 1;
  if (number > MAX_COUNTER) {
    number = 1;
    while (used.has(number) && number < MAX_COUNTER) number++;
  }
  const key = `n${Date.now().toString(36)}-${draft.length}`;
  return [...draft, { key, number: String(number), fields: [] }];
}

/** The rules of the queue config schema, checked before sending so the admin reads them in Vietnamese. */
export function validateDraft(draft: ConfigDraft): DraftErrors {
  const errors: Record<string, DraftProblem> = {};
  if (draft.length === 0) errors['queue.counters'] = 'countersRequired';
  const seen = new Set<number>();
  draft.forEach((row, i) => {
    const path = `queue.counters.${i}`;
    const text = row.number.trim();
    const number = Number(text);
    if (text === '') errors[`${path}.number`] = 'numberRequired';
    else if (!/^\d+$/.test(text) || number < 1 || number > MAX_COUNTER)
      errors[`${path}.number`] = 'numberRange';
    else if (seen.has(number)) errors[`${path}.number`] = 'numberDuplicate';
    if (Number.isInteger(number)) seen.add(number);
    if (row.fields.length === 0) errors[`${path}.fields`] = 'fieldsRequired';
  });
  return errors;
}

/**
 * The API's field errors on the paths the editor shows: an error inside a counter's field list
 * (`queue.counters.1.fields.0`) belongs to that counter's fields.
 */
export function apiDraftErrors(fields: readonly FieldError[]): DraftErrors {
  const errors: Record<string, { reason: string }> = {};
  for (const { field, reason } of fields) {
    const path = field.replace(/^(queue\.counters\.\d+\.fields)\.\d+$/, '$1');
    errors[path] ??= { reason };
  }
  return errors;
}

/**
 * The config to PUT: the edited counters (fields in the ward's field order) on top of everything
 * else as loaded, one version above it, since the API refuses a version that is not newer.
 */
export function configFromDraft(loaded: WardConfig, draft: ConfigDraft): WardConfig {
  const order = loaded.queue.fields.map((f) => f.id);
  const rank = (id: string) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return {
    ...loaded,
    version: loaded.version + 1,
    queue: {
      ...loaded.queue,
      counters: draft.map((row) => ({
        number: Number(row.number.trim()),
        fields: [...row.fields].sort((a, b) => rank(a) - rank(b)),
      })),
    },
  };
}

/** True when saving would change the counters. */
export function isDirty(loaded: WardConfig, draft: ConfigDraft): boolean {
  const before = loaded.queue.counters;
  if (before.length !== draft.length) return true;
  return draft.some((row, i) => {
    const old = before[i];
    if (!old || String(old.number) !== row.number.trim()) return true;
    return old.fields.length !== row.fields.length || old.fields.some((f) => !row.fields.includes(f));
  });
}

/** The counters serving each field; a field with none cannot be served. */
export function countersByField(draft: ConfigDraft): ReadonlyMap<string, readonly string[]> {
  const map = new Map<string, string[]>();
  for (const row of draft) for (const f of row.fields) map.set(f, [...(map.get(f) ?? []), row.number]);
  return map;
}
