const BARS = '▁▂▃▄▅▆▇█';

/** Unicode sparkline of values scaled to [min(0, ...), max]; one character per value. */
export function sparkline(values: ArrayLike<number>, max?: number): string {
  let top = max ?? 0;
  if (max === undefined) for (let i = 0; i < values.length; i++) top = Math.max(top, values[i]);
  let text = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const level = top > 0 ? Math.min(BARS.length - 1, Math.max(0, Math.round((v / top) * (BARS.length - 1)))) : 0;
    text += BARS[level];
  }
  return text;
}
