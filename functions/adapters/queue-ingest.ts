import { AgentMessage, wardOfMessage } from '#domain/queue/agent-message';
import { presenceOf } from '#domain/queue/agent-presence';
import { parseQueueEvent } from '#domain/queue/event-input';
import { AgentStatus } from '../../edge-agent/src/cloud/topics.ts';
import { logger } from './logger.ts';
import { ingestQueueEvent } from './queue-events.ts';
import { putAgentOnline } from './queue-metrics.ts';
import { recordPresence } from './queue-presence.ts';

/** What became of one agent message. */
export interface IngestReport {
  readonly wardId?: string;
  readonly kind?: 'events' | 'status';
  /** Events stored and folded in. */
  readonly ingested: number;
  /** Events stored before (replays, redeliveries): nothing changed. */
  readonly duplicates: number;
  /** Events that failed validation, or a whole message that did. */
  readonly skipped: number;
  /** For a status: stored, older than the stored one, or unreadable. */
  readonly status?: 'stored' | 'stale' | 'invalid';
}

/**
 * Ingests one message of an agent. A message that cannot be attributed or read is logged and
 * dropped, since retrying cannot fix it; a storage failure throws, so the invocation is retried
 * and, the events being idempotent, the retry finishes what this one began.
 */
export async function ingestAgentMessage(input: unknown, receivedAt: Date): Promise<IngestReport> {
  const message = AgentMessage.safeParse(input);
  const ward = message.success ? wardOfMessage(message.data) : undefined;
  if (!message.success || !ward) {
    logger.error('agent message dropped: no ward of ours in its topic', {
      district: message.success ? message.data.district : undefined,
      ward: message.success ? message.data.ward : undefined,
    });
    return { ingested: 0, duplicates: 0, skipped: 1 };
  }
  if (message.data.kind === 'status') {
    const status = AgentStatus.safeParse(message.data);
    if (!status.success) {
      logger.warn('agent status dropped: invalid', { wardId: ward.id, problems: problemsOf(status.error) });
      return { wardId: ward.id, kind: 'status', ingested: 0, duplicates: 0, skipped: 1, status: 'invalid' };
    }
    putAgentOnline(ward, status.data.online, receivedAt);
    const outcome = await recordPresence(ward, presenceOf(status.data, receivedAt));
    return { wardId: ward.id, kind: 'status', ingested: 0, duplicates: 0, skipped: 0, status: outcome };
  }
  const events: unknown[] = Array.isArray(message.data.events) ? message.data.events : [];
  if (events.length === 0) logger.warn('agent events dropped: no `events` array', { wardId: ward.id });
  let ingested = 0;
  let duplicates = 0;
  let skipped = events.length === 0 ? 1 : 0;
  // One after another: every event of the day updates the same figures item.
  for (const raw of events) {
    const parsed = parseQueueEvent(raw);
    if (!parsed.ok) {
      skipped += 1;
      // Ids, types and field paths only: no values, so nothing personal can reach the logs.
      logger.warn('queue event skipped: invalid', { wardId: ward.id, ...parsed.rejected });
      continue;
    }
    const outcome = await ingestQueueEvent(ward, parsed.event, receivedAt);
    if (outcome === 'ingested') ingested += 1;
    else duplicates += 1;
  }
  const report = { wardId: ward.id, kind: 'events' as const, ingested, duplicates, skipped };
  logger.info('queue events ingested', report);
  return report;
}

function problemsOf(error: { issues: { path: PropertyKey[]; code: string }[] }): string[] {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(status)'}: ${i.code}`);
}
