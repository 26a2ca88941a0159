import type { DeviceDay } from '../../../../functions/domain/stats/dashboards-devices.ts';
import type {
  DossierDashboard,
  OverdueEntry,
} from '../../../../functions/domain/stats/dashboards-dossiers.ts';
import type { Bucket } from '../../../../functions/domain/stats/dashboards-periods.ts';
import type { QueueDashboard } from '../../../../functions/domain/stats/dashboards-queue.ts';
import type { SatisfactionDashboard } from '../../../../functions/domain/stats/dashboards-satisfaction.ts';
import type { Interval } from '../../../../functions/domain/stats/dashboards-scope.ts';
import type {
  Report06aFigures,
  Report06aRow,
  ReportBy,
} from '../../../../functions/domain/stats/report-06a.ts';
import { api } from '../../shared/api/client.ts';
import type { Period } from './period.ts';
import { formatScope, type Scope } from './scope.ts';

export type { Bucket, Interval, OverdueEntry, Report06aFigures, Report06aRow, ReportBy };

/** What every dashboard answer starts with. */
interface Head {
  readonly scope: string;
  readonly name: string;
  readonly from: string;
  readonly to: string;
}

export type DossiersAnswer = Head & DossierDashboard & { interval: Interval; overdue: OverdueEntry[] };
export type QueueAnswer = Head & QueueDashboard;
export type SatisfactionAnswer = Head & SatisfactionDashboard & { interval: Interval };
export interface DevicesAnswer extends Head {
  readonly agent: { online: boolean; lastSeenAt: string } | null;
  readonly days: DeviceDay[];
  readonly totals: { onlineMinutes: number; printerAlerts: number; paperOut: number; paperLow: number };
}
export interface Report06aAnswer extends Head {
  readonly by: ReportBy;
  readonly generatedAt: string;
  readonly rows: Report06aRow[];
  readonly totals: Report06aFigures;
}

/** Where a request for a scope goes and what it asks. */
export interface Ask {
  readonly scope: Scope;
  readonly period: Pick<Period, 'from' | 'to'>;
  /** The district whose API answers; any API answers for the city. */
  readonly district: string | undefined;
}

function get<T>(path: string, ask: Ask, signal: AbortSignal, extra: Record<string, string> = {}) {
  return api<T>(path, {
    query: { scope: formatScope(ask.scope), from: ask.period.from, to: ask.period.to, ...extra },
    signal,
    ...(ask.district ? { district: ask.district } : {}),
  });
}

export const loadDossiers = (ask: Ask, signal: AbortSignal) =>
  get<DossiersAnswer>('/v1/dashboards/dossiers', ask, signal);
export const loadQueue = (ask: Ask, signal: AbortSignal) =>
  get<QueueAnswer>('/v1/dashboards/queue', ask, signal);
export const loadSatisfaction = (ask: Ask, signal: AbortSignal) =>
  get<SatisfactionAnswer>('/v1/dashboards/satisfaction', ask, signal);
export const loadDevices = (ask: Ask, signal: AbortSignal) =>
  get<DevicesAnswer>('/v1/dashboards/devices', ask, signal);
export const loadReport = (ask: Ask, by: ReportBy, signal: AbortSignal) =>
  get<Report06aAnswer>('/v1/reports/06a', ask, signal, { by, format: 'json' });

/** The longest range the devices dashboard reads (a row per day). */
export const DEVICE_MAX_DAYS = 92;
