import type { RouteNeeds } from '#api/routes';

/** The agent → cloud topics (ARCHITECTURE §4) an ingest handler can be fed. */
export type AgentTopic = 'events' | 'status';

/** An event-driven handler of the district: its source file and what it may touch. */
export interface ConsumerSpec {
  /** Source file relative to the repository root, exporting `handler`. */
  readonly entry: string;
  /** Module name, for bundling and tuning. */
  readonly module: string;
  readonly needs: Pick<RouteNeeds, 'dossiers' | 'city'>;
}

/**
 * The district's event-driven capabilities. Each is deployed to every district once its handler
 * exists; until then it is undefined and nothing of it is deployed (the tests build it with a
 * fixture handler, so the wiring is checked all the same).
 */
export interface DistrictConsumers {
  /** IoT topic rules → ingest Lambda: queue events and agent status. */
  readonly agentIngest?: ConsumerSpec & { readonly topics: readonly AgentTopic[] };
  /** District table stream → aggregation Lambda → stats in the city table (the dashboards). */
  readonly statsAggregation?: ConsumerSpec;
}

/**
 * What the app deploys today. The agent ingest is the queue's handler: it stores events
 * (idempotently) and each agent's presence in the district table, and puts the `AgentOnline`
 * metric the offline alarms watch. The stats aggregation folds the district table's stream into
 * the city table's counters (the consumer construct grants the stream); it reads the district
 * table's queue events too, for a ticket's counter and clerk, and never writes there.
 */
export const plannedConsumers: DistrictConsumers = {
  agentIngest: {
    entry: 'functions/handlers/queue/ingest.ts',
    module: 'queue/ingest',
    topics: ['events', 'status'],
    needs: { dossiers: 'write' },
  },
  statsAggregation: {
    entry: 'functions/handlers/streams/aggregate.ts',
    module: 'streams/aggregate',
    // The queue fold reads a ticket's events from the district table to know its counter and clerk.
    needs: { city: 'write', dossiers: 'read' },
  },
};
