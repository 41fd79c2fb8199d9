import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockedError, UsageError } from '../../../src/errors.js';
import { beginOutputSet, writeFileAtomic } from '../../../src/io/output-set/output-set.js';

let work = '';
beforeEach(() => { work = mkdtempSync(join(tmpdir(), 'stockcast-set-')); });
afterEach(() => { rmSync(work, { recursive: true, force: true }); });

async function writeRun(outDir: string, runId: string, options: Parameters<typeof beginOutputSet>[1] = {}): Promise<void> {
  const set = await beginOutputSet(outDir, { durable: false, ...options });
  await set.writeText('forecast.csv', `run,${runId}\n`);
  await set.writeText('suppliers/acme.csv', `run,${runId}\n`);
  await set.commit();
}

const read = (path: string): string => readFileSync(path, 'utf8');

describe('beginOutputSet / commit (symlink swap)', () => {
  it('creates --out as a link to a complete set and replaces it on the next run, deleting the old set', async () => {
    const out = join(work, 'out');
    await writeRun(out, 'a');
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readlinkSync(out)).toMatch(/^\.out\.sets\/set-/);
    expect(read(join(out, 'suppliers/acme.csv'))).toBe('run,a\n');
    await writeRun(out, 'b');
    expect(read(join(out, 'forecast.csv'))).toBe('run,b\n');
    expect(readdirSync(join(work, '.out.sets'))).toHaveLength(1);
    expect(readdirSync(work).sort()).toEqual(['.out.sets', 'out']);
  });

  it('creates missing parent folders of --out', async () => {
    const out = join(work, 'a', 'b', 'out');
    await writeRun(out, 'a');
    expect(read(join(out, 'forecast.csv'))).toBe('run,a\n');
  });

  it('abort leaves the previous set as it was and removes the temporary folder', async () => {
    const out = join(work, 'out');
    await writeRun(out, 'a');
    const set = await beginOutputSet(out, { durable: false });
    await set.writeText('forecast.csv', 'half');
    await set.abort();
    expect(read(join(out, 'forecast.csv'))).toBe('run,a\n');
    expect(readdirSync(join(work, '.out.sets'))).toHaveLength(1);
    expect(existsSync(join(work, '.out.lock'))).toBe(false);
  });

  it('a second set on the same --out while one is open fails with LockedError naming the lock file', async () => {
    const out = join(work, 'out');
    const set = await beginOutputSet(out, { durable: false });
    const second = beginOutputSet(out, { durable: false });
    await expect(second).rejects.toBeInstanceOf(LockedError);
    await expect(second).rejects.toThrow(join(work, '.out.lock'));
    await set.abort();
    await writeRun(out, 'after');
    expect(read(join(out, 'forecast.csv'))).toBe('run,after\n');
  });

  it('refuses names that leave the set folder', async () => {
    const set = await beginOutputSet(join(work, 'out'), { durable: false });
    for (const name of ['../x.csv', '/etc/x', 'a/../../x', 'a\\b', '', 'suppliers//x']) {
      expect(() => set.path(name), name).toThrow(/not a relative output name/);
    }
    await set.abort();
  });

  it('streams lines with writeLines', async () => {
    const out = join(work, 'out');
    const set = await beginOutputSet(out, { durable: false });
    function* lines(): Generator<string> { for (let i = 0; i < 3; i++) yield `${i}\n`; }
    await set.writeLines('forecast.csv', lines());
    await set.commit();
    expect(read(join(out, 'forecast.csv'))).toBe('0\n1\n2\n');
  });
});

describe('a failed first run', () => {
  it('leaves nothing beside --out', async () => {
    const set = await beginOutputSet(join(work, 'out'), { durable: false });
    await set.writeText('forecast.csv', 'x');
    await set.abort();
    expect(readdirSync(work)).toEqual([]);
  });
});

describe('a pre-existing real --out folder', () => {
  it('holding only stockcast outputs is converted to a link on the first commit', async () => {
    const out = join(work, 'out');
    mkdirSync(join(out, 'suppliers'), { recursive: true });
    writeFileSync(join(out, 'forecast.csv'), 'old');
    writeFileSync(join(out, 'suppliers', 'x.xlsx'), 'old');
    await writeRun(out, 'new');
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(read(join(out, 'forecast.csv'))).toBe('run,new\n');
    expect(readdirSync(join(work, '.out.sets'))).toHaveLength(1);
  });

  it('holding other files is refused with a usage error and left untouched', async () => {
    const out = join(work, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'thesis.docx'), 'precious');
    const attempt = writeRun(out, 'new');
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(`--out ${out} holds files stockcast does not write (thesis.docx)`);
    expect(read(join(out, 'thesis.docx'))).toBe('precious');
    expect(existsSync(join(work, '.out.lock'))).toBe(false);
  });

  it('that is a file is refused', async () => {
    writeFileSync(join(work, 'out'), 'x');
    await expect(writeRun(join(work, 'out'), 'a')).rejects.toThrow(/is a file, not a folder/);
  });
});

