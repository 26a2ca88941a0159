import { api } from '../../shared/api/client.ts';
import type { Procedure } from '../../shared/api/types.ts';
import { formatDateTime } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { describeError } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Field } from '../../shared/ui/ui.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { localIso } from './intake-form.ts';
import { intakeMessages } from './intake-messages.ts';

/** `GET /v1/calendar/due`. */
interface Due {
  readonly receivedAt: string;
  readonly countedFrom: string;
  readonly dueAt: string;
}

/** Days typed for a procedure the catalogue has no processing time for, when they are usable. */
function typedDays(text: string): number | undefined {
  return /^\d{1,3}$/.test(text.trim()) && Number(text) <= 365 ? Number(text) : undefined;
}

/**
 * The chosen procedure at a glance, with the due date a dossier received now would get, so the
 * clerk can tell the citizen before anything is recorded.
 */
export function ProcedureSummary({
  procedure,
  fieldName,
  processingDays,
  onProcessingDays,
  processingDaysError,
}: {
  procedure: Procedure;
  fieldName: string;
  processingDays: string;
  onProcessingDays: (value: string) => void;
  processingDaysError: string | undefined;
}) {
  const t = useT(intakeMessages);
  const tc = useT(common);
  const known = procedure.processingDays;
  const days = known === null ? typedDays(processingDays) : undefined;
  const due = useLoad(
    (signal) => {
      if (known === null && days === undefined) return Promise.resolve(undefined);
      const receivedAt = localIso(new Date());
      const query =
        known === null
          ? { receivedAt, days, cutoff: procedure.cutoff }
          : { receivedAt, procedureId: procedure.id };
      return api<Due>('/v1/calendar/due', { query, signal });
    },
    [procedure.id, known, days, procedure.cutoff],
  );

  let dueText: string;
  if (known === null && days === undefined) dueText = t('dueNeedsDays');
  else if (due.error) dueText = t('dueFailed', { reason: describeError(due.error, tc) });
  else if (!due.data) dueText = t('dueLoading');
  else dueText = formatDateTime(due.data.dueAt);

  return (
    <div className="procedure-summary">
      <dl className="facts">
        <div className="due">
          <dt>{t('dueAt')}</dt>
          <dd aria-live="polite" data-testid="intake-due">
            {dueText}
          </dd>
        </div>
        <div>
          <dt>{t('code')}</dt>
          <dd>{procedure.id}</dd>
        </div>
        <div>
          <dt>{t('field')}</dt>
          <dd>{fieldName}</dd>
        </div>
        <div>
          <dt>{t('processingTime')}</dt>
          <dd>
            {known === null
              ? t('processingUnknown')
              : known === 0
                ? t('sameDay')
                : t('processingDaysValue', { days: known })}
          </dd>
        </div>
        {procedure.fee ? (
          <div>
            <dt>{t('fee')}</dt>
            <dd>{procedure.fee.text}</dd>
          </div>
        ) : null}
      </dl>
      {known === null ? (
        <Field label={t('processingDays')} error={processingDaysError}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              className="narrow-input"
              value={processingDays}
              onChange={(e) => onProcessingDays(e.target.value)}
            />
          )}
        </Field>
      ) : null}
    </div>
  );
}
