import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { selectDistricts } from '../config/districts.ts';
import { names } from '../config/names.ts';
import { REPO_ROOT } from '../config/paths.ts';
import { type StageName, stages } from '../config/stages.ts';

/**
 * `npm run deploy -- --district <id> [--stage production|staging] [cdk options…]`: deploys the
 * city stack, then that district's, with the credentials of the shell (`--profile` and any other
 * option is passed to `cdk deploy`).
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

try {
  const { district, stage, rest } = parse(process.argv.slice(2));
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
