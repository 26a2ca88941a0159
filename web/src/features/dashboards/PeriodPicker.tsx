import { type FormEvent, useEffect, useState } from 'react';
import { formatDate } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { Button, Field } from '../../shared/ui/ui.tsx';
import { periodLabel } from './labels.ts';
import { dashboardsMessages } from './messages.ts';
import {
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
  parseDisplayDay,
  shiftPeriod,
  withKind,
} from './period.ts';

/** Picks the period: its kind, the one before or after, or any range of days. */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const t = useT(dashboardsMessages);
  const label = periodLabel(period);
  return (
    <section className="period-picker card" aria-label={t('period')}>
      <Field label={t('periodKind')}>
        {(props) => (
          <select
            {...props}
            value={period.kind}
            onChange={(e) => onChange(withKind(e.target.value as PeriodKind, period))}
          >
            {PERIOD_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind_${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="period-step">
        <Button variant="secondary" onClick={() => onChange(shiftPeriod(period, -1))}>
          <span aria-hidden="true">‹</span> {t('previous')}
        </Button>
        <strong className="period-label" aria-live="polite">
          {t(label.key, label.values)}
        </strong>
        <Button variant="secondary" onClick={() => onChange(shiftPeriod(period, 1))}>
          {t('next')} <span aria-hidden="true">›</span>
        </Button>
      </div>
      {period.kind === 'custom' ? <CustomRange period={period} onChange={onChange} /> : null}
    </section>
  );
}

function CustomRange({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const t = useT(dashboardsMessages);
  // Typed as offices write dates (dd/mm/yyyy): a browser's date picker follows its own language.
  const [from, setFrom] = useState(formatDate(period.from));
  const [to, setTo] = useState(formatDate(period.to));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  // Previous/next move the range: the inputs follow.
  useEffect(() => {
    setFrom(formatDate(period.from));
    setTo(formatDate(period.to));
  }, [period.from, period.to]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const first = parseDisplayDay(from);
    const last = parseDisplayDay(to);
    const next = {
      ...(first ? {} : { from: t('badDate') }),
      ...(last ? {} : { to: t('badDate') }),
      ...(first && last && first > last ? { to: t('toBeforeFrom') } : {}),
    };
    setErrors(next);
    if (first && last && !next.from && !next.to) onChange({ kind: 'custom', from: first, to: last });
  };
  return (
    <form className="custom-range" onSubmit={submit} noValidate>
      <Field label={t('from')} hint={t('dateHint')} error={errors.from}>
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            size={10}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('to')} hint={t('dateHint')} error={errors.to}>
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            size={10}
            value={to}
            onChange={(e) => setTo(e.target.value)}
          />
        )}
      </Field>
      <Button type="submit">{t('apply')}</Button>
    </form>
  );
}
