import { lazy, type ReactNode, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import type { Role } from '../shared/auth/principal.ts';
import { hasRole } from '../shared/auth/principal.ts';
import { useSession } from '../shared/auth/session.tsx';
import { useT } from '../shared/i18n/i18n.tsx';
import { common } from '../shared/ui/messages.ts';
import { Loading } from '../shared/ui/ui.tsx';
import { Layout } from './Layout.tsx';
import { homeOf, paths, patterns } from './paths.ts';

// Each screen is its own chunk: the public pages never load the staff screens' code.
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const ProceduresPage = lazy(() => import('../features/public/ProceduresPage.tsx'));
const ProcedurePage = lazy(() => import('../features/public/ProcedurePage.tsx'));
const LookupPage = lazy(() => import('../features/public/LookupPage.tsx'));
const QueueBoardPage = lazy(() => import('../features/public/QueueBoardPage.tsx'));
const QueueBoardsPage = lazy(() => import('../features/public/QueueBoardsPage.tsx'));
const DeskPage = lazy(() => import('../features/counter-desk/DeskPage.tsx'));
const InboxPage = lazy(() => import('../features/inbox/InboxPage.tsx'));
const DossierPage = lazy(() => import('../features/dossier/DossierPage.tsx'));
const AdminPage = lazy(() => import('../features/admin/AdminPage.tsx'));
const CalendarPage = lazy(() => import('../features/admin/CalendarPage.tsx'));
const DashboardsPage = lazy(() => import('../features/dashboards/DashboardsPage.tsx'));

const STAFF: Role[] = ['clerk', 'specialist', 'leader', 'ward_admin', 'district_official', 'city_official'];

/** Sends the signed-out to the login page (and back here after), and hides screens the role may not use. */
function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session)
    return <Navigate to={paths.login} replace state={{ from: location.pathname + location.search }} />;
  if (!hasRole(session, ...roles)) return <Navigate to={homeOf(session.principal.roles)} replace />;
  return <>{children}</>;
}

/** Each screen's stylesheet is nested under its class, so screens cannot restyle each other. */
function screen(name: string, page: ReactNode) {
  return <div className={`screen-${name}`}>{page}</div>;
}

function Fallback() {
  const t = useT(common);
  return <Loading label={t('loading')} />;
}

export function App() {
  return (
    <BrowserRouter>
      <Layout>
        <Suspense fallback={<Fallback />}>
          <Routes>
            <Route path={paths.home} element={screen('public', <ProceduresPage />)} />
            <Route path={paths.procedures} element={screen('public', <ProceduresPage />)} />
            <Route path={patterns.procedure} element={screen('public', <ProcedurePage />)} />
            <Route path={paths.lookup} element={screen('public', <LookupPage />)} />
            <Route path={paths.queueBoards} element={screen('public', <QueueBoardsPage />)} />
            <Route path={patterns.queueBoard} element={screen('public', <QueueBoardPage />)} />
            <Route path={paths.login} element={<LoginPage />} />
            <Route
              path={paths.desk}
              element={<RequireRole roles={['clerk']}>{screen('desk', <DeskPage />)}</RequireRole>}
            />
            <Route
              path={paths.inbox}
              element={<RequireRole roles={STAFF}>{screen('inbox', <InboxPage />)}</RequireRole>}
            />
            <Route
              path={patterns.dossier}
              element={<RequireRole roles={STAFF}>{screen('dossier', <DossierPage />)}</RequireRole>}
            />
            <Route
              path={paths.admin}
              element={<RequireRole roles={['ward_admin']}>{screen('admin', <AdminPage />)}</RequireRole>}
            />
            <Route
              path={paths.calendar}
              element={
                <RequireRole roles={['city_official', 'ward_admin', 'district_official']}>
                  {screen('calendar', <CalendarPage />)}
                </RequireRole>
              }
            />
            <Route
              path={paths.dashboards}
              element={
                <RequireRole roles={['city_official', 'district_official', 'leader', 'ward_admin']}>
                  {screen('dashboards', <DashboardsPage />)}
                </RequireRole>
              }
            />
            <Route path="*" element={<Navigate to={paths.home} replace />} />
          </Routes>
        </Suspense>
      </Layout>
    </BrowserRouter>
  );
}
