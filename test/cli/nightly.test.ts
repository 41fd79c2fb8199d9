// Issue 5, "Done when": the built CLI run as cron runs it. A plan on samples takes 3-20 s
// depending on load, so this file runs for minutes; the flags are checked on the small set
// test/fixtures/bad/base (about 2 s a run).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, BIN, SAMPLES, runCli, tempDir } from './run-cli.js';
import { seededRandom } from '../../src/core/random.js';

const BASE = path.join(ROOT, 'test', 'fixtures', 'bad', 'base');
const SPEC_FILES = ['alerts.csv', 'forecast.csv', 'reorder.csv', 'summary.json', 'transfers.csv'];
const MANIFEST = '.stockcast-set.json';
/** Any ANSI escape sequence (colour, cursor movement). */
const ANSI = new RegExp(String.raw`\u001b\[`);
/** Colour and style codes only (SGR): a progress bar may move the cursor on a TTY, but never colours under NO_COLOR. */
const SGR = new RegExp(String.raw`\u001b\[[0-9;]*m`);

/** Environment of a cron job: no colour variables, no TTY. */
function cronEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  // STOCKCAST_HISTORY=off: these plans run on samples/ and the fixtures, which must not keep a run history.
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: tempDir('stockcast-home-'), TZ: 'UTC', STOCKCAST_HISTORY: 'off', ...extra };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
    ? listFiles(dir, `${prefix}${entry.name}/`)
    : [`${prefix}${entry.name}`])).sort();
}

/** Every file of a set by name, with its bytes (summary.json holds run times, so it is left out). */
function contentsOf(outDir: string): Map<string, Buffer> {
  return new Map(listFiles(outDir).filter((file) => file !== 'summary.json').map((file) => [file, readFileSync(path.join(outDir, file))]));
}

/**
 * `outDir` is a complete, consistent set: the spec files and supplier sheets present, summary.json
 * parses, the manifest lists exactly the set's files, and every file other than summary.json has
 * the bytes of `reference` (a plan of the same inputs is byte-identical).
 */
function expectCompleteSet(outDir: string, reference: Map<string, Buffer>, context: string): void {
  expect(existsSync(outDir), `${context}: --out exists`).toBe(true);
  const files = listFiles(outDir);
  expect(files, context).toEqual(expect.arrayContaining(SPEC_FILES));
  expect(files.some((file) => /^suppliers\/.+\.xlsx$/.test(file)), `${context}: supplier sheets`).toBe(true);
  expect(() => JSON.parse(readFileSync(path.join(outDir, 'summary.json'), 'utf8')), context).not.toThrow();
  if (files.includes(MANIFEST)) {
    const manifest = JSON.parse(readFileSync(path.join(outDir, MANIFEST), 'utf8')) as { files: string[] };
    expect([...manifest.files].sort(), `${context}: manifest`).toEqual(files.filter((file) => file !== MANIFEST));
  }
  const contents = contentsOf(outDir);
  expect([...contents.keys()], context).toEqual([...reference.keys()]);
  for (const [file, bytes] of reference) expect(contents.get(file)?.equals(bytes), `${context}: ${file}`).toBe(true);
}

interface Run { readonly code: number | null; readonly signal: NodeJS.Signals | null; readonly stdout: string; readonly stderr: string; readonly ms: number }

/** Runs the built CLI; with `killAfterMs`, sends SIGKILL that long after spawning. */
function runTimed(args: readonly string[], killAfterMs?: number): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cronEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - started });
    });
  });
}

/** Runs `command` under a pseudo-terminal (util-linux `script`), stdout and stderr merged. */
function runOnTty(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  const quoted = [process.execPath, BIN, ...args].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
  const started = performance.now();
  const child = spawn('script', ['-qec', quoted, '/dev/null'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr: '', ms: performance.now() - started }));
  });
}

