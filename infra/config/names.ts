import { cityTableName, districtTableName } from '#infra/tables';
import type { StageParameters } from './stages.ts';

/**
 * Physical names, derived from the stage prefix with the same functions the Lambdas use
 * (infra/tables.ts, infra/buckets.ts), so the functions find what the stacks create.
 */
export const names = {
  cityStack: (stage: StageParameters) => `${stage.prefix}-city`,
  districtStack: (stage: StageParameters, districtId: string) => `${stage.prefix}-district-${districtId}`,
  cityTable: (stage: StageParameters) => cityTableName(stage.prefix),
  districtTable: (stage: StageParameters, districtId: string) => districtTableName(stage.prefix, districtId),
  /**
   * `MOTCUA_BUCKET_PREFIX`: bucket names are global, so the prefix carries the account and the
   * region (`account` may be the CloudFormation token of an account-agnostic stack).
   */
  bucketPrefix: (stage: StageParameters, account: string, region: string) =>
    `${stage.prefix}-${account}-${region}`,
  /** Alarm names start with the stage and the district so one topic can serve them all. */
  alarm: (stage: StageParameters, scope: string, what: string) => `${stage.prefix}-${scope}-${what}`,
} as const;

/** The longest bucket name S3 accepts. */
export const MAX_BUCKET_NAME = 63;
