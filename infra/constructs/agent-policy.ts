import { Stack } from 'aws-cdk-lib';
import { CfnPolicy, CfnThingType } from 'aws-cdk-lib/aws-iot';
import { Construct } from 'constructs';

/** Thing attributes a ward agent is registered with (infra/README.md shows the command). */
export const AGENT_ATTRIBUTES = { district: 'district', ward: 'ward' } as const;

/** An IoT policy variable, resolved by IoT Core for each connection (not a JavaScript template). */
const variable = (name: string) => `\${${name}}`;

/** The policy variables the agent policy is written with. */
export const POLICY_VARIABLES = {
  /** The connecting thing's name (`motcua-<wardId>`). */
  thingName: variable('iot:Connection.Thing.ThingName'),
  district: variable(`iot:Connection.Thing.Attributes[${AGENT_ATTRIBUTES.district}]`),
  ward: variable(`iot:Connection.Thing.Attributes[${AGENT_ATTRIBUTES.ward}]`),
} as const;

export interface AgentPolicyProps {
  readonly prefix: string;
}

/**
 * The one IoT policy every ward agent's certificate carries (ARCHITECTURE §4), a template
 * resolved per connection: the client id must be the thing's name and the certificate must be
 * attached to that thing of the agent type, and the topics are
 * `motcua/<district>/<ward>/…` of that same thing. An agent therefore reaches its own ward's
 * topics and nothing else: it publishes `events` and `status` (retained, also its last will),
 * and subscribes to `commands` and `config`.
 */
export class AgentPolicy extends Construct {
  readonly thingType: CfnThingType;
  readonly policy: CfnPolicy;

  constructor(scope: Construct, id: string, props: AgentPolicyProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const thingTypeName = `${props.prefix}-ward-agent`;
    this.thingType = new CfnThingType(this, 'ThingType', {
      thingTypeName,
      thingTypeProperties: {
        thingTypeDescription: 'Một Cửa Điện Tử ward agent (mini-PC running the queue hardware)',
        searchableAttributes: [AGENT_ATTRIBUTES.district, AGENT_ATTRIBUTES.ward],
      },
    });
    const arn = (resource: string, name: string) =>
      stack.formatArn({ service: 'iot', resource, resourceName: name });
    const { thingName, district, ward } = POLICY_VARIABLES;
    const topic = (kind: string) => arn('topic', `motcua/${district}/${ward}/${kind}`);
    const filter = (kind: string) => arn('topicfilter', `motcua/${district}/${ward}/${kind}`);
    this.policy = new CfnPolicy(this, 'Policy', {
      policyName: `${props.prefix}-ward-agent`,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 'iot:Connect',
            Resource: arn('client', thingName),
            Condition: {
              Bool: { 'iot:Connection.Thing.IsAttached': 'true' },
              StringEquals: { 'iot:Connection.Thing.ThingTypeName': thingTypeName },
            },
          },
          { Effect: 'Allow', Action: 'iot:Publish', Resource: [topic('events'), topic('status')] },
          // Status is retained so the cloud sees the last state of an agent that went away.
          { Effect: 'Allow', Action: 'iot:RetainPublish', Resource: topic('status') },
          { Effect: 'Allow', Action: 'iot:Subscribe', Resource: [filter('commands'), filter('config')] },
          { Effect: 'Allow', Action: 'iot:Receive', Resource: [topic('commands'), topic('config')] },
        ],
      },
    });
    this.policy.addResourceDependency(this.thingType);
  }
}
