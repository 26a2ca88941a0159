import { useEffect, useId, useRef, useState } from 'react';
import { apiBlob } from '../../shared/api/client.ts';
import type { DossierPage } from '../../shared/api/types.ts';
import type { Role } from '../../shared/auth/principal.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Button } from '../../shared/ui/ui.tsx';
import { ApologyDialog } from './ApologyDialog.tsx';
import { Dialog } from './Dialog.tsx';
import { type FormId, formPath, printableForms } from './forms.ts';
import { dossierMessages } from './messages.ts';

const LABEL = { '01': 'form01', '02': 'form02', '03': 'form03', '04': 'form04', '06': 'form06' } as const;

/** The forms that apply to the dossier now, fetched as PDF and shown to print. */
export function FormsCard({
  dossier,
  district,
  viewer,
}: {
  dossier: DossierPage;
  district: string;
  viewer: { roles: readonly Role[]; wardId?: string | undefined };
}) {
  const t = useT(dossierMessages);
  const headingId = useId();
  const forms = printableForms(dossier, viewer, new Date());
  const [loading, setLoading] = useState<FormId>();
  const [failure, setFailure] = useState<unknown>();
  const [asking, setAsking] = useState(false);
  const [shown, setShown] = useState<{ form: FormId; pdf: Blob }>();

  const open = async (form: FormId) => {
    setFailure(undefined);
    if (form === '04') return setAsking(true);
    setLoading(form);
    try {
      const pdf = await apiBlob(formPath(dossier.code, form), { accept: 'application/pdf', district });
      setShown({ form, pdf });
    } catch (error) {
      setFailure(error);
    } finally {
      setLoading(undefined);
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionForms')}</h2>
      <div className="row">
        {forms.map((form) => (
          <Button key={form} variant="secondary" busy={loading === form} onClick={() => open(form)}>
            {t(LABEL[form])}
          </Button>
        ))}
      </div>
      {failure ? <ErrorMessage error={failure} /> : null}
      {asking ? (
        <ApologyDialog
          dossier={dossier}
          district={district}
          onClose={() => setAsking(false)}
          onReady={(pdf) => {
            setAsking(false);
            setShown({ form: '04', pdf });
          }}
        />
      ) : null}
      {shown ? (
        <PdfViewer
          title={t(LABEL[shown.form])}
          pdf={shown.pdf}
          fileName={`${dossier.code}-mau-${shown.form}.pdf`}
          onClose={() => setShown(undefined)}
        />
      ) : null}
    </section>
  );
}

/** A PDF in a frame from a blob address, with print, a new tab and a download. */
function PdfViewer({
  title,
  pdf,
  fileName,
  onClose,
}: {
  title: string;
  pdf: Blob;
  fileName: string;
  onClose: () => void;
}) {
  const t = useT(dossierMessages);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const address = URL.createObjectURL(pdf);
    setUrl(address);
    return () => URL.revokeObjectURL(address);
  }, [pdf]);
  const frame = useRef<HTMLIFrameElement>(null);
  const print = () => {
    // The browser's PDF viewer prints the frame; where it has none, a tab with the PDF does.
    try {
      frame.current?.contentWindow?.print();
    } catch {
      if (url) window.open(url, '_blank', 'noopener');
    }
  };
  return (
    <Dialog title={title} onClose={onClose} wide>
      <div className="viewer">
        {url ? <iframe ref={frame} className="viewer-frame" title={title} src={url} /> : null}
      </div>
      {url ? (
        <div className="row">
          <Button onClick={print}>{t('print')}</Button>
          <a className="btn btn-secondary" href={url} target="_blank" rel="noopener noreferrer">
            {t('openInTab')}
          </a>
          <a className="btn btn-secondary" href={url} download={fileName}>
            {t('download')}
          </a>
        </div>
      ) : null}
    </Dialog>
  );
}
