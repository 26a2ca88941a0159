import { formatDate } from '../../shared/format.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { type CalendarKey, calendarMessages } from './calendar-messages.ts';
import { type CalendarDay, type DayMark, dayMark, isoDate, monthWeeks, weekdayOf } from './month-grid.ts';

/** Columns Monday → Sunday, as weekday numbers (0 = Sunday). */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const;
const MARKS: readonly DayMark[] = ['workday', 'weekend', 'holiday', 'day_off', 'makeup_workday'];

export function Legend() {
  const t = useT(calendarMessages);
  return (
    <div className="calendar-legend">
      <ul aria-label={t('legend')}>
        {MARKS.map((mark) => (
          <li key={mark}>
            <span className={`swatch day-${mark}`} aria-hidden="true" />
            {t(`mark_${mark}` as CalendarKey)}
          </li>
        ))}
        <li>
          <span className="swatch day-today" aria-hidden="true" />
          {t('today')}
        </li>
      </ul>
    </div>
  );
}

/** One month, Monday first; each exception says its kind and name to screen readers and on hover. */
function Month({
  year,
  month,
  index,
  today,
}: {
  year: number;
  month: number;
  index: ReadonlyMap<string, CalendarDay>;
  today: string;
}) {
  const t = useT(calendarMessages);
  return (
    <table className="month">
      <caption>{t('month', { month })}</caption>
      <thead>
        <tr>
          {WEEK.map((wd) => (
            <th key={wd} scope="col" abbr={t(`wd_${wd}` as CalendarKey)}>
              {t(`wdShort_${wd}` as CalendarKey)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {monthWeeks(year, month).map((week) => (
          <tr key={week.find((d) => d !== null)}>
            {week.map((day, i) => {
              if (day === null) return <td key={`empty-${WEEK[i]}`} />;
              const date = isoDate(year, month, day);
              const mark = dayMark(year, month, day, index);
              const exception = index.get(date);
              const label = `${formatDate(date)}: ${t(`mark_${mark}` as CalendarKey)}${exception ? ` – ${exception.name}` : ''}`;
              return (
                <td
                  key={date}
                  data-date={date}
                  data-mark={mark}
                  className={`day day-${mark}${date === today ? ' day-today' : ''}`}
                  title={label}
                >
                  <span aria-hidden="true">{day}</span>
                  <span className="visually-hidden">{label}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The twelve months of a year. */
export function YearView({
  year,
  index,
  today,
}: {
  year: number;
  index: ReadonlyMap<string, CalendarDay>;
  today: string;
}) {
  const t = useT(calendarMessages);
  return (
    <section className="year-grid" aria-label={t('yearView', { year })}>
      {MONTHS.map((month) => (
        <Month key={month} year={year} month={month} index={index} today={today} />
      ))}
    </section>
  );
}

/** The year's exceptions as a list: the same facts as the grid, readable in order. */
export function ExceptionList({ year, days }: { year: number; days: readonly CalendarDay[] }) {
  const t = useT(calendarMessages);
  return (
    <section className="card stack" aria-labelledby="calendar-days-heading">
      <h2 id="calendar-days-heading">{t('daysHeading', { year })}</h2>
      {days.length === 0 ? (
        <p className="muted">{t('noDays')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dateColumn')}</th>
              <th scope="col">{t('weekdayColumn')}</th>
              <th scope="col">{t('kindColumn')}</th>
              <th scope="col">{t('nameColumn')}</th>
              <th scope="col">{t('lunarColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => {
              const [y, m, day] = d.date.split('-').map(Number);
              const weekday = weekdayOf(y ?? year, m ?? 1, day ?? 1);
              return (
                <tr key={d.date}>
                  <td>{formatDate(d.date)}</td>
                  <td>{t(`wd_${weekday}` as CalendarKey)}</td>
                  <td>
                    <span className={`day-chip day-${d.kind}`}>{t(`mark_${d.kind}` as CalendarKey)}</span>
                  </td>
                  <td>{d.name}</td>
                  <td>{d.lunar ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