describe('plan under cron: env -i, no TTY, stdin from /dev/null', () => {
  it('exits 0 with no ANSI escape code anywhere in stdout or stderr', { timeout: 180_000 }, async () => {
    const out = path.join(tempDir(), 'out');
    const result = await runCli(['plan', 'samples', '--out', out], { env: cronEnv() });
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Orders by supplier/);
    expect(result.stdout + result.stderr).not.toMatch(ANSI);
    expect(listFiles(out)).toEqual(expect.arrayContaining(SPEC_FILES));
  });
});

describe('kill -9 at random moments', () => {
  it('20 kills in a row always leave the previous complete set in --out; a final run succeeds and leaves no debris', { timeout: 30 * 60_000 }, async () => {
    const parent = tempDir('stockcast-nightly-kill-');
    const out = path.join(parent, 'out');
    const args = ['plan', SAMPLES, '--out', out, '--quiet'];
    const first = await runTimed(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const reference = contentsOf(out);
    expectCompleteSet(out, reference, 'after the first run');

    const seed = Number(process.env.STOCKCAST_KILL_SEED ?? 20261126);
    const random = seededRandom(seed);
    const kills: { atMs: number; signal: NodeJS.Signals | null; code: number | null }[] = [];
    // The duration of a run, re-measured whenever one finishes before its kill (the load on a
    // shared machine changes), so that the kills keep spreading over the whole of a run.
    let runMs = first.ms;
    for (let i = 0; i < 20; i++) {
      const atMs = Math.round(random() * runMs);
      const run = await runTimed(args, atMs);
      kills.push({ atMs, signal: run.signal, code: run.code });
      const context = `kill ${i + 1} at ${atMs} ms of ${Math.round(runMs)} (seed ${seed})`;
      if (run.signal === null) runMs = Math.min(runMs, run.ms);
      if (run.signal === null) expect(run.code, `${context}: finished before the kill; stderr: ${run.stderr}`).toBe(0);
      expectCompleteSet(out, reference, context);
    }
    // The moments are spread over a whole run, so most kills land while it is running.
    expect(kills.filter((kill) => kill.signal === 'SIGKILL').length, JSON.stringify(kills)).toBeGreaterThanOrEqual(10);

    const last = await runTimed(args);
    expect(last.stderr).toBe('');
    expect(last.code).toBe(0);
    expectCompleteSet(out, reference, 'after the final run');
    expect(readdirSync(parent).sort()).toEqual(['.out.sets', 'out']);
    const sets = readdirSync(path.join(parent, '.out.sets'));
    expect(sets).toHaveLength(1);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(path.resolve(parent, readlinkSync(out))).toBe(path.join(parent, '.out.sets', sets[0]));
  });
});

describe('two runs started together on the same --out', () => {
  it('exactly one plans (exit 0); the other exits 1 naming the lock file', { timeout: 180_000 }, async () => {
    const parent = tempDir('stockcast-nightly-lock-');
    const out = path.join(parent, 'out');
    const runs = await Promise.all([runTimed(['plan', SAMPLES, '--out', out]), runTimed(['plan', SAMPLES, '--out', out])]);
    const codes = runs.map((run) => run.code).sort();
    expect(codes, runs.map((run) => run.stderr).join('\n---\n')).toEqual([0, 1]);
    const loser = runs.find((run) => run.code === 1) as Run;
    expect(loser.stderr).toContain(`lock file ${path.join(parent, '.out.lock')}`);
    expect(loser.stderr).not.toMatch(/\n\s+at /);
    expect(loser.stdout).toBe('');
    expect(existsSync(path.join(parent, '.out.lock'))).toBe(false);
    expect(listFiles(out)).toEqual(expect.arrayContaining(SPEC_FILES));
  });
});

describe('cron flags', () => {
  /** The small set with an extra column in sales.csv, so that every run has one warning. */
  function inputsWithWarning(): string {
    const dir = path.join(tempDir(), 'in');
    cpSync(BASE, dir, { recursive: true });
    const sales = readFileSync(path.join(dir, 'sales.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(path.join(dir, 'sales.csv'), `${sales.map((line, i) => `${line},${i === 0 ? 'note' : 'x'}`).join('\n')}\n`);
    return dir;
  }
  const WARNING = 'sales.csv: ignored columns note';

  it('without --quiet the warning is on stderr and the summary on stdout (the control for --quiet)', async () => {
    const result = await runCli(['plan', inputsWithWarning(), '--out', path.join(tempDir(), 'out')], { env: cronEnv() });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`warning: ${WARNING}`);
    expect(result.stdout).toMatch(/^stockcast plan as of /);
  });

  it('--quiet prints nothing on stdout or stderr on success, and writes the set', async () => {
    const out = path.join(tempDir(), 'out');
    const result = await runCli(['plan', inputsWithWarning(), '--out', out, '--quiet'], { env: cronEnv() });
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(listFiles(out)).toEqual(expect.arrayContaining(SPEC_FILES));
  });

  it('--json prints the summary as parseable JSON on stdout, and only that', async () => {
    const result = await runCli(['plan', inputsWithWarning(), '--out', path.join(tempDir(), 'out'), '--json'], { env: cronEnv() });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { command: string; counts: Record<string, number> };
    expect(summary.command).toBe('plan');
    expect(Object.keys(summary.counts).length).toBeGreaterThan(0);
    expect(result.stderr).toContain(WARNING);
    expect(result.stderr).not.toContain('{');
  });

  it('--fail-on any exits 4 when alerts exist, after writing the set; without it the same run exits 0', async () => {
    const out = path.join(tempDir(), 'out');
    const plain = await runCli(['plan', BASE, '--out', out, '--quiet'], { env: cronEnv() });
    expect(plain.code).toBe(0);
    const alerts = readFileSync(path.join(out, 'alerts.csv'), 'utf8').trim().split('\n').length - 1;
    expect(alerts).toBeGreaterThan(0);
    const failing = await runCli(['plan', BASE, '--out', out, '--quiet', '--fail-on', 'any'], { env: cronEnv() });
    expect(failing.code).toBe(4);
    expect(failing.stdout).toBe('');
    expect(failing.stderr).toBe(`stockcast: ${alerts} alerts matched --fail-on any (exit 4)\n`);
    expect(listFiles(out)).toEqual(expect.arrayContaining(SPEC_FILES));
  });

  it('--log-file gets the warnings with ISO timestamps, also under --quiet, appending', async () => {
    const input = inputsWithWarning();
    const log = path.join(tempDir(), 'stockcast.log');
    for (const extra of [['--quiet'], []]) {
      const result = await runCli(['plan', input, '--out', path.join(tempDir(), 'out'), '--log-file', log, ...extra], { env: cronEnv() });
      expect(result.code).toBe(0);
    }
    const lines = readFileSync(log, 'utf8').trimEnd().split('\n').filter((line) => line.includes(WARNING));
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z\s+warn\s+sales\.csv: ignored columns note$/);
  });

  describe('colour on a terminal', () => {
    const ttyEnv = (extra: NodeJS.ProcessEnv = {}) => cronEnv({ TERM: 'xterm-256color', ...extra });

    it('is on without NO_COLOR and --no-color (the control for the two below)', { timeout: 60_000 }, async () => {
      const result = await runOnTty(['plan', inputsWithWarning(), '--out', path.join(tempDir(), 'out')], ttyEnv());
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(SGR);
    });

    it('is off with NO_COLOR=1', { timeout: 60_000 }, async () => {
      const result = await runOnTty(['plan', inputsWithWarning(), '--out', path.join(tempDir(), 'out')], ttyEnv({ NO_COLOR: '1' }));
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(WARNING);
      expect(result.stdout).not.toMatch(SGR);
    });

    it('is off with --no-color', { timeout: 60_000 }, async () => {
      const result = await runOnTty(['plan', inputsWithWarning(), '--out', path.join(tempDir(), 'out'), '--no-color'], ttyEnv());
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(WARNING);
      expect(result.stdout).not.toMatch(SGR);
    });
  });
});
