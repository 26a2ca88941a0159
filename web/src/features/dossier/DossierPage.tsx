import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths.ts';
import { ApiError } from '../../shared/api/client.ts';
import { useSession } from '../../shared/auth/session.tsx';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Alert, Loading, PageTitle } from '../../shared/ui/ui.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { type ActionResult, ActionsCard } from './ActionsCard.tsx';
import { ApplicantCard, ReceivedDocumentsCard } from './ApplicantCard.tsx';
import { FormsCard } from './FormsCard.tsx';
import { HistoryCard } from './HistoryCard.tsx';
import { loadDossier } from './load.ts';
import { dossierMessages } from './messages.ts';
import { ScansCard } from './ScansCard.tsx';
import { StatusCard } from './StatusCard.tsx';
import './dossier.css';

/** One dossier for staff: where it stands, its papers and scans, its history, and the next steps. */
export default function DossierPage() {
  const { code = '' } = useParams();
  const t = useT(dossierMessages);
  const { session } = useSession();
  const loaded = useLoad((signal) => loadDossier(code, signal), [code]);
  const [notice, setNotice] = useState<{ kind: 'success' | 'warning'; text: string }>();
  const { reload } = loaded;

  const acted = useCallback(
    (result: ActionResult) => {
      setNotice(
        result.kind === 'conflict'
          ? { kind: 'warning', text: t('conflict') }
          : { kind: 'success', text: t('done', { action: result.label }) },
      );
      reload();
    },
    [reload, t],
  );

  const current = loaded.data?.dossier.code === code ? loaded.data : undefined;
  if (!current) {
    if (loaded.error) return <LoadFailure code={code} error={loaded.error} onRetry={reload} />;
    return <Loading label={t('loading')} />;
  }
  const { dossier, ward } = current;
  const principal = session?.principal;

  return (
    <div className="dossier stack">
      <Link to={paths.inbox} className="back-link">
        ← {t('back')}
      </Link>
      <PageTitle>{t('title', { code: dossier.code })}</PageTitle>
      <p className="muted dossier-subtitle">
        {dossier.procedureName ?? dossier.procedureId} · {ward.name}
      </p>
      {notice ? <Alert kind={notice.kind}>{notice.text}</Alert> : null}
      {loaded.error ? <ErrorMessage error={loaded.error} onRetry={reload} /> : null}
      <div className="dossier-grid">
        <div className="stack">
          <StatusCard dossier={dossier} />
          <ActionsCard
            dossier={dossier}
            district={ward.districtId}
            busy={loaded.loading}
            onActed={acted}
            onStart={() => setNotice(undefined)}
          />
          <FormsCard
            dossier={dossier}
            district={ward.districtId}
            viewer={{ roles: principal?.roles ?? [], wardId: principal?.wardId }}
          />
        </div>
        <div className="stack">
          <ApplicantCard applicant={dossier.applicant} />
          <ReceivedDocumentsCard documents={dossier.documents} numberOfSets={dossier.numberOfSets} />
          <ScansCard code={dossier.code} district={ward.districtId} version={dossier.version} />
        </div>
      </div>
      <HistoryCard history={dossier.history} />
    </div>
  );
}

/** A dossier that cannot be shown: another ward's, one that does not exist, or a failure to retry. */
function LoadFailure({ code, error, onRetry }: { code: string; error: unknown; onRetry: () => void }) {
  const t = useT(dossierMessages);
  const status = error instanceof ApiError ? error.status : undefined;
  if (status === 403 || status === 404) {
    const forbidden = status === 403;
    return (
      <section className="card stack dossier-denied">
        <PageTitle>{forbidden ? t('forbiddenTitle') : t('notFoundTitle')}</PageTitle>
        <p>{forbidden ? t('forbiddenText') : t('notFoundText', { code })}</p>
        <p>
          <Link to={paths.inbox}>{t('back')}</Link>
        </p>
      </section>
    );
  }
  return (
    <div className="stack">
      <PageTitle>{t('title', { code })}</PageTitle>
      <ErrorMessage error={error} onRetry={onRetry} />
    </div>
  );
}
