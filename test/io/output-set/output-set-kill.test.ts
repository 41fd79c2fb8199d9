// Issue 5: killing a run with SIGKILL at random moments, 20 times in a row, never leaves --out
// without a complete, consistent previous set, and the next run succeeds and cleans up.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKillModules } from '../../fixtures/kill/build-modules.js';
import { seededRandom } from '../../../src/core/random.js';

const SCRIPT = fileURLToPath(new URL('../../fixtures/kill/write-set.mjs', import.meta.url));
const MANIFEST = '.stockcast-set.json';
const EXPECTED = [
  MANIFEST, 'alerts.csv', 'forecast.csv', 'reorder.csv', 'summary.json',
  ...Array.from({ length: 10 }, (_, i) => [`suppliers/supplier-${i}.csv`, `suppliers/supplier-${i}.xlsx`]).flat(),
  'transfers.csv',
].sort();

let modulesDir = '';
let work = '';
beforeAll(() => {
  modulesDir = buildKillModules();
  work = mkdtempSync(join(tmpdir(), 'stockcast-kill-'));
});
afterAll(() => {
  rmSync(modulesDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

interface Run { readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stderr: string; readonly ms: number }

type Kill = { readonly afterMs: number; readonly from: 'spawn' | 'commit' };

/**
 * Runs the writer; with `kill`, sends SIGKILL `afterMs` after spawning, or after the child says
 * it is about to commit (to land kills among the renames of the swap).
 */
function runWriter(outDir: string, runId: string, kill?: Kill, durable = false): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [SCRIPT, modulesDir, outDir, runId, '1', durable ? '1' : '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => { timer = setTimeout(() => child.kill('SIGKILL'), kill?.afterMs); };
  if (kill?.from === 'spawn') arm();
  child.stdout.on('data', (chunk: Buffer) => { if (kill?.from === 'commit' && chunk.toString().includes('committing')) arm(); });
  return new Promise((done) => {
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stderr, ms: performance.now() - started });
    });
  });
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
    ? listFiles(dir, `${prefix}${entry.name}/`)
    : [`${prefix}${entry.name}`]));
}

/** The single run id of a complete set in `outDir`, or a description of what is wrong. */
function completeSetId(outDir: string): string {
  if (!existsSync(outDir)) return '<no --out>';
  const files = listFiles(outDir).sort();
  expect(files).toEqual(EXPECTED);
  const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8')) as { files: string[] };
  expect(manifest.files).toEqual(EXPECTED.filter((file) => file !== MANIFEST));
  const ids = new Set(manifest.files.map((file) => {
    const text = readFileSync(join(outDir, file), 'utf8');
    const first = text.slice(0, text.indexOf('\n'));
    const last = text.trimEnd().split('\n').pop() ?? '';
    expect(last.replace('end,', 'run_id,')).toBe(first);
    return first.slice('run_id,'.length);
  }));
  expect(ids.size).toBe(1);
  return [...ids][0];
}

describe('output set under kill -9', () => {
  it('20 runs killed at random moments always leave a complete set of one run, and the next run succeeds', async () => {
    const outDir = join(work, 'out');
    const first = await runWriter(outDir, 'r0');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(completeSetId(outDir)).toBe('r0');

    const random = seededRandom(20261126);
    let previous = 'r0';
    let killed = 0;
    for (let k = 1; k <= 20; k++) {
      const runId = `r${k}`;
      // Odd runs: kills spread over start-up, writing and commit (a few finish first). Even runs:
      // kills 0-4 ms after the child starts its commit, among the renames of the swap.
      const kill: Kill = k % 2 === 1
        ? { afterMs: Math.floor(random() * first.ms * 1.3), from: 'spawn' }
        : { afterMs: Math.floor(random() * 5), from: 'commit' };
      const run = await runWriter(outDir, runId, kill);
      if (run.signal === 'SIGKILL') killed++;
      else expect(run.code, run.stderr).toBe(0);
      const found = completeSetId(outDir);
      expect([previous, runId]).toContain(found);
      if (run.signal !== 'SIGKILL') expect(found).toBe(runId);
      previous = found;
    }
    // Most runs die; some get through (a kill that lands after the commit is a success).
    expect(killed).toBeGreaterThanOrEqual(8);
    expect(previous).not.toBe('r0');

    const last = await runWriter(outDir, 'final', undefined, true);
    expect(last.stderr).toBe('');
    expect(last.code).toBe(0);
    expect(completeSetId(outDir)).toBe('final');
    // No debris: one set, no temporary folders or links, no lock.
    expect(readdirSync(join(work, '.out.sets'))).toHaveLength(1);
    expect(readdirSync(work).sort()).toEqual(['.out.sets', 'out']);
  });
});
