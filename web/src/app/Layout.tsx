import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { hasRole } from '../shared/auth/principal.ts';
import { useSession } from '../shared/auth/session.tsx';
import { useLang, useT } from '../shared/i18n/i18n.tsx';
import { shell } from './messages.ts';
import { paths } from './paths.ts';

/** The frame of every screen: skip link, navigation by role, language switch, the user. */
export function Layout({ children }: { children: ReactNode }) {
  const t = useT(shell);
  const { lang, setLang } = useLang();
  const { session, signOut } = useSession();
  const link = (to: string, label: string) => (
    <li>
      <NavLink to={to} end={to === paths.home}>
        {label}
      </NavLink>
    </li>
  );
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <header className="app-header">
        <a className="brand" href={paths.home}>
          {t('appName')}
        </a>
        <nav aria-label={t('navMain')}>
          <ul>
            {hasRole(session, 'clerk') ? link(paths.desk, t('desk')) : null}
            {session ? link(paths.inbox, t('inbox')) : null}
            {hasRole(session, 'ward_admin') ? link(paths.admin, t('admin')) : null}
            {hasRole(session, 'city_official', 'ward_admin', 'district_official')
              ? link(paths.calendar, t('calendar'))
              : null}
            {hasRole(session, 'city_official', 'district_official', 'leader', 'ward_admin')
              ? link(paths.dashboards, t('dashboards'))
              : null}
            {link(paths.procedures, t('procedures'))}
            {link(paths.lookup, t('lookup'))}
            {link(paths.queueBoards, t('queue'))}
          </ul>
        </nav>
        <div className="header-tools">
          <label className="lang-switch">
            <span className="visually-hidden">{t('language')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'vi')}>
              <option value="vi">Tiếng Việt</option>
              <option value="en">English</option>
            </select>
          </label>
          {session ? (
            <>
              <span className="user" title={t('signedInAs', { user: session.principal.userId })}>
                {session.principal.userId}
              </span>
              <button type="button" className="btn btn-secondary" onClick={signOut}>
                {t('signOut')}
              </button>
            </>
          ) : (
            <NavLink className="btn btn-secondary" to={paths.login}>
              {t('signIn')}
            </NavLink>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
