import { writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError, formatProblem } from '../../../src/errors.js';
import {
  SHARD_DATA_FORMAT, exactJsonLine, readShardData, shardDataLines, type ShardDataHeader, type ShardSkuRecord,
} from '../../../src/io/output-set/shard-data-file.js';
import { tempDir } from '../../cli/run-cli.js';

const header: ShardDataHeader = {
  format: SHARD_DATA_FORMAT, version: '0.1.0', shard: { index: 1, count: 3 }, seriesTotal: 10, horizon: 28, settings: { seed: 1 },
};

function recordWith(values: readonly number[]): ShardSkuRecord {
  return {
    sku: 'A,"1"', description: 'Mug\nblue', series: [[4, 'ETS(ANN)']], defaultsUsed: ['moq'], alerts: [], transfers: [],
    lines: [{ sku: 'A,"1"', warehouse: 'BER', values } as unknown as ShardSkuRecord['lines'][number]],
    serviceLevel: 0.95,
    facts: [{ warehouse: 'BER', stats: { firstSaleDay: NaN } as unknown as ShardSkuRecord['facts'][number]['stats'], recent: [1, 0, 2.5], firstForecastPeriod: 20000 }],
  };
}

describe('shard-data.jsonl', () => {
  it('reads back every double exactly, Infinity, -Infinity, NaN and -0 included', async () => {
    const file = path.join(tempDir(), 'shard-data.jsonl');
    await fc.assert(fc.asyncProperty(fc.array(fc.double(), { maxLength: 20 }), async (values) => {
      const all = [...values, Infinity, -Infinity, NaN, -0, 0, 5e-324, Number.MAX_VALUE];
      writeFileSync(file, [...shardDataLines(header, [recordWith(all)])].join(''));
      const data = await readShardData(file, 'shard-data.jsonl');
      expect(data.header).toEqual(header);
      const back = (data.records[0].lines[0] as unknown as { values: number[] }).values;
      expect(back.length).toBe(all.length);
      back.forEach((value, i) => expect(Object.is(value, all[i]), `${value} vs ${all[i]}`).toBe(true));
      expect(data.records[0].sku).toBe('A,"1"');
      expect(data.records[0].description).toBe('Mug\nblue');
      expect(data.records[0].facts).toEqual(recordWith([]).facts);
    }), { numRuns: 50 });
  });

  it('writes one line per record: no raw line feed inside a JSON line', () => {
    expect(exactJsonLine({ text: 'a\nb', n: -0 })).toBe('{"text":"a\\nb","n":{"$n":"-0"}}\n');
  });

  it('refuses a file that is not shard data, naming the file and line', async () => {
    const file = path.join(tempDir(), 'x.jsonl');
    writeFileSync(file, '{"format":"something else"}\n');
    const error = await readShardData(file, 'shards/1/shard-data.jsonl').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(formatProblem((error as InputError).problems[0]))
      .toBe(`shards/1/shard-data.jsonl:1: format: expected "${SHARD_DATA_FORMAT}", got "something else" (run that shard again)`);
  });

  it('refuses a damaged record line', async () => {
    const file = path.join(tempDir(), 'x.jsonl');
    writeFileSync(file, `${exactJsonLine(header)}{"sku":"A","lines":[{"sku"\n`);
    const error = await readShardData(file, 'shard-data.jsonl').catch((e: unknown) => e);
    expect(formatProblem((error as InputError).problems[0])).toBe('shard-data.jsonl:2: expected a JSON line, got "{\\"sku\\":\\"A\\",\\"lines\\":[{\\"sku\\"" (run that shard again)');
  });
});
