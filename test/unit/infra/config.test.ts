import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { describe, expect, it } from 'vitest';
import { routes } from '#api/routes';
import { scansBucketName } from '#infra/buckets';
import { ESBUILD, esbuildOptions, lambdaBundling } from '#infra/config/bundling';
import { readDeployment } from '#infra/config/deployment';
import { districtIds, selectDistricts } from '#infra/config/districts';
import { tuningFor } from '#infra/config/functions';
import { MAX_BUCKET_NAME, names } from '#infra/config/names';
import { REPO_ROOT } from '#infra/config/paths';
import { deployedRoutes, isPublicLookup } from '#infra/config/routes';
import { RUNTIME_PACKAGES_LOCK, runtimePackages, runtimePackagesFor } from '#infra/config/runtime-packages';
import { StageParameters, stages } from '#infra/config/stages';
import { checkWebBuild, MissingWebBuildError } from '#infra/config/web-build';

const deployment = (context: Record<string, string>, env: NodeJS.ProcessEnv = {}) =>
  readDeployment(new App({ context }).node, env);

describe('Deployment context', () => {
  it('builds production, every district, in the stage region by default', () => {
    const d = deployment({});
    expect(d.stage.name).toBe('production');
    expect(d.region).toBe('ap-southeast-1');
    expect(d.districts.map((x) => x.id)).toEqual(districtIds);
    expect(d.account).toBeUndefined();
  });

  it('builds one district with -c district=<id>', () => {
    expect(deployment({ district: 'son-tra' }).districts.map((x) => x.id)).toEqual(['son-tra']);
  });

  it('takes the account from the CLI credentials when the context names none', () => {
    expect(deployment({}, { CDK_DEFAULT_ACCOUNT: '123456789012' }).account).toBe('123456789012');
  });

  it('fails on an unknown district, naming the known ones', () => {
    expect(() => deployment({ district: 'hoang-sa' })).toThrow(
      `invalid deployment context: district: unknown district 'hoang-sa': expected one of ${districtIds.join(', ')}`,
    );
    expect(() => selectDistricts('hoang-sa')).toThrow(/unknown district 'hoang-sa'/);
  });

  it('uploads web/dist unless -c webDist= or MOTCUA_WEB_DIST names another build (relative to the repository)', () => {
    expect(deployment({}).webDist).toBe(join(REPO_ROOT, 'web', 'dist'));
    expect(deployment({}, { MOTCUA_WEB_DIST: 'build/web' }).webDist).toBe(join(REPO_ROOT, 'build', 'web'));
    expect(deployment({ webDist: '/srv/web' }, { MOTCUA_WEB_DIST: 'build/web' }).webDist).toBe('/srv/web');
  });

  it('names every bad value at once', () => {
    let message = '';
    try {
      deployment({ stage: 'dev', account: '42', alarmEmail: 'not-an-address', region: 'Singapore' });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const key of ['stage:', 'account:', 'alarmEmail:', 'region:']) expect(message).toContain(key);
  });
});

describe('Web build', () => {
  it('accepts a directory with index.html and assets/', () => {
    const fixture = join(REPO_ROOT, 'test', 'fixtures', 'web-dist');
    expect(checkWebBuild(fixture)).toBe(fixture);
  });

  it('fails on a missing build, naming the directory and how to build it', () => {
    const missing = join(REPO_ROOT, 'test', 'fixtures', 'no-such-build');
    expect(() => checkWebBuild(missing)).toThrow(MissingWebBuildError);
    expect(() => checkWebBuild(missing)).toThrow(
      `${join(missing, 'index.html')} or ${join(missing, 'assets')} is missing. Run \`npm run build\` first`,
    );
  });

  it('fails on a directory without the hashed assets (not a Vite build)', () => {
    expect(() => checkWebBuild(join(REPO_ROOT, 'test', 'fixtures', 'web-dist', 'assets'))).toThrow(
      MissingWebBuildError,
    );
  });
});

