import type { ReportBy } from './api.ts';
import { type Period, periodParams } from './period.ts';
import { formatScope, type Scope } from './scope.ts';

export const TABS = ['dossiers', 'report', 'queue', 'satisfaction', 'devices'] as const;
export type DashboardTab = (typeof TABS)[number];

/** The panels of a scope: devices belong to a ward. */
export function tabsOf(scope: Scope): DashboardTab[] {
  return TABS.filter((tab) => tab !== 'devices' || scope.kind === 'ward');
}

/** The tab a URL names if the scope has it, else the first. */
export function pickTab(tabs: readonly DashboardTab[], text: string | null): DashboardTab {
  return tabs.find((tab) => tab === text) ?? tabs[0] ?? 'dossiers';
}

export function pickBy(text: string | null): ReportBy {
  return text === 'field' || text === 'procedure' ? text : 'unit';
}

export interface ViewChange {
  readonly scope?: Scope;
  readonly period?: Period;
  readonly tab?: DashboardTab;
  readonly by?: ReportBy;
}

/**
 * The query string of the view after a change: the scope, the period, the tab and the report's
 * breakdown all live in the URL, so any view can be bookmarked or sent to a colleague.
 */
export function nextSearch(current: URLSearchParams, change: ViewChange): string {
  const next = new URLSearchParams(current);
  if (change.scope) next.set('scope', formatScope(change.scope));
  if (change.period) {
    for (const name of ['period', 'from', 'to']) next.delete(name);
    for (const [name, value] of Object.entries(periodParams(change.period))) next.set(name, value);
  }
  if (change.tab) next.set('tab', change.tab);
  if (change.by) next.set('by', change.by);
  return `?${next}`;
}
