// Tests of src/io/log.ts and src/io/write/file-hash.ts (the run's log file and summary.json's input
// hashes). They live under an output-set name only because of how test paths were assigned;
// test/io/log.test.ts and test/io/file-hash.test.ts would be their natural homes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileHash } from '../../../src/io/write/file-hash.js';
import { createLogger, openLogFile } from '../../../src/io/log.js';

let dir = '';
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'stockcast-log-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const fixedClock = () => new Date(Date.UTC(2026, 10, 26, 2, 0, 1, 123));

describe('log', () => {
  it('appends timestamped plain lines to the log file, creating its folder, without colour codes', async () => {
    const path = join(dir, 'logs', 'nightly.log');
    const file = await openLogFile(path, fixedClock);
    file.write('warn', '\u001b[33mitems.csv\u001b[39m: 3 SKUs use the default lead time');
    file.write('info', 'two\nlines\n');
    await file.close();
    file.write('error', 'after close: dropped');
    const again = await openLogFile(path, fixedClock);
    again.write('error', 'second run');
    await again.close();
    expect(readFileSync(path, 'utf8')).toBe([
      '2026-11-26T02:00:01.123Z warn  items.csv: 3 SKUs use the default lead time',
      '2026-11-26T02:00:01.123Z info  two',
      '2026-11-26T02:00:01.123Z info  lines',
      '2026-11-26T02:00:01.123Z error second run',
      '',
    ].join('\n'));
  });

  it('with --quiet, stderr gets only errors while the log file still gets everything', async () => {
    const path = join(dir, 'quiet.log');
    const stderr: string[] = [];
    const logger = createLogger({ quiet: true, logFile: await openLogFile(path, fixedClock), stderr: { write: (text: string) => stderr.push(text) } });
    logger.info('planned 12 SKUs');
    logger.warn('dead stock at MAIN');
    logger.error('cannot write out/');
    await logger.close();
    expect(stderr).toEqual(['error: cannot write out/\n']);
    expect(readFileSync(path, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
  });

  it('without --quiet, formats stderr lines with the caller\'s formatter and warns once per key', () => {
    const stderr: string[] = [];
    const logger = createLogger({ stderr: { write: (text: string) => stderr.push(text) }, format: (level, text) => `[${level}] ${text}` });
    logger.warnOnce('default:lead_time_days', 'lead_time_days missing: 14 used');
    logger.warnOnce('default:lead_time_days', 'lead_time_days missing: 14 used');
    logger.info('done');
    expect(stderr).toEqual(['[warn] lead_time_days missing: 14 used\n', '[info] done\n']);
    const plain: string[] = [];
    const defaults = createLogger({ stderr: { write: (text: string) => plain.push(text) } });
    defaults.warn('w');
    defaults.error('e');
    defaults.info('i');
    expect(plain).toEqual(['warning: w\n', 'error: e\n', 'i\n']);
  });
});

describe('fileHash', () => {
  it('gives the SHA-256 and size of a file', async () => {
    // printf 'abc' | sha256sum -> ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2, B.1)
    const path = join(dir, 'abc.csv');
    writeFileSync(path, 'abc');
    expect(await fileHash(path)).toEqual({ sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', bytes: 3 });
  });

  it('streams files larger than one read chunk', async () => {
    // 3 MiB of 'a': compared against hashing the whole buffer at once.
    const path = join(dir, 'big.csv');
    const data = Buffer.alloc(3 * 1024 * 1024 + 7, 'a');
    writeFileSync(path, data);
    const { createHash } = await import('node:crypto');
    expect(await fileHash(path)).toEqual({ sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length });
  });

  it('of an empty file is the hash of nothing', async () => {
    const path = join(dir, 'empty.csv');
    writeFileSync(path, '');
    expect((await fileHash(path)).sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
