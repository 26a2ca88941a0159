import * as z from 'zod';

/** Log retention periods CloudWatch Logs accepts (days). */
const RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 3653,
] as const;

const positive = z.number().int().positive();

/**
 * The parameters of one stage (BLEA style): everything that differs between staging and
 * production is here, typed, and validated when the app starts, so a bad value fails the
 * synth instead of a deploy.
 */
export const StageParameters = z.object({
  name: z.enum(['production', 'staging']),
  /** First part of every physical name: stacks, tables (`MOTCUA_TABLE_PREFIX`), buckets. */
  prefix: z.string().regex(/^[a-z][a-z0-9-]{1,15}$/),
  /** Region of every stack; Singapore is the closest region to Đà Nẵng. */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/),
  /** Retention of Lambda, API access and IoT logs. */
  logRetentionDays: z.number().refine((d) => (RETENTION_DAYS as readonly number[]).includes(d), {
    message: `must be one of ${RETENTION_DAYS.join(', ')}`,
  }),
  /** API Gateway stage-wide throttling of one district's API (requests per second). */
  apiThrottle: z.object({ rateLimit: positive, burstLimit: positive }),
  /** The public dossier lookup: the one route open to the internet that reads personal data. */
  publicLookup: z.object({
    /** Method throttling (requests per second across all callers). */
    rateLimit: positive,
    burstLimit: positive,
    /** WAF rate-based rule: requests per client IP per 5 minutes (WAF's minimum is 10). */
    wafLimitPer5Minutes: z.number().int().min(10),
    /** Reserved concurrency of its Lambda, so a flood cannot starve the staff routes. */
    reservedConcurrency: positive,
  }),
  /** Reserved concurrency of the agent ingest Lambda: a replay storm after an outage cannot starve the API. */
  agentIngestConcurrency: positive,
  /** WAF rate-based rule for every route: requests per client IP per 5 minutes (a ward office shares one IP). */
  wafLimitPerIpPer5Minutes: z.number().int().min(10),
  /**
   * Default object-lock retention of scanned documents; undefined leaves objects unlocked unless
   * a function locks one. GOVERNANCE lets the archive officer (s3:BypassGovernanceRetention)
   * correct a wrongly scanned page; COMPLIANCE locks even against the account root.
   */
  scansRetention: z
    .object({ mode: z.enum(['GOVERNANCE', 'COMPLIANCE']), years: z.number().int().min(1).max(100) })
    .optional(),
  /** IoT Core logging level (account-wide in the region). */
  iotLogLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'DISABLED']),
});
export type StageParameters = z.infer<typeof StageParameters>;

/** The stages and their parameters; `-c stage=<name>` picks one (production by default). */
export const stages = {
  production: {
    name: 'production',
    prefix: 'motcua',
    region: 'ap-southeast-1',
    logRetentionDays: 365,
    apiThrottle: { rateLimit: 200, burstLimit: 400 },
    publicLookup: { rateLimit: 20, burstLimit: 40, wafLimitPer5Minutes: 100, reservedConcurrency: 10 },
    wafLimitPerIpPer5Minutes: 3000,
    agentIngestConcurrency: 20,
    // Assumption to confirm with the city archive (Sở Nội vụ): the retention schedule of
    // administrative-procedure dossiers; documents the law keeps longer get a per-object lock.
    scansRetention: { mode: 'GOVERNANCE', years: 10 },
    iotLogLevel: 'WARN',
  },
  staging: {
    name: 'staging',
    prefix: 'motcua-staging',
    region: 'ap-southeast-1',
    logRetentionDays: 30,
    apiThrottle: { rateLimit: 20, burstLimit: 40 },
    publicLookup: { rateLimit: 5, burstLimit: 10, wafLimitPer5Minutes: 100, reservedConcurrency: 2 },
    wafLimitPerIpPer5Minutes: 3000,
    agentIngestConcurrency: 2,
    scansRetention: undefined,
    iotLogLevel: 'INFO',
  },
} as const satisfies Record<StageParameters['name'], StageParameters>;

export type StageName = keyof typeof stages;
