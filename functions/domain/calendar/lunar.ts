import { addDays, isLocalDate, type LocalDate } from '#domain/time';

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7 after
 * Hồ Ngọc Đức's published algorithm: new moons by Meeus' approximation, the sun's longitude
 * for the major solar terms, month 11 is the month containing the winter solstice, and in a
 * 13-month year the first month without a major solar term is the leap month.
 *
 * The Chinese calendar applies the same rules at UTC+8, so the two differ whenever a new moon
 * or a solar term falls between 23:00 and midnight Vietnamese time (e.g. Tết 1985 was
 * 21/1/1985 in Vietnam and 20/2/1985 in China). A Chinese-calendar library is not a substitute.
 */

/** A lunar date; `leap` marks a day of the intercalary (nhuận) month. */
export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const TIME_ZONE = 7;
const SYNODIC_MONTH = 29.530588853;
/** Julian day of the new moon of 1900-01-01 (UTC), the epoch of the new-moon index k. */
const NEW_MOON_EPOCH = 2415021.076998695;
const DEG = Math.PI / 180;

function assertYear(year: number, what: string): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`${what} must be within ${MIN_YEAR}–${MAX_YEAR}: ${year}`);
  }
}

/** Julian day number of a Gregorian date (all supported dates are Gregorian). */
function jdFromDate(date: LocalDate): number {
  const yy = Number(date.slice(0, 4));
  const mm = Number(date.slice(5, 7));
  const dd = Number(date.slice(8, 10));
  const a = Math.floor((14 - mm) / 12);
  const y = yy + 4800 - a;
  const m = mm + 12 * a - 3;
  return (
    dd +
    Math.floor((153 * m + 2) / 5) +
    365 * y +
    Math.floor(y / 4) -
    Math.floor(y / 100) +
    Math.floor(y / 400) -
    32045
  );
}

/** JD 2440588 is 1970-01-01, the epoch of `addDays`. */
function dateFromJd(jd: number): LocalDate {
  return addDays('1970-01-01', jd - 2440588);
}

/** Julian date (UTC) of the k-th new moon after 1900-01-01 (Meeus, Astronomical Algorithms). */
function newMoon(k: number): number {
  const T = k / 1236.85;
  const T2 = T * T;
  const T3 = T2 * T;
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * T2 - 0.000000155 * T3;
  jd1 += 0.00033 * Math.sin((166.56 + 132.87 * T - 0.009173 * T2) * DEG);
  const M = 359.2242 + 29.10535608 * k - 0.0000333 * T2 - 0.00000347 * T3;
  const Mpr = 306.0253 + 385.81691806 * k + 0.0107306 * T2 + 0.00001236 * T3;
  const F = 21.2964 + 390.67050646 * k - 0.0016528 * T2 - 0.00000239 * T3;
  let c1 = (0.1734 - 0.000393 * T) * Math.sin(M * DEG) + 0.0021 * Math.sin(2 * DEG * M);
  c1 = c1 - 0.4068 * Math.sin(Mpr * DEG) + 0.0161 * Math.sin(DEG * 2 * Mpr);
  c1 = c1 - 0.0004 * Math.sin(DEG * 3 * Mpr);
  c1 = c1 + 0.0104 * Math.sin(DEG * 2 * F) - 0.0051 * Math.sin(DEG * (M + Mpr));
  c1 = c1 - 0.0074 * Math.sin(DEG * (M - Mpr)) + 0.0004 * Math.sin(DEG * (2 * F + M));
  c1 = c1 - 0.0004 * Math.sin(DEG * (2 * F - M)) - 0.0006 * Math.sin(DEG * (2 * F + Mpr));
  c1 = c1 + 0.001 * Math.sin(DEG * (2 * F - Mpr)) + 0.0005 * Math.sin(DEG * (2 * Mpr + M));
  const deltaT =
    T < -11
      ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
      : -0.000278 + 0.000265 * T + 0.000262 * T2;
  return jd1 + c1 - deltaT;
}

/** Apparent longitude of the sun in radians, 0 ≤ L < 2π, at Julian date `jd` (UTC). */
function sunLongitude(jd: number): number {
  const T = (jd - 2451545.0) / 36525;
  const T2 = T * T;
  const M = 357.5291 + 35999.0503 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
  const L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
  let dl = (1.9146 - 0.004817 * T - 0.000014 * T2) * Math.sin(DEG * M);
  dl = dl + (0.019993 - 0.000101 * T) * Math.sin(DEG * 2 * M) + 0.00029 * Math.sin(DEG * 3 * M);
  const l = (L0 + dl) * DEG;
  return l - 2 * Math.PI * Math.floor(l / (2 * Math.PI));
}

/** The 30° sector (0–11) the sun is in at local midnight starting day `dayNumber`; 9 = after the winter solstice. */
function solarTermSector(dayNumber: number): number {
  return Math.floor((sunLongitude(dayNumber - 0.5 - TIME_ZONE / 24) / Math.PI) * 6);
}

/** Julian day number of the local (UTC+7) day of the k-th new moon: the first day of a lunar month. */
function newMoonDay(k: number): number {
  return Math.floor(newMoon(k) + 0.5 + TIME_ZONE / 24);
}

