/**
 * One run per output folder. The lock is a file beside `--out` (`.<name>.lock`) holding the
 * holder's pid, host name and start time as JSON, created exclusively: written to a private file
 * and hard-linked into place (link(2) fails with EEXIST like O_EXCL, and the lock is never seen
 * half-written), or with `open(path, 'wx')` where hard links are not supported.
 *
 * A lock is stale, and is taken over, when its holder is on this host and its pid is not
 * alive (or is our own pid: a container restarted with the same pid 1), when it is older than
 * `staleAfterMs` (default 24 h: a nightly run never takes that long, and it bounds pid reuse
 * and locks left by other hosts), or when it stayed empty (a holder killed between create and
 * write) for more than a few seconds.
 *
 * Takeover is guarded by a second O_EXCL file (`.<name>.lock.takeover`) so that two runs that
 * find the same stale lock cannot both win: the one holding the guard re-reads the lock, removes
 * it only if it is still the stale one, and then races for the O_EXCL create like everyone
 * else. A guard left by a killed run is stale at once (its pid is gone), or after 10 s.
 */

import { randomBytes } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import { link, open, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { LockedError } from '../../errors.js';

/** What a lock file says about its holder. */
export interface LockHolder {
  readonly pid: number;
  readonly hostname: string;
  /** ISO instant the holder started. */
  readonly startedAt: string;
  /** Random token that tells two holders with the same pid apart. */
  readonly token: string;
  /** What the holder runs, e.g. `stockcast plan`, for the message. */
  readonly command?: string;
}

export interface LockHandle {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock if it is still ours. Safe to call twice. */
  release(): Promise<void>;
  /** Synchronous release, for exit handlers. */
  releaseSync(): void;
}

export interface LockOptions {
  /** A lock older than this is stale whoever holds it. Default 24 h. */
  readonly staleAfterMs?: number;
  /** Release on process exit and on SIGINT/SIGTERM/SIGHUP. Default true. */
  readonly releaseOnExit?: boolean;
  readonly command?: string;
  /** Clock in milliseconds, for tests. */
  readonly now?: () => number;
}

const DEFAULT_STALE_AFTER_MS = 24 * 60 * 60 * 1000;
const EMPTY_LOCK_GRACE_MS = 5_000;
const TAKEOVER_STALE_MS = 10_000;
const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** Tokens of the locks this process holds: a lock with our pid is stale only if it is not one of them. */
const heldTokens = new Set<string>();

/** The lock file that guards an output folder: `.<name>.lock` in the folder's parent. */
export function lockPathFor(outDir: string): string {
  const absolute = resolve(outDir);
  return join(dirname(absolute), `.${basename(absolute)}.lock`);
}

/**
 * Takes the lock at `lockPath`, or throws `LockedError` naming the lock file and its holder.
 *
 * @example const lock = await acquireLock(lockPathFor('out')); try { ... } finally { await lock.release(); }
 */
export async function acquireLock(lockPath: string, options: LockOptions = {}): Promise<LockHandle> {
  const now = options.now ?? Date.now;
  const holder: LockHolder = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date(now()).toISOString(),
    token: randomBytes(8).toString('hex'),
    ...(options.command ? { command: options.command } : {}),
  };
  const content = `${JSON.stringify(holder)}\n`;
  await removeDeadTemps(lockPath);
  const deadline = performance.now() + TAKEOVER_STALE_MS + 5_000;
  while (performance.now() < deadline) {
    if (await createExclusive(lockPath, content)) return makeHandle(lockPath, holder, content, options.releaseOnExit ?? true);
    const existing = await readLock(lockPath);
    if (existing === undefined) continue; // released between our create and read: try again
    const stale = staleReason(existing, options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS, now());
    if (stale === undefined) throw lockedError(lockPath, existing.holder);
    await takeOver(lockPath, existing.text, now);
  }
  throw new LockedError(`could not take over the stale lock ${lockPath}: another run kept the takeover guard ${lockPath}.takeover; delete both if no run is active`);
}

/**
 * Creates `path` holding `content` only if it does not exist yet. The content goes to a private
 * file first and is hard-linked into place (link(2) fails with EEXIST exactly like O_EXCL), so a
 * lock is never seen empty, even when its writer is killed; where the file system has no hard
 * links, falls back to O_EXCL create-then-write.
 */
