import fs from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { ProblemLog } from './csv-problems.js';
import { openTextStream, stripBom, type ByteRange } from './decode.js';
import type { WarningLog } from '../read/read-options.js';

/** What a reader does with the rows of one CSV file. */
export interface CsvSink {
  /**
   * Gets the header row; returns false to stop reading (e.g. a required column is missing).
   * `estimatedRows` extrapolates the file size from the first chunk, for pre-sizing arrays.
   */
  header(headers: string[], delimiter: string, estimatedRows: number): boolean;
  /** Gets each data row with the right number of fields and its 1-based physical line number. */
  row(fields: string[], line: number): void;
}

export interface CsvSummary {
  /** False for a file with no header row (empty); already reported as a problem. */
  readonly hasHeader: boolean;
  /** Data rows handed to the sink. */
  readonly rows: number;
  /** Blank lines skipped. */
  readonly blankLines: number;
  readonly delimiter: string;
  /** Byte-order marks found after the start of the file (files joined with `cat`) and removed. */
  readonly strayByteOrderMarks: number;
}

const DELIMITERS = [',', ';', '\t'];

/**
 * Longest record read, in characters (about 1 MiB; a record is a line, or several when a quoted
 * value spans them). Anything longer is not a CSV record but a file without line breaks or an
 * unclosed quote that swallowed the rest of the file; papaparse would rescan it once per chunk.
 */
export const MAX_RECORD_CHARS = 1 << 20;
const TOO_LONG_HINT = 'is a quote not closed, or is this not a CSV file?';

/**
 * Streams a CSV file through papaparse in chunk mode (no object per row, no `header: true`).
 * The delimiter (`,` `;` or tab) is the one most frequent in the header line. Lines are counted
 * physically: papaparse counts records, and a quoted field may span lines, so a chunk whose
 * consumed length (from `meta.cursor`) exceeds the plain length of its fields contains quotes,
 * and only then are line breaks inside fields counted. Rows with the wrong number of fields are
 * problems; blank lines are skipped. Line ends may be \n, \r\n or \r, mixed. A record longer than {@link MAX_RECORD_CHARS} ends the read
 * with a problem. Text that did not decode (U+FFFD, bytes invalid in `encoding`) or holds NUL
 * is a problem at its first occurrence; byte-order marks after the start are removed and counted.
 * With `range` only those bytes are read (from the start of a record; see read-sales-parts.ts),
 * after the file's header line; line numbers then count from that header line as line 1.
 */
