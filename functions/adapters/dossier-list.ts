import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Ward } from '#domain/catalogue/units';
import type { Dossier } from '#domain/dossier/dossier';
import { canBeOverdue, type DossierStatus, OPEN_STATUSES } from '#domain/dossier/status';
import { InvalidInputError } from '#domain/errors';
import { toLocalIso } from '#domain/time';
import { DISTRICT_INDEX } from '#infra/tables';
import { assigneePk, wardOpenPk, wardStatusPk, withoutKeys } from './dossier-keys.ts';
import { districtTable, documentClient } from './dynamodb.ts';

export interface ListFilter {
  readonly status?: DossierStatus;
  readonly assignee?: string;
  /** true: only dossiers past their due time whose clock runs; false: only those not past it. */
  readonly overdue?: boolean;
  readonly cursor?: string;
  readonly limit: number;
  readonly now: Date;
}

export interface Page<T> {
  readonly items: T[];
  readonly cursor?: string;
}

/**
 * A ward's dossiers by due time, earliest first. One status reads its own index partition;
 * no status reads the sparse index of open dossiers; an assignee reads their inbox.
 */
export async function listWardDossiers(ward: Ward, filter: ListFilter): Promise<Page<Dossier>> {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const filters: string[] = [];
  let index: string;
  let pkName: string;
  let skName: string;
  if (filter.assignee) {
    index = DISTRICT_INDEX.assignee;
    [pkName, skName] = ['gsi3pk', 'gsi3sk'];
    values[':pk'] = assigneePk(filter.assignee);
    names['#ward'] = 'wardId';
    values[':ward'] = ward.id;
    filters.push('#ward = :ward');
    if (filter.status) {
      names['#status'] = 'status';
      values[':status'] = filter.status;
      filters.push('#status = :status');
    }
  } else if (filter.status) {
    index = DISTRICT_INDEX.wardStatus;
    [pkName, skName] = ['gsi1pk', 'gsi1sk'];
    values[':pk'] = wardStatusPk(ward.id, filter.status);
  } else {
    index = DISTRICT_INDEX.wardOpen;
    [pkName, skName] = ['gsi2pk', 'gsi2sk'];
    values[':pk'] = wardOpenPk(ward.id);
  }
  let keyCondition = `${pkName} = :pk`;
  if (filter.overdue !== undefined) {
    // Due keys sort as `<dueAt ISO +07:00>#<code>`, so "due before now" is a key range.
    values[':now'] = toLocalIso(filter.now);
    keyCondition += filter.overdue ? ` AND ${skName} < :now` : ` AND ${skName} >= :now`;
    if (filter.overdue) {
      const running = OPEN_STATUSES.filter(canBeOverdue);
      if (filter.status && !running.includes(filter.status)) return { items: [] };
      names['#st'] = 'status';
      running.forEach((s, i) => {
        values[`:run${i}`] = s;
      });
      filters.push(`#st IN (${running.map((_, i) => `:run${i}`).join(', ')})`);
    }
  }
  const out = await documentClient().send(
    new QueryCommand({
      TableName: districtTable(ward.districtId),
      IndexName: index,
      KeyConditionExpression: keyCondition,
      FilterExpression: filters.length ? filters.join(' AND ') : undefined,
      ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
      ExpressionAttributeValues: values,
      ExclusiveStartKey: filter.cursor ? decodeCursor(filter.cursor, [pkName, skName]) : undefined,
      Limit: filter.limit,
    }),
  );
  const items = (out.Items ?? []).map((i) => {
    const { lookupKeyHash: _hidden, ...dossier } = withoutKeys<Dossier>(i);
    return dossier as Dossier;
  });
  return out.LastEvaluatedKey ? { items, cursor: encodeCursor(out.LastEvaluatedKey) } : { items };
}

function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

function decodeCursor(cursor: string, indexKeys: string[]): Record<string, unknown> {
  const invalid = new InvalidInputError('query.cursor', 'is not a cursor returned by this list');
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  const expected = ['pk', 'sk', ...indexKeys].sort();
  if (
    typeof key !== 'object' ||
    key === null ||
    JSON.stringify(Object.keys(key).sort()) !== JSON.stringify(expected) ||
    Object.values(key).some((v) => typeof v !== 'string')
  ) {
    throw invalid;
  }
  return key as Record<string, unknown>;
}
