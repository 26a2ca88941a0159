/**
 * Table definitions shared by the CDK stacks and the local runtime, so the two cannot drift.
 * One single table per district holds its wards' dossiers; one city table holds
 * configuration (calendar, procedure catalogue) and, later, pre-aggregated statistics.
 */
export interface KeyDef {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export interface IndexDef {
  readonly indexName: string;
  readonly partitionKey: KeyDef;
  readonly sortKey: KeyDef;
}

export interface TableDef {
  readonly partitionKey: KeyDef;
  readonly sortKey: KeyDef;
  readonly indexes: readonly IndexDef[];
  readonly stream: boolean;
  readonly ttlAttribute?: string;
}

const S = (name: string): KeyDef => ({ name, type: 'S' });

/** Index names of the district table (see functions/adapters/dossier-keys.ts). */
export const DISTRICT_INDEX = {
  /** `WARD#<ward>#<status>` / `<dueAt>#<code>`: a ward's dossiers in one status by due time. */
  wardStatus: 'ward-status',
  /** Sparse, open dossiers only: `WARD#<ward>#OPEN` / `<dueAt>#<code>`. */
  wardOpen: 'ward-open',
  /** Sparse, open dossiers with an assignee: `ASSIGNEE#<userId>` / `<dueAt>#<code>`. */
  assignee: 'assignee',
} as const;

export const districtTable: TableDef = {
  partitionKey: S('pk'),
  sortKey: S('sk'),
  indexes: [
    { indexName: DISTRICT_INDEX.wardStatus, partitionKey: S('gsi1pk'), sortKey: S('gsi1sk') },
    { indexName: DISTRICT_INDEX.wardOpen, partitionKey: S('gsi2pk'), sortKey: S('gsi2sk') },
    { indexName: DISTRICT_INDEX.assignee, partitionKey: S('gsi3pk'), sortKey: S('gsi3sk') },
  ],
  stream: true,
};

export const cityTable: TableDef = {
  partitionKey: S('pk'),
  sortKey: S('sk'),
  indexes: [],
  stream: true,
};

/** Default prefix of table names; `MOTCUA_TABLE_PREFIX` overrides it. */
export const DEFAULT_TABLE_PREFIX = 'motcua';

export function districtTableName(prefix: string, districtId: string): string {
  return `${prefix}-district-${districtId}`;
}

export function cityTableName(prefix: string): string {
  return `${prefix}-city`;
}
