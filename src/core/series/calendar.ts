/**
 * Calendar dates as integer day numbers (days since 1970-01-01, UTC), and the periods of the
 * interface spec: a day, an ISO week starting Monday, or a calendar month, each named by the
 * ISO date of its first day. Pure arithmetic: no Date objects in hot paths, no time zones.
 */

export type Frequency = 'day' | 'week' | 'month';

/** Days from 1970-01-01 to the given civil date (proleptic Gregorian). Howard Hinnant's algorithm. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of {@link dayNumber}: [year, month (1-12), day]. */
export function civilFromDay(dayNum: number): [number, number, number] {
  const z = dayNum + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year-month-day names a real calendar date (rejects 2025-02-30). */
export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && year >= 1 && year <= 9999 && month >= 1 && month <= 12
    && day >= 1 && day <= daysInMonth(year, month);
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(dayNum: number): string {
  const [y, m, d] = civilFromDay(dayNum);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Parses strict ISO `YYYY-MM-DD`; returns NaN when the text is not a valid date. */
export function parseIsoDay(text: string): number {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const y = Number(text.slice(0, 4));
  const m = Number(text.slice(5, 7));
  const d = Number(text.slice(8, 10));
  return isValidDate(y, m, d) ? dayNumber(y, m, d) : NaN;
}

/** ISO weekday, 1 = Monday .. 7 = Sunday. 1970-01-01 was a Thursday. */
export function isoWeekday(dayNum: number): number {
  return ((((dayNum + 3) % 7) + 7) % 7) + 1;
}

/** First day of the period (day, ISO week from Monday, calendar month) that contains `dayNum`. */
export function periodStart(dayNum: number, freq: Frequency): number {
  if (freq === 'day') return dayNum;
  if (freq === 'week') return dayNum - (isoWeekday(dayNum) - 1);
  const [y, m] = civilFromDay(dayNum);
  return dayNumber(y, m, 1);
}

/** Index of the period containing `dayNum`, counted from a fixed origin; consecutive periods differ by 1. */
export function periodIndex(dayNum: number, freq: Frequency): number {
  if (freq === 'day') return dayNum;
  if (freq === 'week') return Math.floor((dayNum + 3) / 7); // weeks starting Monday 1969-12-29
  const [y, m] = civilFromDay(dayNum);
  return y * 12 + (m - 1);
}

/** First day of the period with the given {@link periodIndex}. */
export function periodIndexStart(index: number, freq: Frequency): number {
  if (freq === 'day') return index;
  if (freq === 'week') return index * 7 - 3;
  const y = Math.floor(index / 12);
  return dayNumber(y, index - y * 12 + 1, 1);
}

/** Number of days in the period with the given index. */
export function periodLengthDays(index: number, freq: Frequency): number {
  return periodIndexStart(index + 1, freq) - periodIndexStart(index, freq);
}

/** The usual seasonal period of each frequency: a week of days, a year of weeks or months. */
export const SEASON_PERIOD: Readonly<Record<Frequency, number>> = { day: 7, week: 52, month: 12 };

/** Average days per period, for converting lead times in days into periods. */
export const DAYS_PER_PERIOD: Readonly<Record<Frequency, number>> = { day: 1, week: 7, month: 365.2425 / 12 };
