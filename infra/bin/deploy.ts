import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DEFAULT_WEB_DIST } from '../config/deployment.ts';
import { selectDistricts } from '../config/districts.ts';
import { names } from '../config/names.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { type StageName, stages } from '../config/stages.ts';
import { checkWebBuild } from '../config/web-build.ts';

/**
 * `npm run deploy -- --district <id> [--stage production|staging] [cdk options…]`: deploys the
 * city stack, then that district's, with the credentials of the shell (`--profile` and any other
 * option is passed to `cdk deploy`). The city stack uploads the web build, so `npm run build`
 * comes first; without a build nothing is deployed.
 */
function parse(argv: readonly string[]): { district: string; stage: StageName; rest: string[] } {
  let district: string | undefined;
  let stage: string = 'production';
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--district') district = argv[++i];
    else if (arg === '--stage') stage = argv[++i] ?? '';
    else rest.push(arg);
  }
  if (!district)
    throw new Error('usage: npm run deploy -- --district <id> [--stage production|staging] [cdk options]');
  if (!(stage in stages))
    throw new Error(`unknown stage '${stage}': expected one of ${Object.keys(stages).join(', ')}`);
  selectDistricts(district);
  return { district, stage: stage as StageName, rest };
}

/** The build the app will upload: `-c webDist=` among the cdk options, else MOTCUA_WEB_DIST, else web/dist. */
function webDistOf(rest: readonly string[]): string {
  const context = rest
    .map((arg, i) => (arg === '-c' || arg === '--context' ? rest[i + 1] : undefined))
    .find((value) => value?.startsWith('webDist='));
  return resolve(
    REPO_ROOT,
    context?.slice('webDist='.length) ?? process.env.MOTCUA_WEB_DIST ?? DEFAULT_WEB_DIST,
  );
}

try {
  const { district, stage, rest } = parse(process.argv.slice(2));
  checkWebBuild(webDistOf(rest));
  const params = stages[stage];
  const args = [
    'deploy',
    names.cityStack(params),
    names.districtStack(params, district),
    '-c',
    `stage=${stage}`,
    '-c',
    `district=${district}`,
    ...rest,
  ];
  console.log(`cdk ${args.join(' ')}`);
  const result = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'cdk'), args, {
    stdio: 'inherit',
    cwd: REPO_ROOT,
  });
  process.exit(result.status ?? 1);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
