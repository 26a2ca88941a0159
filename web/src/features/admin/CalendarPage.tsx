import { useId, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../shared/api/client.ts';
import { hasRole } from '../../shared/auth/principal.ts';
import { useSession } from '../../shared/auth/session.tsx';
import { localToday } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Alert, Button, Loading, PageTitle } from '../../shared/ui/ui.tsx';
import { useLoad } from '../../shared/use-load.ts';
import { calendarMessages } from './calendar-messages.ts';
import { scheduleIndex, yearSummary } from './month-grid.ts';
import { ScheduleLoader, type YearSchedule } from './ScheduleLoader.tsx';
import { ExceptionList, Legend, YearView } from './YearView.tsx';
import './calendar.css';

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

function yearFrom(param: string | null, fallback: number): number {
  const year = Number(param);
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : fallback;
}

/** The working calendar of a year; city officials also load the schedule the government announced. */
export default function CalendarPage() {
  const t = useT(calendarMessages);
  const tc = useT(common);
  const { session } = useSession();
  const mayLoad = hasRole(session, 'city_official');
  const today = localToday();
  const thisYear = Number(today.slice(0, 4));
  const [search, setSearch] = useSearchParams();
  const year = yearFrom(search.get('year'), thisYear);
  const yearId = useId();
  const [loaderOpen, setLoaderOpen] = useState(false);
  const [loadedNotice, setLoadedNotice] = useState<{ year: number; count: number }>();

  const schedule = useLoad((signal) => api<YearSchedule>(`/v1/calendar/${year}`, { signal }), [year]);
  // The PUT answers the schedule in force: show it at once, the reload only confirms it.
  const [justLoaded, setJustLoaded] = useState<YearSchedule>();
  const shown =
    justLoaded?.year === year ? justLoaded : schedule.data?.year === year ? schedule.data : undefined;
  const index = useMemo(() => scheduleIndex(shown?.days ?? []), [shown]);
  const summary = useMemo(() => (shown ? yearSummary(year, index) : undefined), [shown, year, index]);

  const choose = (next: number) => {
    if (next < MIN_YEAR || next > MAX_YEAR) return;
    setSearch(next === thisYear ? {} : { year: String(next) }, { replace: true });
    setJustLoaded(undefined);
    setLoadedNotice(undefined);
  };
  const years = Array.from({ length: 16 }, (_, i) => thisYear - 5 + i);
  if (!years.includes(year)) years.push(year);
  years.sort((a, b) => a - b);

  return (
    <div className="calendar-page stack">
      <PageTitle
        actions={
          mayLoad ? (
            <Button
              variant={loaderOpen ? 'secondary' : 'primary'}
              aria-expanded={loaderOpen}
              aria-controls="schedule-loader"
              onClick={() => setLoaderOpen((open) => !open)}
            >
              {t('load')}
            </Button>
          ) : null
        }
      >
        {t('title')}
      </PageTitle>
      <div className="row calendar-toolbar">
        <Button
          variant="secondary"
          aria-label={t('previousYear')}
          disabled={year <= MIN_YEAR}
          onClick={() => choose(year - 1)}
        >
          <span aria-hidden="true">‹</span>
        </Button>
        <div className="field year-picker">
          <label htmlFor={yearId}>{t('year')}</label>
          <select id={yearId} value={year} onChange={(e) => choose(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <Button
          variant="secondary"
          aria-label={t('nextYear')}
          disabled={year >= MAX_YEAR}
          onClick={() => choose(year + 1)}
        >
          <span aria-hidden="true">›</span>
        </Button>
        {shown ? (
          <span
            className={`badge ${shown.source === 'announced' ? 'badge-ok' : 'badge-warn'}`}
            title={shown.source === 'announced' ? undefined : t('sourceStatutoryHint')}
          >
            {shown.source === 'announced' ? t('sourceAnnounced') : t('sourceStatutory')}
          </span>
        ) : null}
      </div>
      {loadedNotice?.year === year ? (
        <Alert kind="success">{t('loaded', { year: loadedNotice.year, count: loadedNotice.count })}</Alert>
      ) : null}
      {mayLoad ? (
        <div id="schedule-loader">
          {loaderOpen ? (
            <ScheduleLoader
              key={year}
              year={year}
              current={shown?.days}
              onClose={() => setLoaderOpen(false)}
              onLoaded={(loaded) => {
                setJustLoaded(loaded);
                setLoadedNotice({ year: loaded.year, count: loaded.days.length });
                setLoaderOpen(false);
                schedule.reload();
              }}
            />
          ) : null}
        </div>
      ) : null}
      {shown && summary ? (
        <>
          {shown.source === 'statutory' ? <p className="muted">{t('sourceStatutoryHint')}</p> : null}
          <p>
            {t('summary', {
              year,
              workdays: summary.workdays,
              holidays: summary.holidays,
              daysOff: summary.daysOff,
              makeup: summary.makeupWorkdays,
            })}
          </p>
          <Legend />
          <YearView year={year} index={index} today={today} />
          <ExceptionList year={year} days={shown.days} />
        </>
      ) : schedule.error ? (
        <ErrorMessage error={schedule.error} onRetry={schedule.reload} />
      ) : (
        <Loading label={tc('loading')} />
      )}
    </div>
  );
}
