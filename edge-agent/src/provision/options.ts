import { parseArgs } from 'node:util';
import * as z from 'zod';

/**
 * Where Debian's ca-certificates keeps Amazon Root CA 1, the CA of IoT Core's ATS endpoints; the
 * documented default, `--ca` for any other system.
 */
export const DEBIAN_AMAZON_ROOT_CA = '/etc/ssl/certs/Amazon_Root_CA_1.pem';

/**
 * The agent policy and thing type the city stack creates (infra/constructs/agent-policy.ts,
 * `<stage prefix>-ward-agent`): production's names; staging passes `motcua-staging-ward-agent`.
 */
export const DEFAULT_AGENT_POLICY = 'motcua-ward-agent';
export const DEFAULT_THING_TYPE = 'motcua-ward-agent';

/** What `npm run provision` is asked to do. */
export const ProvisionOptions = z.object({
  wardId: z.string().min(1, 'is required (--ward <wardId>)'),
  outDir: z.string().min(1, 'is required (--out <dir>)'),
  policyName: z.string().min(1).default(DEFAULT_AGENT_POLICY),
  thingTypeName: z.string().min(1).default(DEFAULT_THING_TYPE),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as ap-southeast-1')
    .default('ap-southeast-1'),
  caPath: z.string().min(1).default(DEBIAN_AMAZON_ROOT_CA),
  /** Overwrite files left in `outDir` by an earlier run. */
  force: z.boolean().default(false),
});
export type ProvisionOptions = z.infer<typeof ProvisionOptions>;

export const USAGE = `Registers a ward's edge agent in AWS IoT and writes its certificate, key and settings.

Usage: npm run provision -- --ward <wardId> --out <dir> [options]
  --policy <name>      IoT policy to attach (default ${DEFAULT_AGENT_POLICY}, made by the city stack)
  --thing-type <name>  thing type of ward agents (default ${DEFAULT_THING_TYPE})
  --region <region>    default ap-southeast-1
  --ca <path>          Amazon Root CA 1 PEM (default ${DEBIAN_AMAZON_ROOT_CA})
  --force              overwrite the files of an earlier run in <dir>
AWS credentials come from the usual places (AWS_PROFILE, environment, SSO).`;

/** Reads the command line; `help` when asked for it, else the options or every problem at once. */
export function parseProvisionArgs(
  argv: readonly string[],
): { help: true } | { help: false; options: ProvisionOptions } | { help: false; problems: string[] } {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        ward: { type: 'string' },
        out: { type: 'string' },
        policy: { type: 'string' },
        'thing-type': { type: 'string' },
        region: { type: 'string' },
        ca: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { help: false, problems: [(error as Error).message] };
  }
  if (values.help) return { help: true };
  const parsed = ProvisionOptions.safeParse({
    wardId: values.ward ?? '',
    outDir: values.out ?? '',
    policyName: values.policy,
    thingTypeName: values['thing-type'],
    region: values.region,
    caPath: values.ca,
    force: values.force,
  });
  if (parsed.success) return { help: false, options: parsed.data };
  const flag: Record<string, string> = {
    wardId: '--ward',
    outDir: '--out',
    policyName: '--policy',
    thingTypeName: '--thing-type',
    caPath: '--ca',
  };
  return {
    help: false,
    problems: parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      return `${flag[key] ?? `--${key}`}: ${i.message}`;
    }),
  };
}
