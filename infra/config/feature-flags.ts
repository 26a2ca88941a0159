/**
 * CDK feature flags the app relies on, set in code rather than cdk.json so the tests, which build
 * the app without the CLI, synthesise exactly what `cdk deploy` does.
 */
export const FEATURE_FLAGS = {
  // Strong references: the city cannot drop or change a value a district still imports.
  '@aws-cdk/core:defaultCrossStackReferences': 'strong',
  // S3 delivers server access logs under a bucket policy, so log buckets need no ACLs.
  '@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy': true,
} as const;
