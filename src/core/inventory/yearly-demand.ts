const DAYS_PER_YEAR = 365.2425;

/**
 * Average demand per year of a history: total units over the days the series covers, times
 * 365.2425. Zero for an empty series.
 *
 * @param totalDemand units sold over the series
 * @param periods length of the series in periods
 * @param daysPerPeriod 1, 7 or the mean month length
 * @example yearlyDemand(70, 10, 7) // 70 units in 70 days: 365.2425 units per year
 */
export function yearlyDemand(totalDemand: number, periods: number, daysPerPeriod: number): number {
  const days = periods * daysPerPeriod;
  return days > 0 && totalDemand > 0 ? (totalDemand / days) * DAYS_PER_YEAR : 0;
}
