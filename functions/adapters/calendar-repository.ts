import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { CalendarDay } from '#domain/calendar/schedule';
import { WorkingCalendar } from '#domain/calendar/working-calendar';
import { toLocalIso } from '#domain/time';
import { cityTable, documentClient, queryAll } from './dynamodb.ts';

const PK = 'CALENDAR';
const yearSk = (year: number) => `YEAR#${year}`;
/** Announced schedules change a few times a year; a minute of staleness across Lambdas is fine. */
const TTL_MS = 60_000;

let cached: { at: number; calendar: WorkingCalendar } | undefined;

/** The working-day calendar: statutory defaults, replaced year by year by announced schedules. */
export async function workingCalendar(now = Date.now()): Promise<WorkingCalendar> {
  if (cached && now - cached.at < TTL_MS) return cached.calendar;
  const announced = new Map<number, readonly CalendarDay[]>();
  const items = await queryAll({
    TableName: cityTable(),
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': PK },
  });
  for (const item of items) announced.set(Number(item.year), item.days as CalendarDay[]);
  cached = { at: now, calendar: new WorkingCalendar(announced) };
  return cached.calendar;
}

/** Stores the announced schedule of a year; it replaces that year's statutory defaults. */
export async function putAnnouncedSchedule(
  year: number,
  days: readonly CalendarDay[],
  by: string,
): Promise<void> {
  await documentClient().send(
    new PutCommand({
      TableName: cityTable(),
      Item: { pk: PK, sk: yearSk(year), year, days, updatedBy: by, updatedAt: toLocalIso(new Date()) },
    }),
  );
  cached = undefined;
}
