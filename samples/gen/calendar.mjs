// Calendar dates as integer day numbers (days since 1970-01-01), UTC only, no local time.

const MS_PER_DAY = 86_400_000;

export function dayOf(isoDate) {
  const [year, month, day] = isoDate.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoOf(dayNumber) {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** DD/MM/YYYY, as a German or British Excel writes it. */
export function dayMonthYearOf(dayNumber) {
  const [year, month, day] = isoOf(dayNumber).split('-');
  return `${day}/${month}/${year}`;
}

/** ISO weekday index 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(dayNumber) {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/** Day of the year, 0-based. */
export function dayOfYear(dayNumber) {
  const year = Number(isoOf(dayNumber).slice(0, 4));
  return dayNumber - Date.UTC(year, 0, 1) / MS_PER_DAY;
}

export function monthDayOf(dayNumber) {
  return isoOf(dayNumber).slice(5);
}

/** Black Friday: the day after the fourth Thursday of November. */
export function blackFridayOf(year) {
  const november1 = Date.UTC(year, 10, 1) / MS_PER_DAY;
  const firstThursday = november1 + ((3 - weekdayIndex(november1) + 7) % 7);
  return firstThursday + 21 + 1;
}