async function createExclusive(path: string, content: string): Promise<boolean> {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    if (['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].some((code) => isCode(error, code))) return createWithExclusiveOpen(path, content);
    throw error;
  } finally {
    await unlinkQuietly(temp);
  }
}

async function createWithExclusiveOpen(path: string, content: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

/** Private files of {@link createExclusive} left by killed processes. */
async function removeDeadTemps(lockPath: string): Promise<void> {
  const prefix = `${basename(lockPath)}.`;
  for (const entry of await readdir(dirname(lockPath)).catch(() => [] as string[])) {
    const match = entry.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(entry.slice(prefix.length).replace(/^takeover\./, '')) : null;
    if (match && !isProcessAlive(Number(match[1]))) await unlinkQuietly(join(dirname(lockPath), entry));
  }
}

interface ExistingLock {
  readonly text: string;
  readonly holder: LockHolder | undefined;
  readonly modifiedMs: number;
}

async function readLock(path: string): Promise<ExistingLock | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { text, holder: parseHolder(text), modifiedMs: info.mtimeMs };
  } catch (error) {
    if (isCode(error, 'ENOENT')) return undefined;
    throw error;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const record = value as Record<string, unknown>;
    if (typeof record.pid !== 'number' || typeof record.hostname !== 'string' || typeof record.startedAt !== 'string') {
      return undefined;
    }
    return {
      pid: record.pid,
      hostname: record.hostname,
      startedAt: record.startedAt,
      token: typeof record.token === 'string' ? record.token : '',
      ...(typeof record.command === 'string' ? { command: record.command } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Why an existing lock may be taken over, or undefined when its holder is alive. */
function staleReason(lock: ExistingLock, staleAfterMs: number, nowMs: number): string | undefined {
  const holder = lock.holder;
  if (holder === undefined) {
    return nowMs - lock.modifiedMs > EMPTY_LOCK_GRACE_MS ? 'unreadable' : undefined;
  }
  const started = Date.parse(holder.startedAt);
  const age = nowMs - (Number.isFinite(started) ? Math.min(started, lock.modifiedMs) : lock.modifiedMs);
  if (age > staleAfterMs) return 'old';
  if (holder.hostname !== hostname()) return undefined;
  if (holder.pid === process.pid) return heldTokens.has(holder.token) ? undefined : 'own pid, earlier process';
  return isProcessAlive(holder.pid) ? undefined : 'dead';
}

/** `kill(pid, 0)`: ESRCH means no such process; EPERM means it exists but is not ours. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM');
  }
}

async function takeOver(lockPath: string, staleText: string, now: () => number): Promise<void> {
  const guardPath = `${lockPath}.takeover`;
  const guardContent = `${JSON.stringify({ pid: process.pid, hostname: hostname() })}\n`;
  if (!(await createExclusive(guardPath, guardContent))) {
    const guard = await readLock(guardPath);
    if (guard !== undefined && isGuardStale(guard, now())) {
      // Only the guard we judged stale is removed: re-check its text right before unlinking.
      const again = await readLock(guardPath);
      if (again !== undefined && again.text === guard.text) await unlinkQuietly(guardPath);
    }
    await sleep(20 + Math.floor(Math.random() * 30));
    return;
  }
  try {
    const current = await readLock(lockPath);
    if (current !== undefined && current.text === staleText) await unlinkQuietly(lockPath);
  } finally {
    await unlinkQuietly(guardPath);
  }
}

/** A takeover guard is stale when its process is gone, or after 10 s whoever wrote it. */
function isGuardStale(guard: ExistingLock, nowMs: number): boolean {
  if (nowMs - guard.modifiedMs > TAKEOVER_STALE_MS) return true;
  try {
    const record = JSON.parse(guard.text) as { pid?: unknown; hostname?: unknown };
    return record.hostname === hostname() && typeof record.pid === 'number' && record.pid !== process.pid && !isProcessAlive(record.pid);
  } catch {
    return false;
  }
}

function makeHandle(path: string, holder: LockHolder, content: string, releaseOnExit: boolean): LockHandle {
  let released = false;
  heldTokens.add(holder.token);
  const onExit = (): void => releaseSync();
  const onSignal = (signal: NodeJS.Signals): void => {
    releaseSync();
    // We were only listening to clean up: let the signal do what it would have done.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const detach = (): void => {
    process.removeListener('exit', onExit);
    for (const signal of SIGNALS) process.removeListener(signal, onSignal);
  };
  function releaseSync(): void {
    if (released) return;
    released = true;
    detach();
    heldTokens.delete(holder.token);
    try {
      if (readFileSync(path, 'utf8') === content) unlinkSync(path);
    } catch {
      // Already gone or unreadable: nothing of ours to remove.
    }
  }
  if (releaseOnExit) {
    process.once('exit', onExit);
    for (const signal of SIGNALS) process.once(signal, onSignal);
  }
  return {
    path,
    holder,
    releaseSync,
    async release(): Promise<void> {
      if (released) return;
      released = true;
      detach();
      heldTokens.delete(holder.token);
      try {
        if ((await readFile(path, 'utf8')) === content) await unlink(path);
      } catch (error) {
        if (!isCode(error, 'ENOENT')) throw error;
      }
    },
  };
}

function lockedError(lockPath: string, holder: LockHolder | undefined): LockedError {
  const who = holder === undefined
    ? 'a run that is still writing it'
    : `pid ${holder.pid} on ${holder.hostname}, started ${holder.startedAt}${holder.command ? `, ${holder.command}` : ''}`;
  return new LockedError(
    `another stockcast run is writing this output folder (lock file ${lockPath}, held by ${who}); `
    + 'wait for it to finish, or delete the lock file if no such run exists',
  );
}

async function unlinkQuietly(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
