import type { Ward } from '#domain/catalogue/units';
import type { AgentSnapshot, DeviceView } from './agent-api.ts';
import type { QueueState } from './queue/state.ts';
import type { WardConfig } from './ward-config.ts';

/** The live picture for the LAN pages, derived from the queue state of today. */
export function toSnapshot(input: {
  ward: Ward;
  config: WardConfig;
  state: Readonly<QueueState>;
  cloud: { online: boolean; outboxDepth: number };
  devices: readonly DeviceView[];
}): AgentSnapshot {
  const { state, config } = input;
  const tickets = [...state.tickets.values()];
  return {
    ward: { id: input.ward.id, name: input.ward.name },
    day: state.day,
    cloud: input.cloud,
    counters: [...state.counters.values()].map((c) => ({
      counter: c.number,
      fields: c.fields,
      ...(c.clerk ? { clerk: c.clerk } : {}),
      ...(c.serving ? { serving: c.serving } : {}),
    })),
    fields: config.queue.fields.map((f) => {
      const mine = tickets.filter((t) => t.field === f.id);
      return {
        field: f.id,
        name: f.name,
        prefix: f.prefix,
        waiting: mine.filter((t) => t.status === 'waiting').length,
        issuedToday: tickets.filter((t) => t.number.startsWith(f.prefix)).length,
        servedToday: mine.filter((t) => t.status === 'served').length,
        noShowToday: mine.filter((t) => t.status === 'no_show').length,
      };
    }),
    recentCalls: state.recentCalls,
    devices: input.devices,
  };
}
