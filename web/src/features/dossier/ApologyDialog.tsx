import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, apiBlob } from '../../shared/api/client.ts';
import type { DossierPage } from '../../shared/api/types.ts';
import { formatDate, localToday } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Button, Field } from '../../shared/ui/ui.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { Dialog } from './Dialog.tsx';
import { localDayOf } from './deadline.ts';
import { apologyQuery, formPath } from './forms.ts';
import { loadWorkingDays } from './load.ts';
import { dossierMessages } from './messages.ts';
import { addDays, nextWorkingDay } from './working-days.ts';

/** Form 04 needs the new return date (a working day after the due date) and why it is late. */
export function ApologyDialog({
  dossier,
  district,
  onClose,
  onReady,
}: {
  dossier: DossierPage;
  district: string;
  onClose: () => void;
  onReady: (pdf: Blob) => void;
}) {
  const t = useT(dossierMessages);
  const dueDay = localDayOf(dossier.dueAt);
  const today = localToday();
  // biome-ignore lint/complexity/useMathMinMax: these are YYYY-MM-DD strings, which Math.max cannot compare
  const from = today > dueDay ? today : dueDay;
  const calendar = useLoad((signal) => loadWorkingDays(from, addDays(from, 31), signal), [from]);
  const [newDueAt, setNewDueAt] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ newDueAt?: string; reason?: string }>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  // Suggest the first working day the office can still keep; the user may pick another.
  const workingDays = calendar.data;
  useEffect(() => {
    if (workingDays) setNewDueAt((v) => v || nextWorkingDay(from, workingDays));
  }, [workingDays, from]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!newDueAt) return setErrors({ newDueAt: t('required', { field: t('newDueAt').toLowerCase() }) });
    setErrors({});
    setFailure(undefined);
    setBusy(true);
    try {
      const pdf = await apiBlob(formPath(dossier.code, '04'), {
        accept: 'application/pdf',
        district,
        query: apologyQuery(newDueAt, reason),
      });
      onReady(pdf);
    } catch (error) {
      setBusy(false);
      const dateReason = error instanceof ApiError ? error.reasonFor('query.newDueAt') : undefined;
      const reasonReason = error instanceof ApiError ? error.reasonFor('query.reason') : undefined;
      if (dateReason || reasonReason)
        setErrors({
          ...(dateReason ? { newDueAt: dateReason } : {}),
          ...(reasonReason ? { reason: reasonReason } : {}),
        });
      else setFailure(error);
    }
  };

  return (
    <Dialog title={t('form04')} onClose={onClose}>
      <form className="stack" onSubmit={submit} noValidate>
        <Field
          label={t('newDueAt')}
          error={errors.newDueAt}
          hint={t('newDueAtHint', { due: formatDate(dueDay) })}
        >
          {(props) => (
            <input
              {...props}
              type="date"
              min={addDays(dueDay, 1)}
              value={newDueAt}
              onChange={(e) => setNewDueAt(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('apologyReason')} error={errors.reason}>
          {(props) => (
            <textarea
              {...props}
              rows={3}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        {failure ? <ErrorMessage error={failure} /> : null}
        <div className="row">
          <Button type="submit" busy={busy}>
            {t('makeForm')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
