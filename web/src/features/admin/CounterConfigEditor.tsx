import { type FormEvent, Fragment, useMemo, useState } from 'react';
import { ApiError, api } from '../../shared/api/client.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { Alert, Button } from '../../shared/ui/ui.tsx';
import {
  addCounter,
  apiDraftErrors,
  type ConfigDraft,
  configFromDraft,
  countersByField,
  type DraftErrors,
  draftOf,
  isDirty,
  removeCounter,
  setCounterNumber,
  toggleField,
  validateDraft,
  type WardConfig,
} from './config-draft.ts';
import { type AdminKey, adminMessages } from './messages.ts';

/** The paths the grid puts next to an input. */
const SHOWN_PATH = /^queue\.counters(\.\d+\.(number|fields)(\.\d+)?)?$/;

export interface QueueFieldLabel {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
}

/**
 * The counters × fields grid of the ward's queue config. Mounted afresh for each stored version,
 * so a reload after someone else's change starts from their config.
 */
export function CounterConfigEditor({
  wardId,
  district,
  loaded,
  fields,
  onSaved,
  onConflict,
}: {
  wardId: string;
  district: string;
  loaded: WardConfig;
  fields: readonly QueueFieldLabel[];
  onSaved: (config: WardConfig) => void;
  onConflict: () => void;
}) {
  const t = useT(adminMessages);
  const [draft, setDraft] = useState<ConfigDraft>(() => draftOf(loaded));
  const [submitted, setSubmitted] = useState(false);
  const [apiErrors, setApiErrors] = useState<DraftErrors>({});
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const localErrors = useMemo(() => validateDraft(draft), [draft]);
  const errors: DraftErrors = { ...apiErrors, ...(submitted ? localErrors : {}) };
  const dirty = isDirty(loaded, draft);
  const served = countersByField(draft);

  const errorText = (path: string): string | undefined => {
    const problem = errors[path];
    if (!problem) return undefined;
    return typeof problem === 'string' ? t(problem as AdminKey) : problem.reason;
  };
  const edit = (next: ConfigDraft) => {
    setDraft(next);
    setApiErrors({});
    setFailure(undefined);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (Object.keys(localErrors).length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      const saved = await api<WardConfig>(`/v1/wards/${encodeURIComponent(wardId)}/queue/config`, {
        method: 'PUT',
        body: configFromDraft(loaded, draft),
        district,
      });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) onConflict();
      else if (error instanceof ApiError && error.fields.length > 0) {
        setApiErrors(apiDraftErrors(error.fields));
        // A reason about something the grid does not show (staff, display) still has to be read.
        if (error.fields.some((f) => !SHOWN_PATH.test(f.field))) setFailure(error);
      } else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;
  const countersError = errorText('queue.counters');
  return (
    <form className="stack" onSubmit={save} noValidate>
      {failure ? <ErrorMessage error={failure} /> : null}
      {submitted && hasErrors ? <Alert>{countersError ?? t('fixErrors')}</Alert> : null}
      <div className="config-scroll">
        <table className="config-matrix">
          <caption className="visually-hidden">{t('countersHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('counterColumn')}</th>
              {fields.map((f) => {
                const counters = served.get(f.id) ?? [];
                return (
                  <th key={f.id} scope="col">
                    <span className="field-prefix" aria-hidden="true">
                      {f.prefix}
                    </span>{' '}
                    {f.name}
                    <br />
                    <span className={`badge ${counters.length ? 'badge-ok' : 'badge-warn'}`}>
                      {counters.length
                        ? t('fieldServedBy', { counters: counters.join(', ') })
                        : t('fieldNotServed')}
                    </span>
                  </th>
                );
              })}
              <th scope="col">
                <span className="visually-hidden">{t('removeColumn')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {draft.map((row, i) => {
              const numberPath = `queue.counters.${i}.number`;
              const fieldsPath = `queue.counters.${i}.fields`;
              const numberError = errorText(numberPath);
              const fieldsError = errorText(fieldsPath);
              const label = row.number.trim() || '…';
              const numberErrorId = `counter-${row.key}-number-error`;
              const fieldsErrorId = `counter-${row.key}-fields-error`;
              return (
                <Fragment key={row.key}>
                  <tr className={numberError || fieldsError ? 'row-invalid' : undefined}>
                    <th scope="row" className={numberError ? 'field-invalid' : undefined}>
                      <input
                        className="counter-number-input"
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={99}
                        aria-label={t('counterNumber', { row: i + 1 })}
                        aria-invalid={numberError ? true : undefined}
                        aria-describedby={numberError ? numberErrorId : undefined}
                        value={row.number}
                        onChange={(e) => edit(setCounterNumber(draft, row.key, e.target.value))}
                      />
                      {numberError ? (
                        <small id={numberErrorId} className="field-error" role="alert">
                          {numberError}
                        </small>
                      ) : null}
                    </th>
                    {fields.map((f) => (
                      <td key={f.id} className="tick-cell">
                        <label className="tick">
                          <input
                            type="checkbox"
                            checked={row.fields.includes(f.id)}
                            aria-describedby={fieldsError ? fieldsErrorId : undefined}
                            onChange={() => edit(toggleField(draft, row.key, f.id))}
                          />
                          <span className="visually-hidden">
                            {t('counterField', { counter: label, field: f.name })}
                          </span>
                        </label>
                      </td>
                    ))}
                    <td>
                      <Button
                        variant="secondary"
                        className="btn-small"
                        aria-label={t('removeCounter', { counter: label })}
                        onClick={() => edit(removeCounter(draft, row.key))}
                      >
                        <span aria-hidden="true">✕</span>
                      </Button>
                    </td>
                  </tr>
                  {fieldsError ? (
                    <tr className="row-error">
                      <td />
                      <td colSpan={fields.length + 1}>
                        <small id={fieldsErrorId} className="field-error" role="alert">
                          {fieldsError}
                        </small>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="row config-actions">
        <Button variant="secondary" onClick={() => edit(addCounter(draft))}>
          {t('addCounter')}
        </Button>
        <Button
          variant="secondary"
          disabled={!dirty || busy}
          onClick={() => {
            edit(draftOf(loaded));
            setSubmitted(false);
          }}
        >
          {t('discard')}
        </Button>
        <Button type="submit" busy={busy} disabled={!dirty}>
          {t('saveConfig')}
        </Button>
        <span className="muted" aria-live="polite">
          {dirty ? t('unsaved') : ''}
        </span>
      </div>
    </form>
  );
}
