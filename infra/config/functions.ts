/** Memory, timeout and reserved concurrency of a Lambda. */
export interface FunctionTuning {
  readonly memoryMiB: number;
  readonly timeoutSeconds: number;
}

/** Every route's Lambda unless a prefix below says otherwise; API Gateway gives up at 29 s anyway. */
export const DEFAULT_TUNING: FunctionTuning = { memoryMiB: 512, timeoutSeconds: 10 };

/** Per module prefix (`forms/` = every module under forms/). */
const TUNING_BY_PREFIX: Readonly<Record<string, Partial<FunctionTuning>>> = {
  // PDF rendering with embedded fonts is the one CPU-heavy route family; Lambda CPU scales with memory.
  'forms/': { memoryMiB: 1024, timeoutSeconds: 20 },
};

/** The tuning of a route module. */
export function tuningFor(module: string): FunctionTuning {
  const match = Object.entries(TUNING_BY_PREFIX).find(([prefix]) => module.startsWith(prefix));
  return { ...DEFAULT_TUNING, ...match?.[1] };
}
