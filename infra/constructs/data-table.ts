import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { KeyDef, TableDef } from '#infra/tables';

export interface DataTableProps {
  /** Physical name, from infra/tables.ts so the functions find it. */
  readonly tableName: string;
  /** The definition the local runtime creates its tables from too. */
  readonly definition: TableDef;
  readonly encryptionKey: IKey;
}

/**
 * A DynamoDB table built from a shared definition (keys, indexes, stream, TTL), secure by
 * default: on demand, point-in-time recovery, customer-managed KMS key, deletion protection,
 * and retained if its stack is deleted.
 */
export class DataTable extends Construct {
  readonly table: Table;
  readonly definition: TableDef;
  readonly encryptionKey: IKey;

  constructor(scope: Construct, id: string, props: DataTableProps) {
    super(scope, id);
    const def = props.definition;
    this.definition = def;
    this.encryptionKey = props.encryptionKey;
    this.table = new Table(this, 'Table', {
      tableName: props.tableName,
      partitionKey: attribute(def.partitionKey),
      sortKey: attribute(def.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      // The same view the local runtime creates, so a consumer sees the same records.
      stream: def.stream ? StreamViewType.NEW_AND_OLD_IMAGES : undefined,
      timeToLiveAttribute: def.ttlAttribute,
    });
    for (const index of def.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: ProjectionType.ALL,
      });
    }
  }

  /** ARNs of the table's indexes, named one by one so no grant needs `index/*`. */
  get indexArns(): string[] {
    return this.definition.indexes.map((i) => `${this.table.tableArn}/index/${i.indexName}`);
  }
}

function attribute(key: KeyDef) {
  return { name: key.name, type: key.type === 'S' ? AttributeType.STRING : AttributeType.NUMBER };
}
