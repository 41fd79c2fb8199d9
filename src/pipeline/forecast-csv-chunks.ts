import { formatDay, periodIndexStart, type Frequency } from '../core/series/calendar.js';
import { WRITE_BLOCK_CHARS } from '../io/write/write-chunks.js';
import { formatCsvNumber, quoteCsvField } from '../io/write/write-csv.js';
import type { SeriesForecast } from '../core/forecast/forecast-series.js';
import { forecastRows, type SeriesOutcome } from './forecast-stage.js';
import { PackedSeriesForecast } from './packed-series-forecast.js';

/**
 * forecast.csv as UTF-8 blocks of about 1 MiB: the same bytes as
 * `csvLines(csvColumns(...header), forecastRows(...).rows)`, written without a cell array or a
 * string per row. A nightly plan on 60k daily series writes 1.7M lines, and the row arrays, the
 * generic cell formatter and the strings (garbage that a 1 GB heap collects slowly) cost more
 * than the forecasts of fast methods. Each distinct quoted sku, warehouse and method is encoded
 * once per file, the dates once per period, and the numbers are written digit by digit into the
 * block, read from the forecasts' batch buffers when they are packed.
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
  const days = new Map<number, Uint8Array>();
  const block = new ByteBlock();
  // Each distinct sku, warehouse and method, quoted and encoded once for the whole file.
  const fields = new Map<string, Uint8Array>();
  const fieldBytes = (text: string): Uint8Array => {
    let bytes = fields.get(text);
    if (bytes === undefined) {
      bytes = Buffer.from(quoteCsvField(text));
      fields.set(text, bytes);
    }
    return bytes;
  };
  block.putText(`${header.map(quoteCsvField).join(',')}\n`);
  // Per number column of a line (forecast, lo80, hi80, lo95, hi95, then loNN, hiNN of the other
  // levels), the array this series' values are read from and where they start in it: a packed
  // forecast is read in its batch's buffers, without a view per series.
  const columnLevels = [-1, index80, index80, index95, index95, ...extraIndexes.flatMap((i) => [i, i])];
  const sources: (Float64Array | undefined)[] = columnLevels.map(() => undefined);
  const starts = new Int32Array(columnLevels.length);
  for (const outcome of outcomes) {
    const { forecast } = outcome;
    readColumns(forecast, columnLevels, sources, starts);
    const sku = fieldBytes(outcome.sku);
    const warehouse = fieldBytes(outcome.warehouse);
    const method = fieldBytes(forecast.method);
    const lineBytes = sku.length + warehouse.length + method.length + 16 + (4 + 2 * extraIndexes.length) * (MAX_FAST_NUMBER_BYTES + 1) + 4;
    for (let h = 0; h < horizon; h++) {
      const period = outcome.firstForecastPeriod + h;
      let day = days.get(period);
      if (day === undefined) {
        day = Buffer.from(quoteCsvField(formatDay(periodIndexStart(period, freq))));
        days.set(period, day);
      }
      block.reserve(lineBytes + day.length);
      block.putRange(sku, 0, sku.length);
      block.putByte(COMMA);
      block.putRange(warehouse, 0, warehouse.length);
      block.putByte(COMMA);
      block.putBytes(day);
      block.putByte(COMMA);
      for (let column = 0; column < 5; column++) {
        if (column > 0) block.putByte(COMMA);
        const source = sources[column];
        if (source) block.putRounded(source[starts[column] + h]);
      }
      block.putByte(COMMA);
      block.putRange(method, 0, method.length);
      for (let column = 5; column < sources.length; column++) {
        block.putByte(COMMA);
        block.putRounded((sources[column] as Float64Array)[starts[column] + h]);
      }
      block.putByte(NEWLINE);
      if (block.used >= WRITE_BLOCK_CHARS) yield block.take();
    }
  }
  if (block.used > 0) yield block.take();
}

/**
 * Where the values of each number column of `forecast` are: `sources[c][starts[c] + h]` is column
 * c's value at step h. Column 0 is the mean; then, per entry of `columnLevels`, the lower bound
 * (odd columns) or upper bound (even columns) of that level index; -1 at a bound column: empty.
 */
