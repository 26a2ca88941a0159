import { existsSync } from 'node:fs';
import type { CfnElement } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDistrict } from '#domain/catalogue/units';
import { AgentMessage, agentMessageOf, wardOfMessage } from '#domain/queue/agent-message';
import { type DistrictConsumers, plannedConsumers } from '#infra/config/consumers';
import { handlerEntry } from '#infra/config/paths';
import { stages } from '#infra/config/stages';
import { ACTIONS } from '#infra/constructs/data-access';
import type { StreamConsumer } from '#infra/constructs/stream-consumer';
import type { DistrictStack } from '#infra/stacks/district-stack';
import { logicalId, type Synthesised, synthMotcua } from './support/synth.ts';
import { asList, onlyResource, type Props, resourcesOf, statementsOfRole } from './support/template.ts';

/**
 * Both capabilities are deployed with their real handlers: the agent ingest
 * (functions/handlers/queue/ingest.ts) and the stats aggregation
 * (functions/handlers/streams/aggregate.ts).
 */
const consumers: DistrictConsumers = plannedConsumers;

/**
 * What IoT Core's `SELECT *, topic(n) AS name, … FROM '<filter>'` makes of one message: the
 * payload's keys, then each named topic level (named columns winning, as the handler's local
 * twin `agentMessageOf` assumes). Enough SQL for the rules these stacks write, and it fails on
 * anything else so a rule cannot drift from what this evaluates.
 */
function evaluateRule(sql: string, topic: string, payload: Record<string, unknown>): Record<string, unknown> {
  const match = /^SELECT \*((?:, topic\(\d\) AS [a-z]+)+) FROM '([^']+)'$/.exec(sql);
  if (!match) throw new Error(`unexpected rule SQL: ${sql}`);
  const filter = (match[2] as string).split('/');
  const levels = topic.split('/');
  const matches = filter.length === levels.length && filter.every((f, i) => f === '+' || f === levels[i]);
  if (!matches) throw new Error(`${topic} does not match ${match[2]}`);
  const output: Record<string, unknown> = { ...payload };
  for (const [, n, name] of (match[1] as string).matchAll(/topic\((\d)\) AS ([a-z]+)/g)) {
    output[name as string] = levels[Number(n) - 1];
  }
  return output;
}

let synth: Synthesised;
let stack: DistrictStack;
let template: Template;

beforeAll(async () => {
  synth = await synthMotcua({ context: { district: 'hai-chau' }, consumers });
  stack = synth.districts[0] as DistrictStack;
  template = synth.template(stack);
}, 120_000);
afterAll(() => synth?.dispose());

const queues = () => Object.entries(resourcesOf(template, 'AWS::SQS::Queue'));
const alarmNames = () =>
  Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties.AlarmName as string);

