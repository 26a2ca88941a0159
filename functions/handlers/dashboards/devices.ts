import { readDeviceDays } from '#adapters/dashboards-reader';
import { findPresence } from '#adapters/queue-presence';
import { getWard } from '#api/params';
import { deviceDays, onlineByDay } from '#domain/stats/dashboards-devices';
import { WardDaysQuery } from '#domain/stats/dashboards-scope';
import { addDays, localInstant, toLocalIso } from '#domain/time';
import { dashboardHandler } from './dashboard-handler.ts';

/**
 * `GET /v1/dashboards/devices?scope=ward:<id>&from=&to=`: per day, how long the ward's agent was
 * online and how often its ticket printer raised an alert. An agent online now also counts the
 * time since its last status, which no status has closed yet.
 */
export const handler = dashboardHandler(WardDaysQuery, async ({ query, now }) => {
  const ward = getWard(query.scope.kind === 'ward' ? query.scope.wardId : '');
  const [stored, presence] = await Promise.all([
    readDeviceDays(ward.id, query.from, query.to),
    findPresence(ward),
  ]);
  const end = Math.min(now.getTime(), localInstant(addDays(query.to, 1)).getTime());
  const live = presence?.online ? onlineByDay(presence.lastSeenAt, toLocalIso(new Date(end))) : undefined;
  const days = deviceDays(query.from, query.to, stored, live);
  const sum = (k: 'onlineMinutes' | 'printerAlerts' | 'paperOut' | 'paperLow') =>
    days.reduce((n, d) => n + d[k], 0);
  return {
    agent: presence ? { online: presence.online, lastSeenAt: presence.lastSeenAt } : null,
    days,
    totals: {
      onlineMinutes: sum('onlineMinutes'),
      printerAlerts: sum('printerAlerts'),
      paperOut: sum('paperOut'),
      paperLow: sum('paperLow'),
    },
  };
});
