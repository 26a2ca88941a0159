import type { ReactNode } from 'react';
import type { StaffDossier } from '../../shared/api/types.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Alert, Button, Loading } from '../../shared/ui/ui.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { DossierTable } from './DossierTable.tsx';
import { listWardDossiers } from './load.ts';
import { inboxMessages } from './messages.ts';
import { useNow } from './use-now.ts';

/** The ward's dossiers matching `query`, every page of them, with a refresh. */
export function DossierList({
  wardId,
  district,
  query,
  label,
  children,
}: {
  wardId: string;
  district: string;
  query: { assignee?: string; status?: string };
  label: string;
  /** Renders the loaded items instead of the plain table (the ward overview adds its counts). */
  children?: (items: readonly StaffDossier[], now: Date) => ReactNode;
}) {
  const t = useT(inboxMessages);
  const now = useNow();
  const list = useLoad(
    (signal) => listWardDossiers(wardId, district, query, signal),
    [wardId, district, query.assignee, query.status],
  );
  return (
    <div className="stack">
      <div className="row inbox-tools">
        <Button variant="secondary" busy={list.loading && !!list.data} onClick={list.reload}>
          {t('refresh')}
        </Button>
      </div>
      {list.error ? <ErrorMessage error={list.error} onRetry={list.reload} /> : null}
      {list.data ? (
        <>
          {list.data.complete ? null : (
            <Alert kind="info">{t('truncated', { n: list.data.items.length })}</Alert>
          )}
          {children ? (
            children(list.data.items, now)
          ) : (
            <DossierTable items={list.data.items} now={now} label={label} />
          )}
        </>
      ) : list.error ? null : (
        <Loading label={t('loading')} />
      )}
    </div>
  );
}
