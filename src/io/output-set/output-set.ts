/**
 * The files of one run (forecast.csv, reorder.csv, alerts.csv, transfers.csv, suppliers/*,
 * summary.json) appear in `--out` all at once or not at all.
 *
 * How the swap works, and why. A run writes its files into `.<out>.sets/tmp-<id>/` beside
 * `--out`, renames that folder to `set-<id>` once every file is written and synced (so a
 * `set-*` folder is always complete), then points `--out` at it:
 *
 * - `symlink` (default on Linux and macOS): `--out` is a symbolic link to `.<out>.sets/set-<id>`,
 *   replaced by rename(2) of a fresh link. rename(2) over an existing link is atomic: at every
 *   instant `--out` names either the previous complete set or the new one, and a reader that
 *   opened the old set keeps reading it. The price: `--out` is a link, not a folder (scripts
 *   that `cp -r`/`rsync` it should follow links), and a real folder left by an older version is
 *   converted once, by renaming it aside and linking: a run killed exactly between those two
 *   renames leaves no `--out` until the next run, which restores it from the newest complete set.
 * - `rename` (default on Windows, where links need privileges): `--out` stays a real folder;
 *   commit renames `--out` to `old-<id>` and `set-<id>` to `--out`. Between the two renames
 *   there is no `--out` (microseconds, but a `kill -9` can land there); the next run restores
 *   it from the newest complete set before doing anything else.
 *
 * Recovery and cleaning happen at the start of every run, under the lock of `lock.ts`: a
 * missing `--out` is restored, then every `tmp-*`, `old-*` and `set-*` other than the current
 * one, and every leftover temporary link, is deleted. Only names of these forms are ever
 * deleted. Every set holds a small `.stockcast-set.json` (its file list); a pre-existing
 * real `--out` without it that holds files stockcast does not write is refused rather than
 * replaced (someone pointed `--out` at their data folder).
 */

