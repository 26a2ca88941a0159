import { CfnWebACL, CfnWebACLAssociation } from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

export interface ApiFirewallProps {
  readonly name: string;
  /** The API stage to protect. */
  readonly stageArn: string;
  /** Path prefix of the public lookup (without the stage), rate-limited on its own. */
  readonly publicLookupPrefix: string;
  /** Public lookups per client IP per 5 minutes. */
  readonly publicLookupLimit: number;
  /** Requests per client IP per 5 minutes on any route. */
  readonly perIpLimit: number;
}

/**
 * The WAF web ACL in front of a district's API: AWS's IP reputation and known-bad-input rule
 * groups, a tight rate-based rule on the public lookup (where codes could be guessed), and a
 * generous one on everything (a ward office shares one address).
 */
export class ApiFirewall extends Construct {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: ApiFirewallProps) {
    super(scope, id);
    const visibility = (metricName: string) => ({
      cloudWatchMetricsEnabled: true,
      metricName,
      sampledRequestsEnabled: true,
    });
    const managed = (priority: number, name: string): CfnWebACL.RuleProperty => ({
      name,
      priority,
      overrideAction: { none: {} },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
      visibilityConfig: visibility(name),
    });
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: props.name,
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(props.name),
      rules: [
        managed(0, 'AWSManagedRulesAmazonIpReputationList'),
        managed(1, 'AWSManagedRulesKnownBadInputsRuleSet'),
        {
          name: 'PublicLookupRate',
          priority: 2,
          action: { block: {} },
          statement: {
            rateBasedStatement: {
              limit: props.publicLookupLimit,
              evaluationWindowSec: 300,
              aggregateKeyType: 'IP',
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  // CONTAINS: the path WAF sees starts with the stage name (`/production/v1/public/`).
                  positionalConstraint: 'CONTAINS',
                  searchString: props.publicLookupPrefix,
                  textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
                },
              },
            },
          },
          visibilityConfig: visibility('PublicLookupRate'),
        },
        {
          name: 'PerIpRate',
          priority: 3,
          action: { block: {} },
          statement: {
            rateBasedStatement: { limit: props.perIpLimit, evaluationWindowSec: 300, aggregateKeyType: 'IP' },
          },
          visibilityConfig: visibility('PerIpRate'),
        },
      ],
    });
    new CfnWebACLAssociation(this, 'Association', {
      resourceArn: props.stageArn,
      webAclArn: this.webAcl.attrArn,
    });
  }
}