describe('Agent ingest (IoT topic rules)', () => {
  const rules = () => Object.values(resourcesOf(template, 'AWS::IoT::TopicRule')).map((r) => r.Properties);

  const sqlOf = (topic: string) =>
    rules().find((r) => r.RuleName === `motcua_hai_chau_${topic}`)?.TopicRulePayload.Sql as string;

  it('deploys the real ingest handler (queue/ingest), which exists and exports `handler`', async () => {
    const ingest = plannedConsumers.agentIngest;
    expect(ingest).toMatchObject({ module: 'queue/ingest', topics: ['events', 'status'] });
    expect(ingest?.needs).toEqual({ dossiers: 'write' });
    const entry = handlerEntry(ingest?.module as string);
    expect(entry.endsWith(ingest?.entry as string)).toBe(true);
    expect(existsSync(entry)).toBe(true);
    const module = (await import(/* @vite-ignore */ '#handlers/queue/ingest')) as { handler?: unknown };
    expect(typeof module.handler).toBe('function');
  });

  it("has one rule per agent topic, selecting the topic's district, ward and kind from only this district's topics", () => {
    expect(
      rules()
        .map((r) => r.RuleName)
        .sort(),
    ).toEqual(['motcua_hai_chau_events', 'motcua_hai_chau_status']);
    for (const topic of ['events', 'status']) {
      expect(sqlOf(topic)).toBe(
        `SELECT *, topic(2) AS district, topic(3) AS ward, topic(4) AS kind FROM 'motcua/hai-chau/+/${topic}'`,
      );
    }
    for (const rule of rules()) {
      expect(rule.TopicRulePayload.AwsIotSqlVersion).toBe('2016-03-23');
      expect(rule.TopicRulePayload.Actions).toHaveLength(1);
      expect(rule.TopicRulePayload.Actions[0].Lambda.FunctionArn).toEqual({
        'Fn::GetAtt': [logicalId(stack.agentIngest?.bundled.fn.node.defaultChild as CfnElement), 'Arn'],
      });
    }
  });

  it("delivers what the handler takes: a ward's message, attributed to the ward of its topic, not its payload", () => {
    const ward = findDistrict('hai-chau')?.wards[0];
    const topic = (kind: string) => `motcua/hai-chau/${ward?.id}/${kind}`;
    // A payload naming another ward (or kind) must not move the message there.
    const forged = { ward: 'son-tra-x', district: 'son-tra', kind: 'status' };
    for (const kind of ['events', 'status'] as const) {
      const payload = { ...forged, online: true, events: [] };
      const output = evaluateRule(sqlOf(kind), topic(kind), payload);
      const message = AgentMessage.parse(output);
      expect(message).toMatchObject({ district: 'hai-chau', ward: ward?.id, kind });
      expect(wardOfMessage(message)?.id).toBe(ward?.id);
      // The local rule bridge hands the handler the same thing.
      expect(agentMessageOf(topic(kind), payload)).toEqual(output);
    }
    expect(() => evaluateRule(sqlOf('events'), 'motcua/son-tra/son-tra-x/events', {})).toThrow();
  });

  it('sends what IoT cannot deliver, and what the Lambda still fails after its retries, to a dead-letter queue', () => {
    const dlq = queues().find(([id]) => id.startsWith('AgentIngest'))?.[0] as string;
    for (const rule of rules()) {
      expect(rule.TopicRulePayload.ErrorAction.Sqs.QueueUrl).toEqual({ Ref: dlq });
    }
    const invokeConfig = onlyResource(template, 'AWS::Lambda::EventInvokeConfig');
    expect(invokeConfig.MaximumRetryAttempts).toBe(2);
    expect(invokeConfig.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [dlq, 'Arn'] });
  });

  it('lets IoT invoke the Lambda only from these rules', () => {
    const permissions = Object.values(resourcesOf(template, 'AWS::Lambda::Permission')).filter(
      (p) => p.Properties.Principal === 'iot.amazonaws.com',
    );
    expect(permissions).toHaveLength(2);
    for (const p of permissions) expect(JSON.stringify(p.Properties.SourceArn)).toContain('AgentIngestRule');
  });

  it('may write the district table and its dead-letter queue, and nothing more', () => {
    const role = logicalId(stack.agentIngest?.bundled.role.node.defaultChild as CfnElement);
    const table = logicalId(stack.table.table.node.defaultChild as CfnElement);
    const dlq = queues().find(([id]) => id.startsWith('AgentIngest'))?.[0] as string;
    const statements = statementsOfRole(template, role);
    const on = (fragment: string) =>
      statements
        .filter((s) => JSON.stringify(s.Resource).includes(fragment))
        .flatMap((s) => asList(s.Action as string | string[]))
        .sort();
    expect(on(`"${table}"`)).toEqual([...ACTIONS.table.write].sort());
    // The failure destination's grant (CDK's SqsDestination): send, and read the queue's URL and attributes.
    expect(on(`"${dlq}"`)).toEqual(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
    expect(on('CityTable')).toEqual([]);
    const actions = statements.flatMap((s) => asList(s.Action as string | string[]));
    expect(actions.filter((a) => /^(iot|s3):/.test(a))).toEqual([]);
    for (const a of actions) expect(a).not.toContain('*');
  });

  it('reserves concurrency so a replay storm cannot starve the API', () => {
    const fn = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).find((f) =>
      String(f.Properties.Description).startsWith('IoT ingest'),
    );
    expect(fn?.Properties.ReservedConcurrentExecutions).toBe(stages.production.agentIngestConcurrency);
  });

  it('alarms on dead letters, handler errors, and per ward when its agent goes silent', () => {
    const ward = findDistrict('hai-chau')?.wards ?? [];
    expect(alarmNames()).toEqual(
      expect.arrayContaining(['motcua-hai-chau-ingest-dlq', 'motcua-hai-chau-ingest-errors']),
    );
    const offline = Object.values(resourcesOf(template, 'AWS::CloudWatch::Alarm'))
      .map((a) => a.Properties)
      .filter((a) => String(a.AlarmName).includes('agent-offline-'));
    expect(offline.map((a) => a.AlarmName).sort()).toEqual(
      ward.map((w) => `motcua-hai-chau-agent-offline-${w.id}`).sort(),
    );
    for (const alarm of offline) {
      expect(alarm.TreatMissingData).toBe('breaching');
      expect(alarm.ComparisonOperator).toBe('LessThanThreshold');
      expect(JSON.stringify(alarm)).toContain('"Namespace":"Motcua/Edge"');
    }
  });
});