describe('Stage parameters', () => {
  it.each(Object.values(stages))('$name passes its own schema', (stage) => {
    expect(StageParameters.safeParse(stage).success).toBe(true);
  });

  it.each(Object.values(stages))('$name gives every district a scans bucket name S3 accepts', (stage) => {
    for (const id of districtIds) {
      const name = scansBucketName(names.bucketPrefix(stage, '123456789012', stage.region), id);
      expect(name.length, name).toBeLessThanOrEqual(MAX_BUCKET_NAME);
      expect(name).toMatch(/^[a-z0-9][a-z0-9-]+[a-z0-9]$/);
    }
  });

  it('rejects a log retention CloudWatch does not offer', () => {
    expect(StageParameters.safeParse({ ...stages.production, logRetentionDays: 42 }).success).toBe(false);
  });
});

describe('Routes as deployed', () => {
  it('reads the access rule of every route from its handler', async () => {
    const deployed = await deployedRoutes();
    expect(deployed).toHaveLength(routes.length);
    for (const route of deployed) {
      expect(route.access, route.module).toBeDefined();
      expect(route.entry).toBe(join(REPO_ROOT, 'functions', 'handlers', `${route.module}.ts`));
    }
  });

  it('fails the synth for a route whose handler has no access rule', async () => {
    await expect(
      deployedRoutes([
        {
          method: 'GET',
          path: '/v1/nothing',
          module: '../../test/unit/infra/fixtures/noop-handler',
          needs: {},
        },
      ]),
    ).rejects.toThrow(/exports no handler with an access rule/);
  });

  it('treats the public dossier lookup as the public lookup, and the public queue board not', () => {
    expect(routes.filter(isPublicLookup).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/public/dossiers/{code}',
    ]);
    expect(routes.some((r) => r.path === '/v1/public/wards/{wardId}/queue')).toBe(true);
  });
});

describe('Bundling', () => {
  it('gives NodejsFunction and the benchmark the same esbuild settings', () => {
    const module = 'dossiers/create';
    const cdk = lambdaBundling(module);
    const api = esbuildOptions(module, 'in.ts', 'out.mjs');
    expect(cdk.target).toBe(api.target);
    expect(cdk.format).toBe(OutputFormat.ESM);
    expect(api.format).toBe(ESBUILD.format);
    expect(cdk.minify).toBe(api.minify);
    expect(cdk.sourceMap).toBe(api.sourcemap);
    expect(cdk.mainFields).toEqual(api.mainFields);
    expect(cdk.banner).toBe(api.banner?.js);
    expect([...(cdk.externalModules ?? []), ...(cdk.nodeModules ?? [])]).toEqual(api.external);
  });

  it('bundles the SDK instead of relying on the runtime copy', () => {
    expect(lambdaBundling('dossiers/get').externalModules).toEqual([]);
  });

  it('installs the font beside the form routes only', () => {
    expect(runtimePackagesFor('forms/receipt')).toEqual(['dejavu-fonts-ttf']);
    expect(lambdaBundling('forms/receipt').nodeModules).toEqual(['dejavu-fonts-ttf']);
    expect(runtimePackagesFor('documents/create')).toEqual([]);
    expect(runtimePackagesFor('dossiers/create')).toEqual([]);
    expect(lambdaBundling('dossiers/create').nodeModules).toBeUndefined();
    expect(esbuildOptions('forms/receipt', 'in.ts', 'out.mjs').external).toEqual(['dejavu-fonts-ttf']);
  });

  it('keeps the runtime-packages lock file at the versions of the root lock file', () => {
    const root = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8'));
    const own = JSON.parse(readFileSync(RUNTIME_PACKAGES_LOCK, 'utf8'));
    for (const { name } of runtimePackages) {
      const want = root.packages[`node_modules/${name}`];
      expect(own.packages[`node_modules/${name}`], name).toMatchObject({
        version: want.version,
        integrity: want.integrity,
      });
      expect(own.packages[''].dependencies[name]).toBe(want.version);
    }
  });

  it('gives the form routes more memory and time for drawing PDFs', () => {
    expect(tuningFor('forms/receipt').memoryMiB).toBeGreaterThan(tuningFor('dossiers/get').memoryMiB);
  });
});
