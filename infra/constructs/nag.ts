import { Stack, Validations } from 'aws-cdk-lib';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';

/**
 * Acknowledges one cdk-nag finding on `scope` and everything under it. `finding` is the rule id,
 * with the finding in brackets where the rule reports several (`AwsSolutions-IAM5[Resource::*]`);
 * `reason` is the one sentence a reviewer reads to agree.
 */
export function acknowledge(scope: IConstruct, finding: string, reason: string): void {
  Validations.of(scope).acknowledge({ id: finding, reason });
}

/**
 * The IAM5 finding id of a wildcard resource, spelled as cdk-nag spells it (e.g.
 * `AwsSolutions-IAM5[Resource::<ScansBucket1234.Arn>/*]`), so exactly that resource is
 * acknowledged and any other wildcard still fails the synth.
 */
export function wildcardResourceFinding(scope: IConstruct, resource: string): string {
  return `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(scope).resolve(resource))}]`;
}
