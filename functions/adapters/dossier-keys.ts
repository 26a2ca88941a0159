import { dayKey } from '#domain/dossier/code';
import type { Dossier, HistoryEntry } from '#domain/dossier/dossier';
import { isOpen } from '#domain/dossier/status';
import type { LocalDate } from '#domain/time';

/**
 * Key layout of the district table (ARCHITECTURE §3). A dossier is one partition: its META
 * item, one EVENT item per history row, and one DOC item per scan. Sort keys order them
 * `DOC#…` < `EVENT#…` < `META`, so the history and META are one key range without the scans.
 */
export const dossierPk = (code: string) => `DOSSIER#${code}`;
export const META = 'META';
export const eventSk = (seq: number) => `EVENT#${String(seq).padStart(6, '0')}`;
export const EVENT_PREFIX = 'EVENT#';
export const documentSk = (documentId: string) => `DOC#${documentId}`;
export const DOC_PREFIX = 'DOC#';

/** The item of one history row. */
export function eventItem(code: string, entry: HistoryEntry): Record<string, unknown> {
  return { ...entry, code, pk: dossierPk(code), sk: eventSk(entry.seq) };
}

/** The transaction item writing a history row, only if that row does not exist yet. */
export function newEventPut(table: string, code: string, entry: HistoryEntry) {
  return {
    Put: { TableName: table, Item: eventItem(code, entry), ConditionExpression: 'attribute_not_exists(pk)' },
  };
}

/** The per-ward per-day sequence counter item. */
export const counterKey = (wardId: string, date: LocalDate) => ({
  pk: `COUNTER#${wardId}#${dayKey(date)}`,
  sk: 'COUNTER',
});

export const wardStatusPk = (wardId: string, status: string) => `WARD#${wardId}#${status}`;
export const wardOpenPk = (wardId: string) => `WARD#${wardId}#OPEN`;
export const assigneePk = (userId: string) => `ASSIGNEE#${userId}`;

/** The META item of a dossier with the attributes its indexes read; sparse ones only when they apply. */
export function dossierItem(dossier: Dossier): Record<string, unknown> {
  const byDue = `${dossier.dueAt}#${dossier.code}`;
  const item: Record<string, unknown> = {
    ...dossier,
    pk: dossierPk(dossier.code),
    sk: META,
    gsi1pk: wardStatusPk(dossier.wardId, dossier.status),
    gsi1sk: byDue,
  };
  if (isOpen(dossier.status)) {
    item.gsi2pk = wardOpenPk(dossier.wardId);
    item.gsi2sk = byDue;
    if (dossier.assignee) {
      item.gsi3pk = assigneePk(dossier.assignee);
      item.gsi3sk = byDue;
    }
  }
  return item;
}

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk'];

/** Strips storage attributes from an item read back. */
export function withoutKeys<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const k of KEY_ATTRIBUTES) delete copy[k];
  return copy as T;
}