function readColumns(forecast: SeriesForecast, columnLevels: readonly number[], sources: (Float64Array | undefined)[], starts: Int32Array): void {
  const packed = forecast instanceof PackedSeriesForecast ? forecast : undefined;
  sources[0] = packed ? packed.batch.mean : forecast.mean;
  starts[0] = packed ? packed.meanStart : 0;
  for (let column = 1; column < columnLevels.length; column++) {
    const level = columnLevels[column];
    const isLower = column % 2 === 1;
    if (level < 0) sources[column] = undefined;
    else if (packed) {
      sources[column] = packed.batch.bounds;
      starts[column] = isLower ? packed.lowerStart(level) : packed.upperStart(level);
    } else {
      sources[column] = isLower ? forecast.lower[level] : forecast.upper[level];
      starts[column] = 0;
    }
  }
}

const COMMA = 44;
const NEWLINE = 10;
const ZERO = 48;
/** '-', up to 9 digits of the whole part (below {@link FAST_LIMIT} / 1e4), '.', 4 decimals. */
const MAX_FAST_NUMBER_BYTES = 15;
/** Room for a block and the line that fills it. */
const BLOCK_BYTES = WRITE_BLOCK_CHARS + 4096;

/**
 * UTF-8 bytes gathered into blocks of about {@link WRITE_BLOCK_CHARS}. A line is written only
 * after `reserve`, which starts a new block (or a bigger one) when the line might not fit, so
 * no block ends inside a line.
 */
class ByteBlock {
  bytes = Buffer.allocUnsafe(BLOCK_BYTES);
  used = 0;

  /** Makes room for `count` more bytes in this block, moving what is there to a bigger one if needed. */
  reserve(count: number): void {
    if (this.used + count <= this.bytes.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, this.used + count));
    this.bytes.copy(bigger, 0, 0, this.used);
    this.bytes = bigger;
  }

  putByte(byte: number): void {
    this.bytes[this.used++] = byte;
  }

  putBytes(bytes: Uint8Array): void {
    this.bytes.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Copies `source[start..end)`; a loop, since the ranges are short and Buffer#copy's checks cost more. */
  putRange(source: Uint8Array, start: number, end: number): void {
    const bytes = this.bytes;
    let at = this.used;
    for (let i = start; i < end; i++) bytes[at++] = source[i];
    this.used = at;
  }

  putText(text: string): void {
    this.reserve(Buffer.byteLength(text));
    this.used += this.bytes.write(text, this.used);
  }

  /** {@link roundedText} of `value`, written as bytes; the digits of the common case without a string. */
  putRounded(value: number): void {
    let k = Math.round(value * 1e4);
    if (k < 0 && k > -FAST_LIMIT) {
      this.putByte(45);
      k = -k;
    }
    if (!(k >= 0 && k < FAST_LIMIT)) {
      this.putText(roundedText(value));
      return;
    }
    // Below FAST_LIMIT the whole part is under 1e9: int32 arithmetic is exact.
    const whole = Math.floor(k / 1e4);
    let fraction = k - whole * 1e4;
    const bytes = this.bytes;
    let digits = 1;
    for (let rest = whole; rest >= 10; rest = (rest / 10) | 0) digits++;
    let at = this.used + digits;
    for (let rest = whole, i = 1; i <= digits; i++, rest = (rest / 10) | 0) bytes[at - i] = ZERO + (rest % 10);
    if (fraction !== 0) {
      bytes[at++] = 46;
      for (let scale = 1000; fraction !== 0; scale /= 10) {
        const digit = Math.floor(fraction / scale);
        bytes[at++] = ZERO + digit;
        fraction -= digit * scale;
      }
    }
    this.used = at;
  }

  /** The bytes gathered so far, in a block of their own; a new block starts. */
  take(): Uint8Array {
    const full = this.bytes.subarray(0, this.used);
    this.bytes = Buffer.allocUnsafe(BLOCK_BYTES);
    this.used = 0;
    return full;
  }
}

/** Below this many ten-thousandths the whole part is under 1e9 and the digits are written directly. */
const FAST_LIMIT = 1e13;

/**
 * A value rounded to four decimals as forecast.csv writes it (`round` of forecast-stage.ts, then
 * formatCsvNumber): the general path, for values outside the fast one of `putRounded`. For
 * k = Math.round(value * 1e4) with |k| < 1e13, k / 1e4 has at most 13 significant digits, so its
 * shortest round-trip text is k's digits with the point four places from the right, trailing
 * zeros dropped: what `putRounded` writes.
 */
function roundedText(value: number): string {
  const rounded = Math.round(value * 1e4) / 1e4;
  return formatCsvNumber(rounded === 0 ? 0 : rounded);
}
