import type { Ask } from './api.ts';
import type { Period } from './period.ts';
import type { Scope, ScopeUnits } from './scope.ts';

/** What every panel shows and how it moves to another unit. */
export interface DashboardView {
  readonly scope: Scope;
  readonly period: Period;
  readonly units: ScopeUnits;
  readonly ask: Ask;
  /** The address of this same view for another unit (a link keeps the period and tab). */
  hrefOf(scope: Scope): string;
  drill(scope: Scope): void;
}
