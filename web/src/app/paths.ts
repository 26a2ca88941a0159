import type { Role } from '../shared/auth/principal.ts';

/** Every screen's address, built in one place so links cannot drift from the routes. */
export const paths = {
  home: '/',
  procedures: '/procedures',
  procedure: (id: string) => `/procedures/${encodeURIComponent(id)}`,
  lookup: '/lookup',
  queueBoard: (wardId: string) => `/queue/${encodeURIComponent(wardId)}`,
  queueBoards: '/queue',
  login: '/login',
  desk: '/desk',
  inbox: '/inbox',
  dossier: (code: string) => `/dossiers/${encodeURIComponent(code)}`,
  admin: '/admin',
  calendar: '/calendar',
  dashboards: '/dashboards',
} as const;

/** The route patterns of paths, for the router. */
export const patterns = {
  procedure: '/procedures/:id',
  queueBoard: '/queue/:wardId',
  dossier: '/dossiers/:code',
} as const;

/** Where a user lands after signing in: the screen of their main role. */
export function homeOf(roles: readonly Role[]): string {
  if (roles.includes('clerk')) return paths.desk;
  if (roles.includes('specialist') || roles.includes('leader')) return paths.inbox;
  if (roles.includes('ward_admin')) return paths.admin;
  if (roles.includes('city_official')) return paths.calendar;
  return paths.inbox;
}
