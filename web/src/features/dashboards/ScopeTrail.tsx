import { Link } from 'react-router';
import { useT } from '../../shared/i18n/i18n.tsx';
import { dashboardsMessages } from './messages.ts';
import { formatScope, type Scope, type ScopeUnits, scopeName } from './scope.ts';

/** The breadcrumb from the user's own unit down to the one shown; each level above is a link. */
export function ScopeTrail({
  trail,
  units,
  hrefOf,
}: {
  trail: readonly Scope[];
  units: ScopeUnits;
  hrefOf: (scope: Scope) => string;
}) {
  const t = useT(dashboardsMessages);
  return (
    <nav className="scope-trail" aria-label={t('trail')}>
      <ol>
        {trail.map((scope, i) => (
          <li key={formatScope(scope)}>
            {i < trail.length - 1 ? (
              <Link to={hrefOf(scope)}>{scopeName(scope, units)}</Link>
            ) : (
              <span aria-current="page">{scopeName(scope, units)}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
