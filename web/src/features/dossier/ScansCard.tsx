import { type ReactNode, useId, useState } from 'react';
import type { ScanDocument } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Loading } from '../../shared/ui/ui.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { Dialog } from './Dialog.tsx';
import { scanKindLabels } from './labels.ts';
import { loadScan, loadScans } from './load.ts';
import { dossierMessages } from './messages.ts';

/** The dossier's scans; each opens in a viewer. Reloaded whenever the dossier changes version. */
export function ScansCard({ code, district, version }: { code: string; district: string; version: number }) {
  const t = useT(dossierMessages);
  const tc = useT(common);
  const tk = useT(scanKindLabels);
  const headingId = useId();
  const scans = useLoad((signal) => loadScans(code, district, signal), [code, district, version]);
  const [open, setOpen] = useState<ScanDocument>();
  const title = (s: ScanDocument) => (s.page ? t('scanPage', { name: s.name, page: s.page }) : s.name);

  let body: ReactNode;
  if (scans.error && !scans.data) body = <ErrorMessage error={scans.error} onRetry={scans.reload} />;
  else if (!scans.data) body = <Loading label={tc('loading')} />;
  else if (scans.data.length === 0) body = <p className="muted">{t('noScans')}</p>;
  else
    body = (
      <ul className="scan-list">
        {scans.data.map((s) => (
          <li key={s.documentId}>
            <button type="button" className="link-button" onClick={() => setOpen(s)}>
              {title(s)}
            </button>
            <span className="muted">
              {' '}
              · {tk(s.kind)} · {sizeOf(s.size)} · {formatDateTime(s.completedAt ?? s.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    );

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionScans')}</h2>
      {body}
      {open ? (
        <ScanViewer
          code={code}
          district={district}
          scan={open}
          title={title(open)}
          onClose={() => setOpen(undefined)}
        />
      ) : null}
    </section>
  );
}

function sizeOf(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A scan shown inline from its short-lived download address: images as images, PDFs in a frame. */
function ScanViewer({
  code,
  district,
  scan,
  title,
  onClose,
}: {
  code: string;
  district: string;
  scan: ScanDocument;
  title: string;
  onClose: () => void;
}) {
  const t = useT(dossierMessages);
  const loaded = useLoad(
    (signal) => loadScan(code, scan.documentId, district, signal),
    [code, scan.documentId, district],
  );
  const download = loaded.data;
  let body: ReactNode;
  if (loaded.error) body = <ErrorMessage error={loaded.error} onRetry={loaded.reload} />;
  else if (!download) body = <Loading label={t('scanLoading')} />;
  else if (download.contentType === 'application/pdf')
    body = <iframe className="viewer-frame" title={title} src={download.downloadUrl} />;
  // Browsers do not draw TIFF: it is offered to open or download instead.
  else if (download.contentType !== 'image/tiff')
    body = <img className="viewer-image" src={download.downloadUrl} alt={title} />;
  else body = <p>{t('noPreview')}</p>;
  return (
    <Dialog title={title} onClose={onClose} wide>
      <div className="viewer">{body}</div>
      {download ? (
        <p className="row">
          <a href={download.downloadUrl} target="_blank" rel="noopener noreferrer">
            {t('openInTab')}
          </a>
        </p>
      ) : null}
    </Dialog>
  );
}
