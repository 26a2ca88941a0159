import { resolve } from 'node:path';
import type { Node } from 'constructs';
import * as z from 'zod';
import type { District } from '#domain/catalogue/units';
import { districtIds, selectDistricts } from './districts.ts';
import { REPO_ROOT } from './paths.ts';
import { type StageParameters, stages } from './stages.ts';

/** What one synth builds: the stage's parameters, where, and which districts. */
export interface Deployment {
  readonly stage: StageParameters;
  /** Undefined synthesises account-agnostic stacks (the CLI fills it in from the credentials at deploy). */
  readonly account: string | undefined;
  readonly region: string;
  /** The districts whose stacks this synth builds (all unless `-c district=<id>`). */
  readonly districts: readonly District[];
  /** Subscribed to the alarm topic when given (the address confirms by e-mail). */
  readonly alarmEmail: string | undefined;
  /** The built web app (`npm run build`) the city stack uploads: an absolute directory. */
  readonly webDist: string;
}

/** Where `npm run build` puts the web app, relative to the repository root. */
export const DEFAULT_WEB_DIST = 'web/dist';

/** The context keys the app reads (`cdk synth -c key=value`), all optional. */
const Context = z
  .object({
    stage: z.enum(Object.keys(stages) as [keyof typeof stages]).default('production'),
    district: z.string().optional(),
    account: z
      .string()
      .regex(/^\d{12}$/, 'must be 12 digits')
      .optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be a region name such as ap-southeast-1')
      .optional(),
    alarmEmail: z.email().optional(),
    webDist: z.string().min(1).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.district !== undefined && !districtIds.includes(c.district)) {
      ctx.addIssue({
        code: 'custom',
        path: ['district'],
        message: `unknown district '${c.district}': expected one of ${districtIds.join(', ')}`,
      });
    }
  });

/** The deployment context is invalid; the message names every bad key at once. */
export class InvalidDeploymentError extends Error {
  constructor(problems: readonly string[]) {
    super(`invalid deployment context: ${problems.join('; ')}`);
    this.name = 'InvalidDeploymentError';
  }
}

/**
 * Reads and validates the deployment from CDK context, failing fast on unknown values. The
 * account falls back to the one the CLI found in the credentials (`CDK_DEFAULT_ACCOUNT`); the
 * region is the stage's unless `-c region=` overrides it; the web build is `-c webDist=`, else
 * `MOTCUA_WEB_DIST`, else web/dist (relative paths from the repository root).
 */
export function readDeployment(node: Node, env: NodeJS.ProcessEnv = process.env): Deployment {
  const raw = {
    stage: node.tryGetContext('stage'),
    district: node.tryGetContext('district'),
    account: node.tryGetContext('account') ?? env.CDK_DEFAULT_ACCOUNT,
    region: node.tryGetContext('region'),
    alarmEmail: node.tryGetContext('alarmEmail'),
    webDist: node.tryGetContext('webDist') ?? env.MOTCUA_WEB_DIST,
  };
  const parsed = Context.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidDeploymentError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'context'}: ${i.message}`),
    );
  }
  const context = parsed.data;
  const stage = stages[context.stage];
  return {
    stage,
    account: context.account,
    region: context.region ?? stage.region,
    districts: selectDistricts(context.district),
    alarmEmail: context.alarmEmail,
    webDist: resolve(REPO_ROOT, context.webDist ?? DEFAULT_WEB_DIST),
  };
}
