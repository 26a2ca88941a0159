import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { ApiError, api } from '../../shared/api/client.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { describeError } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Alert, Button, Field } from '../../shared/ui/ui.tsx';
import { type CalendarKey, calendarMessages } from './calendar-messages.ts';
import type { CalendarDay } from './month-grid.ts';
import { entryNumberOf, parseScheduleInput, scheduleText } from './schedule-input.ts';

export interface YearSchedule {
  readonly year: number;
  readonly source: 'statutory' | 'announced';
  readonly days: readonly CalendarDay[];
}

interface Problem {
  readonly path: string;
  readonly text: string;
}

/** The city official's form for the schedule the government announced for a year (`PUT /v1/calendar/{year}`). */
export function ScheduleLoader({
  year,
  current,
  onLoaded,
  onClose,
}: {
  year: number;
  current: readonly CalendarDay[] | undefined;
  onLoaded: (schedule: YearSchedule) => void;
  onClose: () => void;
}) {
  const t = useT(calendarMessages);
  const tc = useT(common);
  const problemsId = useId();
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      setText(await file.text());
      setFailure(undefined);
    } catch (error) {
      setFailure(t('fileUnreadable', { message: (error as Error).message }));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const parsed = parseScheduleInput(text, year);
    if (!parsed.ok) {
      setProblems(
        parsed.problems.map((p) => ({
          path: p.path,
          text: t(`problem_${p.code}` as CalendarKey, { year, detail: p.detail ?? '' }),
        })),
      );
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      onLoaded(await api<YearSchedule>(`/v1/calendar/${year}`, { method: 'PUT', body: parsed.body }));
    } catch (error) {
      if (error instanceof ApiError && error.fields.length > 0)
        setProblems(error.fields.map((f) => ({ path: f.field, text: f.reason })));
      else setFailure(describeError(error, tc));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card stack schedule-loader" aria-labelledby="schedule-loader-heading">
      <h2 id="schedule-loader-heading">{t('loadHeading', { year })}</h2>
      <p className="muted">{t('loadIntro', { year })}</p>
      <form className="stack" onSubmit={submit} noValidate>
        {failure ? <Alert>{failure}</Alert> : null}
        {problems.length > 0 ? (
          <div id={problemsId} className="alert alert-error schedule-problems" role="alert">
            <div>
              <strong>{t('problemsTitle')}</strong>
              <ul>
                {problems.map((p) => {
                  const n = entryNumberOf(p.path);
                  return (
                    <li key={`${p.path}:${p.text}`}>
                      {n ? `${t('entry', { n })} ` : ''}
                      <code>{p.path}</code>: {p.text}
                    </li>
                  );
                })}
              </ul>
            </div>
          </div>
        ) : null}
        <Field label={t('file')} hint={t('fileHint')}>
          {(props) => <input {...props} type="file" accept=".json,application/json" onChange={readFile} />}
        </Field>
        <Field label={t('scheduleText')} hint={t('scheduleHint')}>
          {(props) => (
            <textarea
              {...props}
              aria-invalid={problems.length > 0 ? true : undefined}
              aria-describedby={[props['aria-describedby'], problems.length > 0 ? problemsId : '']
                .filter(Boolean)
                .join(' ')}
              className="schedule-text"
              rows={12}
              spellCheck={false}
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          )}
        </Field>
        <div className="row">
          <Button
            variant="secondary"
            disabled={!current}
            onClick={() => {
              if (current) setText(scheduleText(current));
            }}
          >
            {t('useCurrent')}
          </Button>
          <Button type="submit" busy={busy}>
            {t('submit')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}
