import { dayNumber, formatDay, isValidDate } from '../../core/series/calendar.js';
import { UsageError } from '../../errors.js';

/** Date layouts accepted by `--date-format`; ISO is the default. */
export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY', 'YYYY/MM/DD'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Accepted range of sales and planning dates; outside it a date is an input error. */
export const MIN_DAY = dayNumber(1800, 1, 1);
export const MAX_DAY = dayNumber(2200, 12, 31);

/** The format named by `--date-format` (case-insensitive, `ISO` accepted); unknown names are a usage error. */
export function resolveDateFormat(name: string | undefined): DateFormat {
  if (name === undefined || name === '' || name.toUpperCase() === 'ISO') return 'YYYY-MM-DD';
  const upper = name.trim().toUpperCase() as DateFormat;
  if (!DATE_FORMATS.includes(upper)) {
    throw new UsageError(`unknown date format "${name}" (use one of ${DATE_FORMATS.join(', ')})`);
  }
  return upper;
}

/**
 * Day number of a date written in `format`, or NaN when the text is not such a date, names no
 * real day (2025-02-30) or lies outside 1800-01-01..2200-12-31. A time after the date (`T13:22`
 * or ` 13:22:00`) is ignored: only the calendar date counts. Day and month may have one digit in
 * the non-ISO formats, as spreadsheets write them.
 */
export function parseDay(text: string, format: DateFormat): number {
  const parts = splitDate(text, format);
  if (parts === undefined) return NaN;
  const [year, month, day] = parts;
  if (!isValidDate(year, month, day)) return NaN;
  const result = dayNumber(year, month, day);
  return result >= MIN_DAY && result <= MAX_DAY ? result : NaN;
}

/** Why `text` is not a date in `format`: what to say as `expected`, and a hint. Off the hot path. */
export function explainDate(text: string, format: DateFormat): { expected: string; hint: string } {
  const parts = splitDate(text, format);
  if (parts !== undefined) {
    const [year, month, day] = parts;
    if (!isValidDate(year, month, day)) return { expected: 'a real calendar date', hint: '' };
    return { expected: `a date between ${formatDay(MIN_DAY)} and ${formatDay(MAX_DAY)}`, hint: '' };
  }
  const fits = DATE_FORMATS.filter((other) => other !== format && splitDate(text, other) !== undefined);
  const hint = fits.length > 0 ? `use --date-format ${fits.join(' or --date-format ')}` : '';
  return { expected: `a date ${format}`, hint };
}

/** [year, month, day] as written (not yet checked against the calendar), or undefined. */
function splitDate(text: string, format: DateFormat): [number, number, number] | undefined {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  const yearFirst = format === 'YYYY-MM-DD' || format === 'YYYY/MM/DD';
  const separator = format === 'YYYY-MM-DD' ? 45 : format === 'DD.MM.YYYY' ? 46 : 47;
  const numbers = [0, 0, 0];
  let i = start;
  for (let part = 0; part < 3; part++) {
    const isYear = yearFirst ? part === 0 : part === 2;
    const from = i;
    let value = 0;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      value = value * 10 + (c - 48);
      i++;
    }
    const length = i - from;
    if (isYear ? length !== 4 : length < 1 || length > 2 || (format === 'YYYY-MM-DD' && length !== 2)) return undefined;
    numbers[part] = value;
    if (part < 2) {
      if (i >= end || text.charCodeAt(i) !== separator) return undefined;
      i++;
    }
  }
  if (i < end) {
    const next = text.charCodeAt(i);
    if (next !== 84 && next !== 32) return undefined; // 'T' or ' ' starts a time of day
  }
  if (yearFirst) return [numbers[0], numbers[1], numbers[2]];
  return format === 'MM/DD/YYYY' ? [numbers[2], numbers[0], numbers[1]] : [numbers[2], numbers[1], numbers[0]];
}
