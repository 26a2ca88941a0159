/**
 * Alarm thresholds, shared by every district; infra/README.md says what each alarm means and
 * what to do when it fires.
 */
export const alarmThresholds = {
  /** API answers with 5xx in 5 minutes (handler crashes, timeouts, Lambda throttles). */
  api5xxPer5Minutes: 5,
  /** Lambda invocations refused for concurrency in 5 minutes. */
  lambdaThrottlesPer5Minutes: 1,
  /** Messages waiting in a dead-letter queue: each is an event that was not processed. */
  deadLetterMessages: 1,
  /** Age of the oldest unprocessed stream record: dashboards fall behind beyond this. */
  iteratorAgeSeconds: 300,
  /** A ward agent that reported no `online` status for this long is offline. */
  agentOfflineMinutes: 15,
} as const;
