import { Stack } from 'aws-cdk-lib';
import { PolicyStatement, type Role } from 'aws-cdk-lib/aws-iam';
import { TOPIC_SPECS, wardTopics } from '../../edge-agent/src/cloud/topics.ts';
import { acknowledge, wildcardResourceFinding } from './nag.ts';

/** The cloud → agent topic kinds of the contract (ARCHITECTURE §4): `commands` and `config`. */
export const DOWN_TOPICS = (Object.keys(TOPIC_SPECS) as (keyof typeof TOPIC_SPECS)[]).filter(
  (kind) => TOPIC_SPECS[kind].direction === 'down',
);

/** Of those, the ones published retained (`config`), which IoT Core authorizes separately. */
export const RETAINED_DOWN_TOPICS = DOWN_TOPICS.filter((kind) => TOPIC_SPECS[kind].retain);

/**
 * Grants `needs.iot === 'publish'`: `iot:Publish` on the district's `commands` and `config`
 * topics, and `iot:RetainPublish` on `config` (a retained publish needs both). The ward is a
 * wildcard because it comes from the request path; the district is this stack's own, so a
 * route can never reach another district's agents. Data-plane Publish needs no Connect.
 */
export function grantAgentPublish(role: Role, districtId: string): void {
  const stack = Stack.of(role);
  // The contract's own topic names, with `*` for the ward: `motcua/<district>/*/<kind>`.
  const topics = wardTopics({ districtId, id: '*' });
  const arn = (kind: keyof typeof topics) =>
    stack.formatArn({ service: 'iot', resource: 'topic', resourceName: topics[kind] });
  role.addToPolicy(new PolicyStatement({ actions: ['iot:Publish'], resources: DOWN_TOPICS.map(arn) }));
  role.addToPolicy(
    new PolicyStatement({ actions: ['iot:RetainPublish'], resources: RETAINED_DOWN_TOPICS.map(arn) }),
  );
  for (const kind of DOWN_TOPICS) {
    acknowledge(
      role,
      wildcardResourceFinding(role, arn(kind)),
      `The ward comes from the request path, so the grant covers the ${kind} topic of this district's wards and no other district's.`,
    );
  }
}
