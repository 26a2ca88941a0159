import type { Field, Procedure } from '../../shared/api/types.ts';

export interface FieldGroup {
  readonly fieldId: string;
  /** Undefined for a field the units do not list (the catalogue names it, the list does not). */
  readonly field?: Field;
  /** Counters of the ward's queue config serving this field; empty means no counter takes its tickets. */
  readonly counters: readonly number[];
  readonly procedures: readonly Procedure[];
}

/**
 * Procedures grouped by field in the order of the units' field list, each with the counters that
 * serve it; fields without procedures are left out.
 */
export function groupProcedures(
  procedures: readonly Procedure[],
  fields: readonly Field[],
  counters: readonly { readonly number: number; readonly fields: readonly string[] }[],
): FieldGroup[] {
  const byField = new Map<string, Procedure[]>();
  for (const p of procedures) byField.set(p.fieldId, [...(byField.get(p.fieldId) ?? []), p]);
  const known = fields.map((f) => f.id);
  const unknown = [...byField.keys()].filter((id) => !known.includes(id)).sort();
  return [...known, ...unknown]
    .filter((id) => byField.has(id))
    .map((fieldId) => {
      const field = fields.find((f) => f.id === fieldId);
      return {
        fieldId,
        ...(field ? { field } : {}),
        counters: counters
          .filter((c) => c.fields.includes(fieldId))
          .map((c) => c.number)
          .sort((a, b) => a - b),
        procedures: [...(byField.get(fieldId) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
      };
    });
}
