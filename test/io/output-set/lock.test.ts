import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LockedError } from '../../../src/errors.js';
import { acquireLock, isProcessAlive, lockPathFor } from '../../../src/io/output-set/lock.js';
import { buildKillModules } from '../../fixtures/kill/build-modules.js';

const HOLD_SCRIPT = fileURLToPath(new URL('../../fixtures/kill/hold-lock.mjs', import.meta.url));
// Above Linux's largest pid_max (2^22), so never a live process.
const DEAD_PID = 2 ** 22 + 1;

let work = '';
let lockPath = '';
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'stockcast-lock-'));
  lockPath = lockPathFor(join(work, 'out'));
});
afterEach(() => { rmSync(work, { recursive: true, force: true }); });

const holderText = (fields: Record<string, unknown>): string => `${JSON.stringify({
  pid: DEAD_PID, hostname: hostname(), startedAt: new Date().toISOString(), token: 'abc', ...fields,
})}\n`;

describe('acquireLock', () => {
  it('puts the lock beside --out, named after it', () => {
    expect(lockPathFor('/data/nightly/out')).toBe('/data/nightly/.out.lock');
  });

  it('writes pid, host and start time, and release removes the file', async () => {
    const lock = await acquireLock(lockPath, { releaseOnExit: false, now: () => Date.UTC(2026, 10, 26, 2) });
    const written = JSON.parse(readFileSync(lockPath, 'utf8'));
    expect(written).toMatchObject({ pid: process.pid, hostname: hostname(), startedAt: '2026-11-26T02:00:00.000Z' });
    await lock.release();
    expect(existsSync(lockPath)).toBe(false);
    await lock.release();
  });

  it('while held, a second acquire fails with a message naming the lock file, pid and start time', async () => {
    const lock = await acquireLock(lockPath, { releaseOnExit: false, command: 'stockcast plan' });
    const second = acquireLock(lockPath, { releaseOnExit: false });
    await expect(second).rejects.toBeInstanceOf(LockedError);
    await expect(second).rejects.toThrow(
      `another stockcast run is writing this output folder (lock file ${lockPath}, held by pid ${process.pid} on ${hostname()}, `
      + `started ${lock.holder.startedAt}, stockcast plan); wait for it to finish, or delete the lock file if no such run exists`,
    );
    await lock.release();
  });

  it('takes over a lock whose process is dead', async () => {
    writeFileSync(lockPath, holderText({}));
    const lock = await acquireLock(lockPath, { releaseOnExit: false });
    expect(JSON.parse(readFileSync(lockPath, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a lock with our own pid that this process does not hold (container restarted as pid 1)', async () => {
    writeFileSync(lockPath, holderText({ pid: process.pid, token: 'earlier-life' }));
    const lock = await acquireLock(lockPath, { releaseOnExit: false });
    expect(lock.holder.token).not.toBe('earlier-life');
    await lock.release();
  });

  it('respects a live lock from another host until it is older than staleAfterMs', async () => {
    writeFileSync(lockPath, holderText({ hostname: 'elsewhere', pid: 1, startedAt: '2026-11-26T02:00:00.000Z' }));
    const at = (iso: string) => () => Date.parse(iso);
    utimesSync(lockPath, new Date('2026-11-26T02:00:00Z'), new Date('2026-11-26T02:00:00Z'));
    await expect(acquireLock(lockPath, { releaseOnExit: false, now: at('2026-11-26T20:00:00Z') })).rejects.toThrow(/pid 1 on elsewhere/);
    const lock = await acquireLock(lockPath, { releaseOnExit: false, now: at('2026-11-27T02:00:01Z') });
    await lock.release();
  });

  it('an empty lock file (holder killed between create and write) is respected for a few seconds, then taken over', async () => {
    writeFileSync(lockPath, '');
    await expect(acquireLock(lockPath, { releaseOnExit: false })).rejects.toThrow(/held by a run that is still writing it/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath, old, old);
    const lock = await acquireLock(lockPath, { releaseOnExit: false });
    await lock.release();
  });

  it('removes at once a takeover guard whose process is dead, and private files of dead processes', async () => {
    writeFileSync(lockPath, holderText({}));
    writeFileSync(`${lockPath}.takeover`, `${JSON.stringify({ pid: DEAD_PID, hostname: hostname() })}\n`);
    writeFileSync(`${lockPath}.${DEAD_PID}.0badc0de.tmp`, 'left by a killed run');
    writeFileSync(`${lockPath}.takeover.${DEAD_PID}.0badc0de.tmp`, 'left by a killed run');
    const lock = await acquireLock(lockPath, { releaseOnExit: false });
    await lock.release();
    expect(readdirSync(work)).toEqual([]);
  });

  it('waits out a takeover guard of a live process until the guard is 10 s old, then takes over', async () => {
    writeFileSync(lockPath, holderText({}));
    writeFileSync(`${lockPath}.takeover`, `${JSON.stringify({ pid: process.pid, hostname: hostname() })}\n`);
    // The guard looks fresh and alive until the clock passes its 10-second staleness.
    let clock = Date.now();
    const lock = await acquireLock(lockPath, { releaseOnExit: false, now: () => (clock += 1000) });
    expect(existsSync(`${lockPath}.takeover`)).toBe(false);
    await lock.release();
  });

  it('release does not remove a lock that someone else now holds', async () => {
    const lock = await acquireLock(lockPath, { releaseOnExit: false });
    writeFileSync(lockPath, holderText({ pid: 1, token: 'other' }));
    await lock.release();
    expect(readFileSync(lockPath, 'utf8')).toContain('"token":"other"');
  });

  it('isProcessAlive tells our pid from an impossible one', () => {
    expect(isProcessAlive(process.pid)).toBe(true);
    expect(isProcessAlive(DEAD_PID)).toBe(false);
    expect(isProcessAlive(0)).toBe(false);
  });
});

describe('locks between processes', () => {
  let modulesDir = '';
  beforeAll(() => { modulesDir = buildKillModules(); });
  afterAll(() => { rmSync(modulesDir, { recursive: true, force: true }); });

  function holdLock(holdMs: number, startAt?: number): Promise<{ code: number | null; stderr: string }> {
    const args = [HOLD_SCRIPT, modulesDir, join(work, 'out'), String(holdMs), ...(startAt === undefined ? [] : [String(startAt)])];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    return new Promise((done) => child.on('exit', (code) => done({ code, stderr })));
  }

  it('of runs started together, exactly one holds the lock and the others exit 1 naming it', async () => {
    const startAt = Date.now() + 1500;
    const results = await Promise.all([holdLock(1000, startAt), holdLock(1000, startAt), holdLock(1000, startAt)]);
    expect(results.filter((result) => result.code === 0)).toHaveLength(1);
    for (const loser of results.filter((result) => result.code !== 0)) {
      expect(loser.code).toBe(1);
      expect(loser.stderr).toContain(`LockedError: another stockcast run is writing this output folder (lock file ${lockPath}`);
    }
    expect(existsSync(lockPath)).toBe(false);
  });

  it('of runs racing to take over a dead run\'s lock, exactly one wins', async () => {
    writeFileSync(lockPath, holderText({}));
    const startAt = Date.now() + 1500;
    const results = await Promise.all([holdLock(1000, startAt), holdLock(1000, startAt), holdLock(1000, startAt)]);
    expect(results.filter((result) => result.code === 0)).toHaveLength(1);
    expect(existsSync(`${lockPath}.takeover`)).toBe(false);
  });

  it('a lock left by a process killed with SIGKILL is taken over by the next run', async () => {
    const child = spawn(process.execPath, [HOLD_SCRIPT, modulesDir, join(work, 'out'), '60000'], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise<void>((done) => child.stdout.once('data', () => done()));
    child.kill('SIGKILL');
    await new Promise((done) => child.on('exit', done));
    expect(existsSync(lockPath)).toBe(true);
    expect((await holdLock(10)).code).toBe(0);
  });

  it('SIGTERM releases the lock and still ends the process', () => {
    const script = `import(${JSON.stringify(join(modulesDir, 'io', 'output-set', 'lock.js'))}).then(async (m) => {
      await m.acquireLock(${JSON.stringify(lockPath)}); process.kill(process.pid, 'SIGTERM'); setTimeout(() => {}, 5000); })`;
    const result = spawnSync(process.execPath, ['-e', script]);
    expect(result.signal).toBe('SIGTERM');
    expect(existsSync(lockPath)).toBe(false);
  });
});