/** Index k of the new moon starting the month that begins on day `monthStart`. */
function monthIndex(monthStart: number): number {
  return Math.floor((monthStart - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
}

/** First day (JDN) of lunar month 11 of Gregorian year `year`: the month containing the winter solstice. */
function month11(year: number): number {
  const k = Math.floor((jdFromDate(`${year}-12-31`) - 2415021) / SYNODIC_MONTH);
  const nm = newMoonDay(k);
  // Solstice (270°) already passed when this month starts: month 11 is the one before.
  return solarTermSector(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

/**
 * In a 13-month year starting at month 11 on `a11`, the offset (1–12) of the leap month:
 * the first month during which the sun enters no new 30° sector (no major solar term).
 */
function leapMonthOffset(a11: number): number {
  const k = monthIndex(a11);
  let i = 1;
  let arc = solarTermSector(newMoonDay(k + i));
  let last: number;
  do {
    last = arc;
    i++;
    arc = solarTermSector(newMoonDay(k + i));
  } while (arc !== last && i < 14);
  return i - 1;
}

/** The lunar month number (1–12) at `offset` months after month 11 in a year whose leap offset is `leapOffset`. */
function monthAtOffset(offset: number, leapOffset: number | undefined): { month: number; leap: boolean } {
  const shifted = leapOffset !== undefined && offset >= leapOffset ? offset - 1 : offset;
  return { month: ((shifted + 10) % 12) + 1, leap: offset === leapOffset };
}

/** Converts a Gregorian date (1900-01-01 … 2100-12-31) to the Vietnamese lunar calendar. */
export function solarToLunar(date: LocalDate): LunarDate {
  if (!isLocalDate(date)) throw new RangeError(`not a date: ${date}`);
  const yy = Number(date.slice(0, 4));
  assertYear(yy, 'year');
  const dayNumber = jdFromDate(date);
  // Start from the mean lunation and correct by whole months until the month contains the day:
  // the published code corrects only once and yields a "day 0" on 2054-05-07 and 2062-04-09.
  let k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH) + 1;
  while (newMoonDay(k) > dayNumber) k--;
  while (newMoonDay(k + 1) <= dayNumber) k++;
  const monthStart = newMoonDay(k);
  let a11 = month11(yy);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = yy;
    a11 = month11(yy - 1);
  } else {
    lunarYear = yy + 1;
    b11 = month11(yy + 1);
  }
  const offset = Math.floor((monthStart - a11) / 29);
  // 13 lunations between consecutive months 11 (about 384 days instead of 354): a leap year.
  const leapOffset = b11 - a11 > 365 ? leapMonthOffset(a11) : undefined;
  const { month, leap } = monthAtOffset(offset, leapOffset);
  // Months 11 and 12 (and a leap 11/12) belong to the lunar year that began the previous spring.
  if (month >= 11 && offset < 4) lunarYear -= 1;
  return { day: dayNumber - monthStart + 1, month, year: lunarYear, leap };
}

/** First day (JDN) and length of the lunar month, or undefined when the year has no such month. */
function findMonth(
  month: number,
  year: number,
  leap: boolean,
): { start: number; length: number } | undefined {
  // Months 11–12 of lunar year Y start after the solstice of Gregorian year Y; months 1–10 after that of Y−1.
  const base = month < 11 ? year - 1 : year;
  const a11 = month11(base);
  const b11 = month11(base + 1);
  const leapOffset = b11 - a11 > 365 ? leapMonthOffset(a11) : undefined;
  const k = monthIndex(a11);
  for (let offset = 0; offset <= 12; offset++) {
    const at = monthAtOffset(offset, leapOffset);
    if (at.month === month && at.leap === leap) {
      const start = newMoonDay(k + offset);
      return { start, length: newMoonDay(k + offset + 1) - start };
    }
  }
  return undefined;
}

/**
 * Converts a Vietnamese lunar date to the Gregorian calendar; undefined when that lunar day does
 * not exist (day 30 of a 29-day month, a leap month the year does not have, day or month out of range).
 */
export function lunarToSolar(l: {
  day: number;
  month: number;
  year: number;
  leap?: boolean;
}): LocalDate | undefined {
  if (!Number.isInteger(l.year) || l.year < MIN_YEAR - 1 || l.year > MAX_YEAR) {
    throw new RangeError(`lunar year outside the supported range ${MIN_YEAR}–${MAX_YEAR}: ${l.year}`);
  }
  if (!Number.isInteger(l.month) || l.month < 1 || l.month > 12) return undefined;
  if (!Number.isInteger(l.day) || l.day < 1 || l.day > 30) return undefined;
  const found = findMonth(l.month, l.year, l.leap ?? false);
  if (!found || l.day > found.length) return undefined;
  const date = dateFromJd(found.start + l.day - 1);
  // Lunar year 1899 ends in January 1900 and lunar year 2100 ends in January 2101.
  assertYear(Number(date.slice(0, 4)), 'Gregorian year');
  return date;
}

/** Gregorian date of Tết Nguyên Đán (1/1 lunar) of lunar year `year`. */
export function lunarNewYear(year: number): LocalDate {
  assertYear(year, 'year');
  const date = lunarToSolar({ day: 1, month: 1, year });
  if (date === undefined) throw new Error(`no lunar new year in ${year}`);
  return date;
}
