import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { Route } from '#api/routes';
import type { DistrictConsumers } from '#infra/config/consumers';
import { readDeployment } from '#infra/config/deployment';
import { deployedRoutes } from '#infra/config/routes';
import { addMotcuaStacks, type MotcuaStacks } from '#infra/stacks/motcua-app';

/** The dummy account of the tests; synth needs no credentials and makes no AWS call. */
export const TEST_ACCOUNT = '123456789012';

/** A two-file stand-in for the web build, so the tests need no `npm run build`. */
export const WEB_DIST_FIXTURE = 'test/fixtures/web-dist';

export interface SynthOptions {
  /** CDK context, as `-c key=value` would give it. */
  readonly context?: Record<string, string>;
  /** Stack ids to bundle for real; none by default, which keeps a synth to seconds. */
  readonly bundle?: readonly string[];
  readonly consumers?: DistrictConsumers;
  /** Routes to deploy instead of functions/api/routes.ts. */
  readonly routes?: readonly Route[];
}

export interface Synthesised extends MotcuaStacks {
  readonly app: App;
  /** The cloud assembly directory (bundled assets live here); `dispose` deletes it. */
  readonly outdir: string;
  template(stack: Stack): Template;
  dispose(): void;
}

/** Builds the app exactly as infra/bin/motcua.ts does, with test context, and synthesises it. */
export async function synthMotcua(options: SynthOptions = {}): Promise<Synthesised> {
  const outdir = mkdtempSync(join(tmpdir(), 'motcua-cdk-'));
  const app = new App({
    outdir,
    context: {
      account: TEST_ACCOUNT,
      webDist: WEB_DIST_FIXTURE,
      ...options.context,
      'aws:cdk:bundling-stacks': [...(options.bundle ?? [])],
    },
  });
  const dispose = () => rmSync(outdir, { recursive: true, force: true });
  let stacks: MotcuaStacks;
  let assembly: ReturnType<App['synth']>;
  try {
    const routes = await deployedRoutes(options.routes);
    stacks = addMotcuaStacks(app, readDeployment(app.node, {}), routes, options.consumers);
    assembly = app.synth();
  } catch (error) {
    dispose();
    throw error;
  }
  return {
    ...stacks,
    app,
    outdir,
    template: (stack) => Template.fromJSON(assembly.getStackByName(stack.stackName).template),
    dispose,
  };
}

/** The logical id a construct's CloudFormation resource has in its template. */
export function logicalId(element: CfnElement): string {
  return element.stack.resolve(element.logicalId) as string;
}
