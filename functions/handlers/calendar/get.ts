import { workingCalendar } from '#adapters/calendar-repository';
import { YearPath } from '#api/calendar-params';
import { httpHandler } from '#api/http';

/** `GET /v1/calendar/{year}`: the year's non-working weekdays and make-up working days. */
export const handler = httpHandler({ access: 'public', path: YearPath }, async ({ path }) => {
  const calendar = await workingCalendar();
  return { status: 200, body: calendar.schedule(path.year) };
});
