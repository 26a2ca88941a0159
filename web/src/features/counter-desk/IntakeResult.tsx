import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { paths } from '../../app/paths.ts';
import { apiBlob } from '../../shared/api/client.ts';
import type { IntakeResult as Result } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { describeError } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Alert, Button } from '../../shared/ui/ui.tsx';
import { deskMessages } from './messages.ts';
import { printPdf } from './print.ts';
import { ScanUpload } from './ScanUpload.tsx';

/**
 * What the clerk hands the citizen after intake: the code, the lookup key (shown this once),
 * the due date, and the receipt (form 01, or 03 for a refusal) to print.
 */
export function IntakeResult({
  result,
  district,
  onNew,
}: {
  result: Result;
  district: string | undefined;
  onNew: () => void;
}) {
  const t = useT(deskMessages);
  const tc = useT(common);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [pdfUrl, setPdfUrl] = useState<string>();
  const [busy, setBusy] = useState<'print' | 'open'>();
  const [error, setError] = useState<unknown>();
  const cleanups = useRef<(() => void)[]>([]);
  const refused = result.status === 'refused';

  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  useEffect(
    () => () => {
      for (const cleanup of cleanups.current) cleanup();
    },
    [],
  );

  /** The receipt's bytes as a blob URL, fetched once and kept while this panel shows. */
  const receipt = async (): Promise<string> => {
    if (pdfUrl) return pdfUrl;
    const blob = await apiBlob(result.receiptUrl, { accept: 'application/pdf', district });
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
    cleanups.current.push(() => URL.revokeObjectURL(url));
    setPdfUrl(url);
    return url;
  };

  const act = async (what: 'print' | 'open') => {
    setBusy(what);
    setError(undefined);
    try {
      const url = await receipt();
      if (what === 'print') cleanups.current.push(printPdf(url));
      else window.open(url, '_blank', 'noopener');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <div className="stack">
      <section className="card stack result" aria-labelledby="result-heading">
        <h2 id="result-heading" ref={headingRef} tabIndex={-1}>
          {refused ? t('refusedHeading') : t('resultHeading')}
        </h2>
        <dl className="result-facts">
          <div>
            <dt>{t('code')}</dt>
            <dd className="big" data-testid="dossier-code">
              {result.code}
            </dd>
          </div>
          {refused ? null : (
            <div>
              <dt>{t('lookupKey')}</dt>
              <dd className="big key" data-testid="lookup-key">
                {result.lookupKey}
              </dd>
            </div>
          )}
          {refused ? null : (
            <div>
              <dt>{t('dueAt')}</dt>
              <dd>{formatDateTime(result.dueAt)}</dd>
            </div>
          )}
          <div>
            <dt>{t('procedure')}</dt>
            <dd>{result.procedureName ?? result.procedureId}</dd>
          </div>
          <div>
            <dt>{t('applicant')}</dt>
            <dd>{result.applicant.fullName}</dd>
          </div>
        </dl>
        {refused ? null : <Alert kind="warning">{t('lookupKeyNote')}</Alert>}
        {error ? <Alert>{t('receiptFailed', { reason: describeError(error, tc) })}</Alert> : null}
        <div className="row">
          <Button busy={busy === 'print'} onClick={() => void act('print')}>
            {refused ? t('printRefusal') : t('printReceipt')}
          </Button>
          <Button variant="secondary" busy={busy === 'open'} onClick={() => void act('open')}>
            {t('openReceipt')}
          </Button>
          <Link className="btn btn-secondary" to={paths.dossier(result.code)}>
            {t('openDossier')}
          </Link>
          <Button variant="secondary" onClick={onNew}>
            {t('newIntake')}
          </Button>
        </div>
      </section>
      {refused ? null : <ScanUpload key={result.code} code={result.code} district={district} />}
    </div>
  );
}