describe('Stats aggregation (stream consumer)', () => {
  it('deploys the real aggregation handler (streams/aggregate), which exists and exports `handler`', async () => {
    const aggregation = plannedConsumers.statsAggregation;
    expect(aggregation).toMatchObject({ module: 'streams/aggregate' });
    expect(aggregation?.needs).toEqual({ city: 'write', dossiers: 'read' });
    const entry = handlerEntry(aggregation?.module as string);
    expect(entry.endsWith(aggregation?.entry as string)).toBe(true);
    expect(existsSync(entry)).toBe(true);
    const module = (await import(/* @vite-ignore */ '#handlers/streams/aggregate')) as { handler?: unknown };
    expect(typeof module.handler).toBe('function');
  });

  it('consumes the district table stream, bisecting failing batches, with a dead-letter queue', () => {
    const mapping = onlyResource(template, 'AWS::Lambda::EventSourceMapping');
    const table = logicalId(stack.table.table.node.defaultChild as CfnElement);
    expect(mapping.EventSourceArn).toEqual({ 'Fn::GetAtt': [table, 'StreamArn'] });
    expect(mapping.BisectBatchOnFunctionError).toBe(true);
    expect(mapping.FunctionResponseTypes).toEqual(['ReportBatchItemFailures']);
    expect(mapping.StartingPosition).toBe('TRIM_HORIZON');
    const dlq = queues().find(([id]) => id.startsWith('StatsAggregation'))?.[0] as string;
    expect(mapping.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [dlq, 'Arn'] });
  });

  it('alarms on iterator age, errors and dead letters', () => {
    expect(alarmNames()).toEqual(
      expect.arrayContaining([
        'motcua-hai-chau-aggregate-iterator-age',
        'motcua-hai-chau-aggregate-errors',
        'motcua-hai-chau-aggregate-dlq',
      ]),
    );
  });

  it('may read the stream, read the district table and write the city table, and nothing more', () => {
    const consumer = stack.node.findChild('StatsAggregation') as StreamConsumer;
    const role = logicalId(consumer.bundled.role.node.defaultChild as CfnElement);
    const table = logicalId(stack.table.table.node.defaultChild as CfnElement);
    const statements = statementsOfRole(template, role);
    const on = (fragment: string) =>
      statements
        .filter((s) => JSON.stringify(s.Resource).includes(fragment))
        .flatMap((s) => asList(s.Action as string | string[]))
        .filter((a) => a.startsWith('dynamodb:'))
        .sort();
    expect(on('CityTable')).toEqual([...ACTIONS.table.write].sort());
    // On the district table: its stream, and reading its items (the queue fold looks up a
    // ticket's events), never writing them.
    expect(on(`"${table}"`)).toEqual(
      [...ACTIONS.table.read, 'dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator']
        .filter((a, i, all) => all.indexOf(a) === i)
        .sort(),
    );
    for (const s of statements)
      for (const a of asList(s.Action as string | string[])) expect(a).not.toContain('*');
  });
});

describe('Dead-letter queues', () => {
  it('are encrypted and refuse requests without TLS', () => {
    expect(queues()).toHaveLength(2);
    for (const [, q] of queues()) expect(q.Properties.SqsManagedSseEnabled).toBe(true);
    for (const { Properties } of Object.values(resourcesOf(template, 'AWS::SQS::QueuePolicy'))) {
      expect(Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });
});

describe('cdk-nag', () => {
  it('finds nothing unacknowledged in the district with both capabilities', () => {
    const report = new AwsSolutionsChecks().validateScope(synth.app);
    expect(
      report.violations.map(
        (v: Props) => `${v.ruleName} ${v.violatingResources.map((r: Props) => r.constructPath)}`,
      ),
    ).toEqual([]);
  });
});
