import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validations } from 'aws-cdk-lib';
import type { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESBUILD } from '#infra/config/bundling';
import { districtIds } from '#infra/config/districts';
import { REPO_ROOT } from '#infra/config/paths';
import { runtimePackagesFor } from '#infra/config/runtime-packages';
import type { StreamConsumer } from '#infra/constructs/stream-consumer';
import { type Synthesised, synthMotcua } from './support/synth.ts';
import type { Props } from './support/template.ts';

/** The one district whose Lambdas are bundled for real; the others skip bundling to keep this fast. */
const BUNDLED = 'motcua-district-hai-chau';

let synth: Synthesised;

beforeAll(async () => {
  synth = await synthMotcua({ bundle: [BUNDLED] });
}, 300_000);
afterAll(() => synth?.dispose());

describe('The app', () => {
  it('synthesises the city stack and one stack per district of the unit configuration', () => {
    expect(synth.city.stackName).toBe('motcua-city');
    expect(synth.districts.map((d) => d.stackName)).toEqual(districtIds.map((id) => `motcua-district-${id}`));
    expect(districtIds).toHaveLength(7);
  });

  it('needs no context lookup, so synth never calls AWS', () => {
    const manifest = synth.app.synth().manifest;
    expect(manifest.missing ?? []).toEqual([]);
  });

  it('keeps the CLI quiet and offline: no notices, no telemetry', () => {
    const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8'));
    expect(cdkJson.notices).toBe(false);
    expect(cdkJson.context['cli-telemetry']).toBe(false);
  });

  it('builds the same city stack whichever district a synth selects', async () => {
    const one = await synthMotcua({ context: { district: 'son-tra' } });
    try {
      expect(one.template(one.city).toJSON()).toEqual(synth.template(synth.city).toJSON());
    } finally {
      one.dispose();
    }
  }, 60_000);
});

describe('IAM across every stack', () => {
  it('uses no action wildcard in any policy', () => {
    for (const stack of [synth.city, ...synth.districts]) {
      const template = synth.template(stack).toJSON() as { Resources: Record<string, Props> };
      for (const resource of Object.values(template.Resources)) {
        const documents: Props[] =
          resource.Type === 'AWS::IAM::Policy'
            ? [resource.Properties.PolicyDocument]
            : resource.Type === 'AWS::IAM::Role'
              ? (resource.Properties.Policies ?? []).map((p: Props) => p.PolicyDocument)
              : [];
        for (const statement of documents.flatMap((d) => d.Statement as Props[])) {
          for (const action of [statement.Action].flat()) expect(action, stack.stackName).not.toContain('*');
        }
      }
    }
  });
});

describe('cdk-nag AwsSolutions', () => {
  it('reports no finding that is not acknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(synth.app);
    expect(
      report.violations.map((v: Props) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`),
    ).toEqual([]);
  });

  it('gives every acknowledgement a reason of one sentence', () => {
    const acknowledgements: [string, string][] = [];
    const visit = (c: IConstruct) => {
      for (const entry of c.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
          if (id.includes('AwsSolutions-')) acknowledgements.push([id, reason]);
        }
      }
      for (const child of c.node.children) visit(child);
    };
    visit(synth.app);
    expect(acknowledgements.length).toBeGreaterThan(0);
    for (const [id, reason] of acknowledgements) {
      expect(reason, id).toMatch(/^[A-Z`].*\.$/);
      expect(reason.replace(/\be\.g\./g, '').slice(0, -1), id).not.toMatch(/[.!?]\s/);
    }
  });
});

describe('Bundling', () => {
  /** Every Lambda of a district: one per route, the agent ingest and the stats aggregation. */
  const assets = (stackIndex: number) => {
    const stack = synth.districts[stackIndex];
    const functions = (stack?.routeFunctions ?? []).map((f) => ({ module: f.route.module, fn: f.fn }));
    if (stack?.agentIngest) functions.push({ module: 'queue/ingest', fn: stack.agentIngest.bundled.fn });
    const aggregation = stack?.node.tryFindChild('StatsAggregation') as StreamConsumer | undefined;
    if (aggregation) functions.push({ module: 'streams/aggregate', fn: aggregation.bundled.fn });
    return functions.map(({ module, fn }) => ({ module, asset: fn.node.findChild('Code') as Asset }));
  };

  it('bundles each Lambda of one district, the event consumers included, into a minified ESM file with the require shim', () => {
    expect(assets(0).map((a) => a.module)).toEqual(
      expect.arrayContaining(['queue/ingest', 'streams/aggregate']),
    );
    for (const { module, asset } of assets(0)) {
      expect(asset.assetPath, module).toMatch(/^asset\.[0-9a-f]{64}$/);
      const code = readFileSync(join(synth.outdir, asset.assetPath, 'index.mjs'), 'utf8');
      expect(code.startsWith(ESBUILD.banner), module).toBe(true);
      // Minified: long lines. Unminified code averages well under 100 characters a line; the
      // short lines left in a minified bundle are the inside of zod's code-generating template
      // literals, which bring a small bundle such as health's down to about 2,000.
      expect(code.length / code.split('\n').length, module).toBeGreaterThan(1_000);
    }
  });

  it('installs the font package beside the bundles of the routes that draw forms', () => {
    const withFont = assets(0).filter(({ module }) =>
      runtimePackagesFor(module).includes('dejavu-fonts-ttf'),
    );
    for (const { module, asset } of assets(0)) {
      const font = join(
        synth.outdir,
        asset.assetPath,
        'node_modules',
        'dejavu-fonts-ttf',
        'ttf',
        'DejaVuSans.ttf',
      );
      expect(existsSync(font), module).toBe(withFont.some((f) => f.module === module));
    }
  });

  it('skips bundling in the other districts (their asset is the unbundled source folder)', () => {
    for (const { asset } of assets(1)) expect(asset.assetPath).not.toMatch(/^asset\./);
  });
});
