import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Template } from 'aws-cdk-lib/assertions';

// biome-ignore lint/suspicious/noExplicitAny: CloudFormation properties are untyped JSON.
export type Props = Record<string, any>;

/** The resources of one type in a template, by logical id. */
export function resourcesOf(template: Template, type: string): Record<string, { Properties: Props }> {
  return template.findResources(type) as Record<string, { Properties: Props }>;
}

/** The only resource of a type; fails when there is not exactly one. */
export function onlyResource(template: Template, type: string): Props {
  const found = Object.values(resourcesOf(template, type));
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return (found[0] as { Properties: Props }).Properties;
}

/** API Gateway methods by `<METHOD> <path>`, the path rebuilt from the resource tree. */
export function apiMethods(template: Template): Map<string, Props> {
  const resources = resourcesOf(template, 'AWS::ApiGateway::Resource');
  const pathOf = (ref: Props): string => {
    if (!ref.Ref) return '';
    const resource = resources[ref.Ref as string]?.Properties as Props;
    return `${pathOf(resource.ParentId)}/${resource.PathPart}`;
  };
  const methods = new Map<string, Props>();
  for (const { Properties: method } of Object.values(resourcesOf(template, 'AWS::ApiGateway::Method'))) {
    methods.set(`${method.HttpMethod} ${pathOf(method.ResourceId) || '/'}`, method);
  }
  return methods;
}

/** Every IAM statement of the template's inline policies. */
export function policyStatements(template: Template): Props[] {
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy')).flatMap(
    ({ Properties }) => Properties.PolicyDocument.Statement as Props[],
  );
}

/** The statements of the policies attached to one role (by the role's logical id). */
export function statementsOfRole(template: Template, roleLogicalId: string): Props[] {
  return Object.values(resourcesOf(template, 'AWS::IAM::Policy'))
    .filter(({ Properties }) => (Properties.Roles as Props[]).some((r) => r.Ref === roleLogicalId))
    .flatMap(({ Properties }) => Properties.PolicyDocument.Statement as Props[]);
}

/** A value or list as a list. */
export function asList<T>(value: T | T[]): T[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * A resource written as a string: `Fn::Join` joined, `AWS::Partition` as `aws`, other references
 * as `<Ref>` / `<Ref.Attr>`, so a test can compare ARNs with plain text.
 */
export function flatten(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Props;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(flatten).join(v['Fn::Join'][0]);
  if (v.Ref === 'AWS::Partition') return 'aws';
  if (v.Ref) return `<${v.Ref}>`;
  if (v['Fn::GetAtt']) return `<${(v['Fn::GetAtt'] as string[]).join('.')}>`;
  if (v['Fn::ImportValue']) return `<import ${flatten(v['Fn::ImportValue'])}>`;
  return JSON.stringify(value);
}

/** The bucket deployments (`Custom::CDKBucketDeployment`) of a template, by logical id. */
export function bucketDeployments(template: Template): Record<string, Props> {
  return template.findResources('Custom::CDKBucketDeployment') as Record<string, Props>;
}

/**
 * The files a bucket deployment uploads, by name, read from the cloud assembly (`asset.<hash>/`)
 * with each deploy-time value written as `flatten` writes it (`<Ref>`, `<import …>`).
 */
export function uploadedFiles(outdir: string, deployment: Props): Record<string, string> {
  const files: Record<string, string> = {};
  const keys = deployment.Properties.SourceObjectKeys as string[];
  keys.forEach((key, i) => {
    const dir = join(outdir, `asset.${key.replace(/\.zip$/, '')}`);
    const markers = (deployment.Properties.SourceMarkers?.[i] ?? {}) as Props;
    for (const name of readdirSync(dir, { recursive: true }) as string[]) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) continue;
      let text = readFileSync(path, 'utf8');
      for (const [marker, value] of Object.entries(markers)) text = text.replaceAll(marker, flatten(value));
      files[name] = text;
    }
  });
  return files;
}