export async function streamCsv(path: string, encoding: string, problems: ProblemLog, sink: CsvSink, range?: ByteRange): Promise<CsvSummary> {
  const { text, file } = openTextStream(path, encoding, range);
  const chunks = text[Symbol.asyncIterator]() as AsyncIterator<string>;
  let first = '';
  let sourceDone = false;
  if (range !== undefined && range.start > 0) {
    // A part of a file that starts at a record: its rows are read as if the file's header line
    // stood right before them.
    first = `${await headerLineOf(path, encoding)}\n`;
    const next = await chunks.next();
    if (next.done) sourceDone = true;
    else first += next.value;
  }
  // The header line decides the delimiter and line break, so read until it is complete.
  while (!sourceDone && !hasLineBreakOutsideQuotes(first)) {
    if (first.length > MAX_RECORD_CHARS) {
      file.destroy();
      problems.add(1, 0, '', `a header line of at most ${MAX_RECORD_CHARS} characters`, first.slice(0, 100), TOO_LONG_HINT);
      return { hasHeader: false, rows: 0, blankLines: 0, delimiter: ',', strayByteOrderMarks: 0 };
    }
    const next = await chunks.next();
    if (next.done) sourceDone = true;
    else first += next.value;
  }
  first = stripBom(first);
  if (first.trim() === '') {
    file.destroy();
    problems.add(0, 0, '', 'a header row', '', 'the file is empty');
    return { hasHeader: false, rows: 0, blankLines: 0, delimiter: ',', strayByteOrderMarks: 0 };
  }
  const headerLine = firstLine(first);
  const estimatedRows = estimateRows(first, range === undefined ? fs.statSync(path).size : range.end - range.start);
  const delimiter = detectDelimiter(headerLine.text);
  // Every line break reaches papaparse as \n (see `cleaned`), so files that mix \r\n, \n and \r read.
  const newline = '\n';

  let lastChar = '';
  let fedChars = 0;
  let strayByteOrderMarks = 0;
  let hasBadText = false;
  let endsInCarriageReturn = false;
  // Set when text holding a quote is handed to papaparse (and never reset): papaparse may still
  // be parsing text fed before it, for which the flag is then merely cautious.
  let isQuoteFed = false;
  const cleaned = (raw: string): string => {
    // The \n of a \r\n split between two reads was already given as the \r's line break.
    let text = endsInCarriageReturn && raw.charCodeAt(0) === 10 ? raw.slice(1) : raw;
    if (text.length === 0) return text;
    endsInCarriageReturn = text.charCodeAt(text.length - 1) === 13;
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    if (!hasBadText && (text.includes('\uFFFD') || text.includes('\u0000'))) hasBadText = true;
    if (!isQuoteFed && text.includes('"')) isQuoteFed = true;
    if (!text.includes('\uFEFF')) return text;
    const without = text.replaceAll('\uFEFF', '');
    strayByteOrderMarks += text.length - without.length;
    return without;
  };
  async function* feed(): AsyncGenerator<string> {
    first = cleaned(first);
    if (first !== '') {
      lastChar = first[first.length - 1];
      fedChars += first.length;
      yield first;
    }
    while (!sourceDone) {
      const next = await chunks.next();
      if (next.done) break;
      const value = cleaned(next.value);
      if (value.length === 0) continue;
      lastChar = value[value.length - 1];
      fedChars += value.length;
      yield value;
    }
    // A final line break makes every record end with one, which the line counting relies on.
    if (lastChar !== '\n' && lastChar !== '\r') yield newline;
  }
  let isBadTextReported = false;
  /** Reports the first cell holding U+FFFD or NUL; true when this record has one. */
  const reportBadText = (fields: string[], rowLine: number): boolean => {
    for (let f = 0; f < fields.length; f++) {
      const value = fields[f];
      const hasNul = value.includes('\u0000');
      if (!hasNul && !value.includes('\uFFFD')) continue;
      isBadTextReported = true;
      const expected = encoding === 'utf-8' ? 'UTF-8 text' : `text in ${encoding}`;
      const hint = hasNul
        ? 'a NUL byte: is the file UTF-16 without a byte-order mark (--encoding utf-16le) or not text at all?'
        : encoding === 'utf-8' ? 'the file is not UTF-8: try --encoding windows-1252, latin1 or gbk' : 'check --encoding';
      problems.add(rowLine, f + 1, '', expected, value, hint);
      return true;
    }
    return false;
  };

  let width = -1;
  let line = 1;
  let previousCursor = 0;
  let rows = 0;
  let blankLines = 0;
  let stopped = false;
  const delimiterLength = delimiter.length;
  const newlineLength = newline.length;

  await new Promise<void>((resolve, reject) => {
    const input = Readable.from(feed(), { objectMode: true });
    input.on('error', reject);
    Papa.parse<string[]>(input as unknown as File, {
      delimiter,
      newline: newline as '\n',
      header: false,
      skipEmptyLines: false,
      chunk(results, parser) {
        const data = results.data;
        const cursor = results.meta.cursor;
        // Until a quote has been fed, no field can hold a line break: skip measuring the chunk.
        let plainLength = 0;
        if (isQuoteFed) {
          for (let i = 0; i < data.length; i++) {
            const fields = data[i];
            for (let f = 0; f < fields.length; f++) plainLength += fields[f].length;
            plainLength += (fields.length - 1) * delimiterLength + newlineLength;
          }
        }
        const hasQuotes = isQuoteFed && cursor - previousCursor !== plainLength;
        previousCursor = cursor;
        const firstLineOfChunk = line;
        for (let i = 0; i < data.length; i++) {
          const fields = data[i];
          const rowLine = line;
          line += hasQuotes ? 1 + lineBreaksIn(fields) : 1;
          const isBadText = hasBadText && !isBadTextReported && reportBadText(fields, rowLine);
          if (width < 0) {
            width = fields.length;
            if (!sink.header(fields.map((h) => h.trim()), delimiter, estimatedRows)) {
              stopped = true;
              parser.abort();
              return;
            }
            continue;
          }
          if (fields.length === 1 && fields[0] === '') {
            blankLines++;
            continue;
          }
          if (isBadText) continue;
          if (fields.length !== width) {
            problems.add(rowLine, 0, '', `${width} fields (found ${fields.length})`, fields.join(delimiter),
              fields.length > width ? 'a value may contain the delimiter: quote it' : '');
            continue;
          }
          rows++;
          sink.row(fields, rowLine);
        }
        for (const error of results.errors) {
          // Errors about the incomplete record papaparse holds back for the next chunk are not final
          // (a chunk ending between the \r and \n after a closing quote reads as a malformed quote).
          if (error.type !== 'Quotes' || error.row === undefined || error.row >= data.length) continue;
          let errorLine = firstLineOfChunk;
          for (let i = 0; i < error.row; i++) errorLine += hasQuotes ? 1 + lineBreaksIn(data[i]) : 1;
          problems.add(errorLine, 0, '', 'a closing quote', '', 'a quoted value is not closed');
        }
        // What papaparse holds back as an incomplete record is rescanned with every chunk.
        if (fedChars - cursor > MAX_RECORD_CHARS) {
          problems.add(line, 0, '', `a line of at most ${MAX_RECORD_CHARS} characters`, '', TOO_LONG_HINT);
          stopped = true;
          parser.abort();
        }
      },
      complete() {
        resolve();
      },
      error(error: Error) {
        reject(error);
      },
    });
  }).finally(() => {
    if (stopped) file.destroy();
  });
  return { hasHeader: true, rows, blankLines, delimiter, strayByteOrderMarks };
}