import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { lstat, mkdir, open, readdir, readlink, realpath, rename, rm, rmdir, symlink, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../../errors.js';
import { acquireLock, lockPathFor, type LockHandle, type LockOptions } from './lock.js';
import { writeChunks, type WriteChunk } from '../write/write-chunks.js';

export type SwapMode = 'symlink' | 'rename';

export interface OutputSetOptions {
  /** Default: `rename` on Windows, `symlink` elsewhere. */
  readonly swap?: SwapMode;
  /** Take the output folder's lock for the life of the set. Default true. */
  readonly lock?: boolean;
  readonly lockOptions?: LockOptions;
  /** fsync files and folders so that a power cut cannot leave a half-written set. Default true. */
  readonly durable?: boolean;
  /** Top-level names a pre-existing real `--out` may hold; anything else is refused. */
  readonly knownNames?: readonly string[];
}

export interface OutputSet {
  /** Absolute `--out` (the target when `--out` was a link made by someone else). */
  readonly outDir: string;
  readonly id: string;
  /** Where the files are written until commit. */
  readonly tempDir: string;
  /** Absolute path of `name` (`forecast.csv`, `suppliers/acme.xlsx`) in the temporary folder; creates its folder. */
  path(name: string): string;
  writeText(name: string, text: string): Promise<void>;
  writeBytes(name: string, bytes: Uint8Array): Promise<void>;
  /** Streams lines (or any chunks of text or bytes) to `name`, for outputs too big for one string. */
  writeLines(name: string, lines: Iterable<WriteChunk> | AsyncIterable<WriteChunk>): Promise<void>;
  /**
   * Swaps the new set in, deletes older sets, then runs `whileLocked` (if given: work that must
   * follow the swap under the same lock, such as the run history write), then releases the lock.
   */
  commit(whileLocked?: () => Promise<void>): Promise<void>;
  /** Deletes the temporary folder and releases the lock; `--out` is untouched. */
  abort(): Promise<void>;
}

/** The names the interface spec puts in `--out`. */
export const OUTPUT_SET_NAMES: readonly string[] = [
  'forecast.csv', 'reorder.csv', 'alerts.csv', 'transfers.csv', 'suppliers', 'summary.json', 'inventory.csv', 'report.html',
];
/**
 * Written into every set: marks a folder as stockcast's own (and lists its files) for the next
 * run. No run id or time in it, so that equal runs give byte-identical folders.
 */
export const SET_MANIFEST_NAME = '.stockcast-set.json';
const HARMLESS_NAMES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

interface Layout {
  readonly outDir: string;
  readonly parent: string;
  readonly setsDir: string;
  readonly linkPrefix: string;
}

function layoutOf(outDir: string): Layout {
  const parent = dirname(outDir);
  const name = basename(outDir);
  return { outDir, parent, setsDir: join(parent, `.${name}.sets`), linkPrefix: `.${name}.link-` };
}

/**
 * Starts writing a new set of outputs for `outDir`: takes the lock, repairs and cleans what an
 * earlier killed run left, and creates the temporary folder.
 *
 * @example
 * const set = await beginOutputSet('out');
 * try { await set.writeText('forecast.csv', csv); await set.commit(); } catch (e) { await set.abort(); throw e; }
 */
export async function beginOutputSet(outDirArgument: string, options: OutputSetOptions = {}): Promise<OutputSet> {
  const swap: SwapMode = options.swap ?? (process.platform === 'win32' ? 'rename' : 'symlink');
  const durable = options.durable ?? true;
  const outDir = await followForeignLink(resolve(outDirArgument));
  if (basename(outDir) === '' || dirname(outDir) === outDir) throw new UsageError(`--out ${outDirArgument}: cannot replace a file system root`);
  const layout = layoutOf(outDir);
  await mkdir(layout.setsDir, { recursive: true });
  const lock = options.lock ?? true ? await acquireLock(lockPathFor(outDir), options.lockOptions) : undefined;
  try {
    await recover(layout, swap);
    await checkRealFolder(layout.outDir, options.knownNames ?? OUTPUT_SET_NAMES);
    const id = newId();
    const tempDir = join(layout.setsDir, `tmp-${id}`);
    await mkdir(tempDir);
    return makeSet(layout, id, tempDir, swap, durable, lock);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

function makeSet(layout: Layout, id: string, tempDir: string, swap: SwapMode, durable: boolean, lock: LockHandle | undefined): OutputSet {
  let state: 'open' | 'committed' | 'aborted' = 'open';
  const written = new Set<string>();
  const names = new Set<string>();
  const pathOf = (name: string): string => {
    if (state !== 'open') throw new Error(`output set already ${state}`);
    const path = join(tempDir, checkName(name));
    mkdirSync(dirname(path), { recursive: true });
    written.add(dirname(path));
    names.add(name);
    return path;
  };
  const writeWith = async (name: string, write: (handle: Awaited<ReturnType<typeof open>>) => Promise<void>): Promise<void> => {
    const handle = await open(pathOf(name), 'w');
    try {
      await write(handle);
      if (durable) await handle.sync();
    } finally {
      await handle.close();
    }
  };
  return {
    outDir: layout.outDir,
    id,
    tempDir,
    path: pathOf,
    writeText: (name, text) => writeWith(name, (handle) => handle.writeFile(text, 'utf8')),
    writeBytes: (name, bytes) => writeWith(name, (handle) => handle.writeFile(bytes)),
    writeLines: (name, lines) => writeWith(name, (handle) => writeChunks(handle, lines)),
    async commit(whileLocked?: () => Promise<void>): Promise<void> {
      if (state !== 'open') throw new Error(`output set already ${state}`);
      await writeWith(SET_MANIFEST_NAME, (handle) => handle.writeFile(
        `${JSON.stringify({ files: [...names].filter((name) => name !== SET_MANIFEST_NAME).sort() }, null, 2)}\n`));
      state = 'committed';
      try {
        if (durable) for (const folder of [...written].sort((a, b) => b.length - a.length)) await syncFolder(folder);
        const setDir = join(layout.setsDir, `set-${id}`);
        await rename(tempDir, setDir);
        if (durable) await syncFolder(layout.setsDir);
        await swapIn(layout, setDir, id, swap);
        if (durable) await syncFolder(layout.parent);
        await removeAllBut(layout, swap === 'symlink' ? `set-${id}` : undefined);
        if (swap === 'rename') await rmdir(layout.setsDir).catch(() => undefined);
        await whileLocked?.();
      } finally {
        await lock?.release();
      }
    },
    async abort(): Promise<void> {
      if (state !== 'open') return;
      state = 'aborted';
      try {
        await rm(tempDir, { recursive: true, force: true });
        // On a first run that failed, leave nothing beside --out (rmdir refuses a non-empty folder).
        await rmdir(layout.setsDir).catch(() => undefined);
      } finally {
        await lock?.release();
      }
    },
  };
}

async function swapIn(layout: Layout, setDir: string, id: string, swap: SwapMode): Promise<void> {
  const current = await lstatOrUndefined(layout.outDir);
  if (swap === 'symlink') {
    if (current?.isDirectory()) await rename(layout.outDir, join(layout.setsDir, `old-${id}`));
    const link = join(layout.parent, `${layout.linkPrefix}${id}`);
    await symlink(relative(layout.parent, setDir), link, 'dir');
    await rename(link, layout.outDir);
    return;
  }
  if (current?.isSymbolicLink()) await unlink(layout.outDir);
  else if (current !== undefined) await rename(layout.outDir, join(layout.setsDir, `old-${id}`));
  await rename(setDir, layout.outDir);
}

/** Restores a missing `--out` from the newest complete set, then deletes everything else. */
async function recover(layout: Layout, swap: SwapMode): Promise<void> {
  const current = await lstatOrUndefined(layout.outDir);
  let keep: string | undefined;
  if (current === undefined) {
    const entries = (await readdir(layout.setsDir)).sort();
    const newest = entries.filter((entry) => entry.startsWith('set-')).pop()
      ?? entries.filter((entry) => entry.startsWith('old-')).pop();
    if (newest !== undefined) {
      const setDir = join(layout.setsDir, newest);
      if (swap === 'symlink') {
        const link = join(layout.parent, `${layout.linkPrefix}${newId()}`);
        await symlink(relative(layout.parent, setDir), link, 'dir');
        await rename(link, layout.outDir);
        keep = newest;
      } else {
        await rename(setDir, layout.outDir);
      }
    }
  } else if (current.isSymbolicLink()) {
    keep = basename(await readlink(layout.outDir));
  } else if (!current.isDirectory()) {
    throw new UsageError(`--out ${layout.outDir} is a file, not a folder`);
  }
  await removeAllBut(layout, keep);
}

async function removeAllBut(layout: Layout, keep: string | undefined): Promise<void> {
  for (const entry of await readdir(layout.setsDir)) {
    if (entry !== keep && /^(tmp|set|old)-/.test(entry)) await rm(join(layout.setsDir, entry), { recursive: true, force: true });
  }
  for (const entry of await readdir(layout.parent)) {
    if (entry.startsWith(layout.linkPrefix)) await rm(join(layout.parent, entry), { force: true });
  }
}

/** A real `--out` is replaced as a whole: refuse one that holds anything stockcast does not write. */
async function checkRealFolder(outDir: string, knownNames: readonly string[]): Promise<void> {
  const info = await lstatOrUndefined(outDir);
  if (info === undefined || !info.isDirectory()) return;
  if (await lstatOrUndefined(join(outDir, SET_MANIFEST_NAME)) !== undefined) return;
  const known = new Set(knownNames);
  const foreign: string[] = [];
  for (const entry of await readdir(outDir, { withFileTypes: true })) {
    if (HARMLESS_NAMES.has(entry.name)) continue;
    if (!known.has(entry.name)) foreign.push(entry.name);
    else if (entry.isDirectory()) {
      for (const inner of await readdir(join(outDir, entry.name))) {
        if (!/\.(csv|xlsx)$/i.test(inner) && !HARMLESS_NAMES.has(inner)) foreign.push(`${entry.name}/${inner}`);
      }
    }
  }
  if (foreign.length > 0) {
    throw new UsageError(
      `--out ${outDir} holds files stockcast does not write (${foreign.slice(0, 3).join(', ')}`
      + `${foreign.length > 3 ? `, and ${foreign.length - 3} more` : ''}); every run replaces the whole folder, `
      + 'so choose an empty or new folder for --out',
    );
  }
}

/** `--out` as a link the user made (to a share, say): work on its target, leave the link alone. */
async function followForeignLink(outDir: string): Promise<string> {
  const info = await lstatOrUndefined(outDir);
  if (info === undefined || !info.isSymbolicLink()) return outDir;
  const target = resolve(dirname(outDir), await readlink(outDir));
  const ours = join(dirname(outDir), `.${basename(outDir)}.sets`) + sep;
  if (target.startsWith(ours)) return outDir;
  try {
    return await realpath(outDir);
  } catch {
    return target;
  }
}

function checkName(name: string): string {
  const parts = name.split('/');
  if (name === '' || isAbsolute(name) || name.includes('\\') || name.includes('\0')
    || parts.some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`not a relative output name: ${JSON.stringify(name)}`);
  }
  return parts.join(sep);
}

/** Sortable by time, unique across processes. */
function newId(): string {
  return `${Date.now().toString(36).padStart(9, '0')}-${process.pid}-${randomBytes(3).toString('hex')}`;
}

async function syncFolder(path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
    await handle.sync();
  } catch {
    // Some systems cannot fsync a folder (Windows, some network file systems); the rename
    // order still protects against a killed process, which is what we can promise there.
  } finally {
    await handle?.close();
  }
}

async function lstatOrUndefined(path: string): Promise<Awaited<ReturnType<typeof lstat>> | undefined> {
  try {
    return await lstat(path);
  } catch (error) {
    if (typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
}

export { writeFileAtomic } from '../write/write-file-atomic.js';
