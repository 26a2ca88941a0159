import * as z from 'zod';
import { putAnnouncedSchedule, workingCalendar } from '#adapters/calendar-repository';
import { YearPath } from '#api/calendar-params';
import { fieldErrors, validationError } from '#api/errors';
import { httpHandler } from '#api/http';
import { announcedDaysSchema } from '#domain/calendar/schedule';

/**
 * `PUT /v1/calendar/{year}` (city officials): loads the schedule the government announced for
 * a year; it replaces that year's statutory defaults from then on.
 */
export const handler = httpHandler(
  { access: ['city_official'], path: YearPath, body: z.unknown() },
  async ({ path, body, principal }) => {
    const parsed = announcedDaysSchema(path.year).safeParse(body);
    if (!parsed.success) throw validationError(fieldErrors(parsed.error));
    await putAnnouncedSchedule(path.year, parsed.data.days, principal.userId);
    const calendar = await workingCalendar();
    return { status: 200, body: calendar.schedule(path.year) };
  },
);