/**
 * The first record of a file (its header line) without its line break and byte-order mark, ''
 * for an empty file. Reads only as far as the record goes.
 */
async function headerLineOf(path: string, encoding: string): Promise<string> {
  const { text, file } = openTextStream(path, encoding);
  let head = '';
  try {
    for await (const chunk of text) {
      head += chunk as string;
      if (hasLineBreakOutsideQuotes(head) || head.length > MAX_RECORD_CHARS) break;
    }
  } finally {
    file.destroy();
  }
  return firstLine(stripBom(head)).text;
}

/** The warning for byte-order marks removed inside a file (see {@link CsvSummary}). */
export function warnStrayByteOrderMarks(warnings: WarningLog, displayName: string, count: number): void {
  if (count === 0) return;
  warnings.add('stray-byte-order-mark',
    `${displayName}: removed ${count} byte-order mark${count === 1 ? '' : 's'} inside the file (files joined with cat?)`, count);
}

/** Rows a file of `fileBytes` holds if its lines are as long as in `sample` (its first chunk). */
function estimateRows(sample: string, fileBytes: number): number {
  let lines = 0;
  for (let i = sample.indexOf('\n'); i >= 0; i = sample.indexOf('\n', i + 1)) lines++;
  if (lines < 2 || sample.length >= fileBytes) return lines;
  return Math.ceil((fileBytes / Buffer.byteLength(sample)) * lines * 1.02);
}

/** Line breaks inside quoted fields of one record: `\r\n`, `\n` and `\r` each count once. */
function lineBreaksIn(fields: string[]): number {
  let count = 0;
  for (const value of fields) {
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c === 10) count++;
      else if (c === 13 && value.charCodeAt(i + 1) !== 10) count++;
    }
  }
  return count;
}

function hasLineBreakOutsideQuotes(text: string): boolean {
  return firstLine(text).lineBreak !== '';
}

/** The first record's text and the line break that ends it ('' when the text has none yet). */
function firstLine(text: string): { text: string; lineBreak: string } {
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      const lineBreak = c === '\r' ? (text[i + 1] === '\n' ? '\r\n' : i + 1 < text.length ? '\r' : '') : '\n';
      return { text: text.slice(0, i), lineBreak };
    }
  }
  return { text, lineBreak: '' };
}

/** `,`, `;` or tab, whichever occurs most often outside quotes; `,` on a tie or when none occurs. */
export function detectDelimiter(headerLine: string): string {
  const counts = [0, 0, 0];
  let inQuotes = false;
  for (const c of headerLine) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes) {
      const k = DELIMITERS.indexOf(c);
      if (k >= 0) counts[k]++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k] > counts[best]) best = k;
  return DELIMITERS[best];
}
