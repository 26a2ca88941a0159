import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { DataTable } from './data-table.ts';
import { acknowledge, wildcardResourceFinding } from './nag.ts';
import type { ScansBucket } from './scans-bucket.ts';

/** What a function may do with a data resource: `write` includes `read`. */
export type AccessLevel = 'read' | 'write';

/**
 * The exact actions behind each level, written out instead of CDK's grant helpers, whose KMS
 * grants use action wildcards (`kms:GenerateDataKey*`, `kms:ReEncrypt*`). No Scan: no access
 * pattern lists a whole table.
 */
export const ACTIONS = {
  table: {
    read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
    write: [
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
      'dynamodb:DeleteItem',
      'dynamodb:BatchWriteItem',
      'dynamodb:ConditionCheckItem',
    ],
  },
  tableKey: {
    read: ['kms:Decrypt', 'kms:DescribeKey'],
    write: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
  },
  // ListBucket on the bucket makes a missing object answer 404 NoSuchKey instead of 403.
  bucket: { read: ['s3:ListBucket'], write: ['s3:ListBucket'] },
  objects: {
    read: ['s3:GetObject'],
    write: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
  },
  objectKey: { read: ['kms:Decrypt'], write: ['kms:Decrypt', 'kms:GenerateDataKey'] },
} as const;

/** Grants a table's items and each of its indexes by name, and its key only through DynamoDB. */
export function grantTable(role: Role, data: DataTable, level: AccessLevel): void {
  role.addToPolicy(
    new PolicyStatement({
      actions: [...ACTIONS.table[level]],
      resources: [data.table.tableArn, ...data.indexArns],
    }),
  );
  role.addToPolicy(keyThrough(role, data.encryptionKey, 'dynamodb', ACTIONS.tableKey[level]));
}

/**
 * Grants a district's scans: the objects (keys are chosen at run time, so `bucket/*`), the
 * bucket for ListBucket, and the key only through S3.
 */
export function grantScans(role: Role, scans: ScansBucket, level: AccessLevel): void {
  const objects = scans.bucket.arnForObjects('*');
  role.addToPolicy(
    new PolicyStatement({ actions: [...ACTIONS.bucket[level]], resources: [scans.bucket.bucketArn] }),
  );
  role.addToPolicy(new PolicyStatement({ actions: [...ACTIONS.objects[level]], resources: [objects] }));
  role.addToPolicy(keyThrough(role, scans.encryptionKey, 's3', ACTIONS.objectKey[level]));
  acknowledge(
    role,
    wildcardResourceFinding(role, objects),
    "Scan object keys (<ward>/<dossier>/<document>) are chosen at run time, so the grant covers only this district's scans bucket.",
  );
}

function keyThrough(
  role: Role,
  key: IKey,
  service: 'dynamodb' | 's3',
  actions: readonly string[],
): PolicyStatement {
  return new PolicyStatement({
    actions: [...actions],
    resources: [key.keyArn],
    // The key serves this function only through the data service, never directly.
    conditions: { StringEquals: { 'kms:ViaService': `${service}.${Stack.of(role).region}.amazonaws.com` } },
  });
}
