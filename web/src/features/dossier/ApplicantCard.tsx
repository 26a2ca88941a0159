import { useId } from 'react';
import type { DossierPage } from '../../shared/api/types.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { dossierMessages } from './messages.ts';

/** Who filed the dossier. Personal data: shown to the staff who may read the dossier, nowhere else. */
export function ApplicantCard({ applicant }: { applicant: DossierPage['applicant'] }) {
  const t = useT(dossierMessages);
  const headingId = useId();
  const rows = [
    ['fullName', applicant.fullName],
    ['idNumber', applicant.idNumber],
    ['phone', applicant.phone],
    ['email', applicant.email],
    ['address', applicant.address],
  ] as const;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionApplicant')}</h2>
      <dl className="facts">
        {rows.map(([key, value]) =>
          value ? (
            <div key={key} className="facts-row">
              <dt>{t(key)}</dt>
              <dd>{value}</dd>
            </div>
          ) : null,
        )}
      </dl>
    </section>
  );
}

/** The checklist of papers handed in at the counter, as the receipt (form 01) lists them. */
export function ReceivedDocumentsCard({
  documents,
  numberOfSets,
}: {
  documents: DossierPage['documents'];
  numberOfSets: number;
}) {
  const t = useT(dossierMessages);
  const headingId = useId();
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sectionDocuments')}</h2>
      {documents.length === 0 ? (
        <p className="muted">{t('noDocuments')}</p>
      ) : (
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('docName')}</th>
              <th scope="col">{t('docForm')}</th>
              <th scope="col" className="num">
                {t('docQuantity')}
              </th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d, i) => (
              // The same paper can be listed twice (an original and a copy): the position tells them apart.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
              <tr key={i}>
                <td>{d.name}</td>
                <td>{t(d.form)}</td>
                <td className="num">{d.quantity}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">{t('numberOfSets', { n: numberOfSets })}</p>
    </section>
  );
}