describe('recovery of what a killed run left', () => {
  it('restores a missing --out from the newest complete set (killed mid-conversion)', async () => {
    const out = join(work, 'out');
    await writeRun(out, 'a');
    // The state a kill between "rename real out aside" and "rename link into place" leaves.
    const target = readlinkSync(out);
    rmSync(out);
    const set = await beginOutputSet(out, { durable: false });
    expect(readlinkSync(out)).toBe(target);
    expect(read(join(out, 'forecast.csv'))).toBe('run,a\n');
    await set.abort();
  });

  it('deletes temporary sets, complete sets that never got linked and leftover links', async () => {
    const out = join(work, 'out');
    await writeRun(out, 'a');
    const sets = join(work, '.out.sets');
    mkdirSync(join(sets, 'tmp-000000001-1-aaaaaa', 'suppliers'), { recursive: true });
    mkdirSync(join(sets, 'set-zzzzzzzzz-1-bbbbbb'));
    symlinkSync('.out.sets/set-zzzzzzzzz-1-bbbbbb', join(work, '.out.link-zzzzzzzzz-1-bbbbbb'));
    writeFileSync(join(sets, 'notes.txt'), 'not ours');
    const set = await beginOutputSet(out, { durable: false });
    expect(readdirSync(sets).sort()).toEqual(['notes.txt', readlinkSync(out).split('/').pop(), set.tempDir.split('/').pop()].sort());
    expect(readdirSync(work).sort()).toEqual(['.out.lock', '.out.sets', 'out']);
    expect(read(join(out, 'forecast.csv'))).toBe('run,a\n');
    await set.abort();
  });

  it('takes over the lock of a run that died', async () => {
    const out = join(work, 'out');
    await writeRun(out, 'a');
    writeFileSync(join(work, '.out.lock'), JSON.stringify({ pid: 2 ** 22 + 1, hostname: (await import('node:os')).hostname(), startedAt: '2026-11-26T02:00:00.000Z', token: 'x' }));
    await writeRun(out, 'b');
    expect(read(join(out, 'forecast.csv'))).toBe('run,b\n');
    expect(existsSync(join(work, '.out.lock'))).toBe(false);
  });
});

describe('the set manifest', () => {
  it('lists the files of the set', async () => {
    const out = join(work, 'out');
    await writeRun(out, 'a');
    expect(JSON.parse(read(join(out, '.stockcast-set.json')))).toMatchObject({ files: ['forecast.csv', 'suppliers/acme.csv'] });
  });

  it('lets a real --out written by an earlier run hold files outside the spec list', async () => {
    const out = join(work, 'out');
    const set = await beginOutputSet(out, { durable: false, swap: 'rename' });
    await set.writeText('backtest.csv', 'x');
    await set.commit();
    await writeRun(out, 'b', { swap: 'rename' });
    expect(read(join(out, 'forecast.csv'))).toBe('run,b\n');
  });

  it('refuses a file system root as --out', async () => {
    await expect(beginOutputSet('/')).rejects.toThrow('--out /: cannot replace a file system root');
  });
});

describe('rename swap (Windows)', () => {
  it('keeps --out a real folder and replaces it', async () => {
    const out = join(work, 'out');
    await writeRun(out, 'a', { swap: 'rename' });
    expect(lstatSync(out).isDirectory()).toBe(true);
    await writeRun(out, 'b', { swap: 'rename' });
    expect(read(join(out, 'forecast.csv'))).toBe('run,b\n');
    expect(readdirSync(work)).toEqual(['out']);
  });

  it('after a kill between its two renames, the next run restores the new complete set', async () => {
    const out = join(work, 'out');
    await writeRun(out, 'a', { swap: 'rename' });
    // Killed after "out -> old-X" with "set-X" complete but not yet renamed to out.
    mkdirSync(join(work, '.out.sets'), { recursive: true });
    renameSync(out, join(work, '.out.sets', 'old-000000002-1-aaaaaa'));
    mkdirSync(join(work, '.out.sets', 'set-000000002-1-aaaaaa'));
    writeFileSync(join(work, '.out.sets', 'set-000000002-1-aaaaaa', 'forecast.csv'), 'run,b\n');
    const set = await beginOutputSet(out, { durable: false, swap: 'rename' });
    expect(read(join(out, 'forecast.csv'))).toBe('run,b\n');
    expect(readdirSync(join(work, '.out.sets'))).toEqual([set.tempDir.split('/').pop()]);
    await set.abort();
  });
});

describe('an --out that is a link made by the user', () => {
  it('is left a link; the set is swapped in where it points', async () => {
    const real = join(work, 'share', 'stockcast-out');
    mkdirSync(real, { recursive: true });
    symlinkSync(real, join(work, 'out'));
    await writeRun(join(work, 'out'), 'a');
    expect(readlinkSync(join(work, 'out'))).toBe(real);
    expect(read(join(work, 'out', 'forecast.csv'))).toBe('run,a\n');
    expect(lstatSync(real).isSymbolicLink()).toBe(true);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    const path = join(work, 'reorder.csv');
    writeFileSync(path, 'old');
    await writeFileAtomic(path, 'new\n');
    expect(read(path)).toBe('new\n');
    expect(readdirSync(work)).toEqual(['reorder.csv']);
  });

  it('removes temporary files a dead process left for the same target', async () => {
    const path = join(work, 'reorder.csv');
    writeFileSync(join(work, `.reorder.csv.tmp-${2 ** 22 + 1}-abcd`), 'partial');
    writeFileSync(join(work, '.other.csv.tmp-1-abcd'), 'not for this target');
    await writeFileAtomic(path, 'x');
    expect(readdirSync(work).sort()).toEqual(['.other.csv.tmp-1-abcd', 'reorder.csv']);
  });

  it('writes chunks from an iterable', async () => {
    const path = join(work, 'f.csv');
    await writeFileAtomic(path, ['a\n', 'b\n']);
    expect(read(path)).toBe('a\nb\n');
  });
});
