import { formatDay, periodIndexStart, type Frequency } from '../core/series/calendar.js';
import { WRITE_BLOCK_CHARS } from '../io/write-chunks.js';
import { formatCsvNumber, quoteCsvField } from '../io/write-csv.js';
import { forecastRows, type SeriesOutcome } from './forecast-stage.js';

/**
 * forecast.csv as UTF-8 blocks of about 1 MiB: the same bytes as
 * `csvLines(csvColumns(...header), forecastRows(...).rows)`, written without a cell array per
 * row. A nightly plan on 60k daily series writes 1.7M lines, and the row arrays, the generic
 * cell formatter and one string per line cost more than the forecasts of fast methods. Per row
 * only the numbers are formatted: the quoted sku, warehouse and method are built once per
 * series and the period dates once per period.
 *
 * @example await set.writeLines('forecast.csv', forecastCsvChunks(outcomes, 'day', 28, [80, 95]));
 */
export function* forecastCsvChunks(
  outcomes: readonly SeriesOutcome[], freq: Frequency, horizon: number, levels: readonly number[],
): Generator<Uint8Array> {
  const { header } = forecastRows(outcomes, freq, horizon, levels);
  const index80 = levels.indexOf(80);
  const index95 = levels.indexOf(95);
  const extraIndexes = levels.filter((level) => level !== 80 && level !== 95).map((level) => levels.indexOf(level));
  const days = new Map<number, string>();
  const block = new BlockBuilder();
  block.add(`${header.map(quoteCsvField).join(',')}\n`);
  for (const outcome of outcomes) {
    const { forecast } = outcome;
    const { mean, lower, upper } = forecast;
    const head = `${quoteCsvField(outcome.sku)},${quoteCsvField(outcome.warehouse)},`;
    const tail = `,${quoteCsvField(forecast.method)}`;
    const lower80 = index80 < 0 ? undefined : lower[index80];
    const upper80 = index80 < 0 ? undefined : upper[index80];
    const lower95 = index95 < 0 ? undefined : lower[index95];
    const upper95 = index95 < 0 ? undefined : upper[index95];
    for (let h = 0; h < horizon; h++) {
      const period = outcome.firstForecastPeriod + h;
      let day = days.get(period);
      if (day === undefined) {
        day = quoteCsvField(formatDay(periodIndexStart(period, freq)));
        days.set(period, day);
      }
      let line = `${head}${day},${roundedText(mean[h])},${lower80 ? roundedText(lower80[h]) : ''},`
        + `${upper80 ? roundedText(upper80[h]) : ''},${lower95 ? roundedText(lower95[h]) : ''},`
        + `${upper95 ? roundedText(upper95[h]) : ''}${tail}`;
      for (const i of extraIndexes) line += `,${roundedText(lower[i][h])},${roundedText(upper[i][h])}`;
      const full = block.add(`${line}\n`);
      if (full) yield full;
    }
  }
  const last = block.take();
  if (last.length > 0) yield last;
}

/**
 * UTF-8 bytes gathered into blocks of about {@link WRITE_BLOCK_CHARS}. Each line is encoded
 * into the block at once, so it dies young; a 1 MiB string grown by `+=` is a tree of pieces
 * that survives collections until it is flattened, and the garbage collector then cost more
 * than the formatting.
 */
class BlockBuilder {
  private bytes = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;

  /** Appends `text`; returns the finished block when it has reached its size. */
  add(text: string): Uint8Array | undefined {
    let full: Uint8Array | undefined;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + text.length * 3 > this.bytes.length) {
      full = this.used > 0 ? this.take() : undefined;
      if (text.length * 3 > this.bytes.length) this.bytes = Buffer.allocUnsafe(text.length * 3);
    }
    this.used += this.bytes.write(text, this.used);
    return full ?? (this.used >= WRITE_BLOCK_CHARS ? this.take() : undefined);
  }

  /** The bytes gathered so far, in a block of their own; the builder starts a new one. */
  take(): Uint8Array {
    const full = this.bytes.subarray(0, this.used);
    this.bytes = Buffer.allocUnsafe(BLOCK_BYTES);
    this.used = 0;
    return full;
  }
}

/** Room for a block and the line that fills it. */
const BLOCK_BYTES = WRITE_BLOCK_CHARS + 4096;

/** '', '.1', '.25', '.0001', ... : the decimals of n/10000 for n = 0..9999, trailing zeros dropped. */
const TEN_THOUSANDTHS: readonly string[] = Array.from({ length: 10_000 }, (_, n) => (
  n === 0 ? '' : `.${String(n).padStart(4, '0').replace(/0+$/, '')}`));
/** Below this many ten-thousandths the split into whole and fraction below is exact. */
const FAST_LIMIT = 1e13;

/**
 * A value rounded to four decimals as forecast.csv writes it: the text of
 * `formatCsvNumber(Math.round(value * 1e4) / 1e4)` with -0 as 0. With k = Math.round(value * 1e4)
 * an integer below 1e13, k / 1e4 has at most 13 significant digits, so its shortest round-trip
 * text (what String() writes) is k's digits with the point four places from the right; that
 * text is built from the whole part and a table of the 10,000 fractions, much faster than
 * V8's general double-to-text. Other values (huge, NaN, infinite) take the general path.
 */
export function roundedText(value: number): string {
  const k = Math.round(value * 1e4);
  if (k >= 0 && k < FAST_LIMIT) {
    const whole = Math.floor(k / 1e4);
    return `${whole}${TEN_THOUSANDTHS[k - whole * 1e4]}`;
  }
  if (k < 0 && k > -FAST_LIMIT) {
    const whole = Math.floor(-k / 1e4);
    return `-${whole}${TEN_THOUSANDTHS[-k - whole * 1e4]}`;
  }
  const rounded = k / 1e4;
  return formatCsvNumber(rounded === 0 ? 0 : rounded);
}
