/**
 * Reads a CSV file that stockcast wrote, record by record, without parsing fields: a record ends
 * at a line feed outside double quotes (RFC 4180; `""` inside quotes toggles twice and so keeps
 * the state). Used by `merge` to copy forecast.csv rows byte for byte.
 */

import { createReadStream } from 'node:fs';

export interface CsvRecordReader {
  /** The next `count` records as one string, each with its `\n`; fewer only at the end of the file. */
  take(count: number): Promise<{ readonly text: string; readonly records: number }>;
  close(): void;
}

export function openCsvRecords(path: string): CsvRecordReader {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  const chunks = stream[Symbol.asyncIterator]();
  let pending: string[] = [];
  let position = 0;
  let carry = '';
  let ended = false;

  const split = (text: string): void => {
    if (text.indexOf('"') < 0) {
      const parts = text.split('\n');
      carry = parts.pop() ?? '';
      for (const part of parts) pending.push(`${part}\n`);
      return;
    }
    let start = 0;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 34) quoted = !quoted;
      else if (code === 10 && !quoted) {
        pending.push(text.slice(start, i + 1));
        start = i + 1;
      }
    }
    carry = text.slice(start);
  };

  const fill = async (): Promise<void> => {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      if (carry !== '') pending.push(carry);
      carry = '';
      return;
    }
    if (position > 0) {
      pending = pending.slice(position);
      position = 0;
    }
    split(carry + (next.value as string));
  };

  return {
    async take(count) {
      while (pending.length - position < count && !ended) await fill();
      const end = Math.min(pending.length, position + count);
      let text = '';
      for (let i = position; i < end; i++) text += pending[i];
      const records = end - position;
      position = end;
      return { text, records };
    },
    close() {
      stream.destroy();
    },
  };
}
