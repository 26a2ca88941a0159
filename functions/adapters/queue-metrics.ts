import type { Ward } from '#domain/catalogue/units';

/**
 * `AGENT_ONLINE_METRIC` of infra/constructs/agent-ingest.ts, whose per-ward alarms treat a
 * missing value as offline. Repeated here rather than imported: that file pulls in the CDK,
 * which must not end up in a Lambda bundle.
 */
const NAMESPACE = 'Motcua/Edge';
const METRIC = 'AgentOnline';

/**
 * Puts the agent's presence (1 online, 0 offline) as one embedded-metric-format line on
 * stdout, which CloudWatch Logs turns into the metric; no API call, no extra permission. Only
 * inside Lambda: locally there is nobody to read it.
 */
export function putAgentOnline(ward: Ward, online: boolean, now: Date): void {
  if (!process.env.AWS_LAMBDA_FUNCTION_NAME) return;
  const line = {
    _aws: {
      Timestamp: now.getTime(),
      CloudWatchMetrics: [
        {
          Namespace: NAMESPACE,
          Dimensions: [['District', 'Ward']],
          Metrics: [{ Name: METRIC, Unit: 'Count' }],
        },
      ],
    },
    District: ward.districtId,
    Ward: ward.id,
    [METRIC]: online ? 1 : 0,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
