// The bad-input corpus (test/fixtures/bad) through the built CLI: `plan` on the base set with the
// bad file swapped in, `--out` holding the previous complete set of a good run. Exit 3 prints
// exactly the corpus problems and leaves every byte of the previous set, its link and the folder
// beside it as they were; exit 0 prints exactly the expected warnings and writes a complete set,
// identical to the base plan when the file says the same thing in other bytes.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, cpSync, createWriteStream, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS } from '../../src/io/csv/csv-stream.js';
import { BASE, loadCorpus, type CorpusCase } from '../io/bad-input/corpus.js';
import { BIN, ROOT, tempDir, type CliResult } from './run-cli.js';

const cases = loadCorpus();
const PLAN_TIMEOUT_MS = 90_000;

/** Runs the built CLI like runCli, killed after PLAN_TIMEOUT_MS so that a hang fails the test instead of stalling it. */
function runCliBounded(args: readonly string[]): Promise<CliResult & { readonly timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT, env: { ...process.env, NO_COLOR: '1', TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, PLAN_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => (entry.isDirectory()
    ? listFiles(dir, `${prefix}${entry.name}/`)
    : [`${prefix}${entry.name}`])).sort();
}

/** Everything a run could touch: the folder beside --out, the link's target, and every file of the set. */
function snapshot(parent: string, out: string): { beside: string[]; target: string; files: Map<string, Buffer> } {
  return {
    beside: readdirSync(parent).sort(),
    target: readlinkSync(out),
    files: new Map(listFiles(out).map((file) => [file, readFileSync(path.join(out, file))])),
  };
}

function withoutSummary(files: Map<string, Buffer>): Map<string, Buffer> {
  return new Map([...files].filter(([file]) => file !== 'summary.json'));
}

/** The inputs of the base set with the case's file in place of its own (reorder cases keep the base). */
function inputsFor(testCase: CorpusCase): string {
  const dir = path.join(tempDir('stockcast-bad-input-'), 'in');
  cpSync(BASE, dir, { recursive: true });
  if (testCase.role !== 'reorder') copyFileSync(testCase.file, path.join(dir, `${testCase.role}.csv`));
  return dir;
}

function expectNoStack(result: CliResult): void {
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toMatch(/internal error/);
}

describe('bad input through the CLI', () => {
  const parent = tempDir('stockcast-bad-input-out-');
  const out = path.join(parent, 'out');
  let basePlan = new Map<string, Buffer>();

  beforeAll(async () => {
    const first = await runCliBounded(['plan', BASE, '--out', out, '--quiet', '--as-of', '2026-11-26']);
    expect(first).toMatchObject({ code: 0, stdout: '', stderr: '' });
    basePlan = withoutSummary(snapshot(parent, out).files);
  }, 2 * PLAN_TIMEOUT_MS);

  it.each(cases.filter((c) => c.exit === 3).map((c) => [c.name, c] as const))('%s: exit 3 with every problem, --out untouched', async (_, testCase) => {
    const before = snapshot(parent, out);
    const args = testCase.role === 'reorder'
      ? ['export', '--reorder', testCase.file, '--out', out, '--as-of', '2026-11-26']
      : ['plan', inputsFor(testCase), '--out', out];
    const result = await runCliBounded(args);
    expect(result.timedOut).toBe(false);
    expectNoStack(result);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    const shown = testCase.problems.slice(0, 50);
    const rest = testCase.total - shown.length;
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      ...shown.map((problem) => `error: ${problem}`),
      ...(rest > 0 ? [`… and ${rest} more problem${rest === 1 ? '' : 's'} (use stockcast validate --max-problems N to see more)`] : []),
      `stockcast: ${testCase.total} problem${testCase.total === 1 ? '' : 's'} in the input; nothing was planned and no output file was touched`,
    ]);
    const after = snapshot(parent, out);
    expect(after.beside).toEqual(before.beside);
    expect(after.target).toBe(before.target);
    expect([...after.files.keys()]).toEqual([...before.files.keys()]);
    for (const [file, bytes] of before.files) expect(after.files.get(file)?.equals(bytes), file).toBe(true);
  }, 2 * PLAN_TIMEOUT_MS);

  it('a 100 MB single line in stock.csv: exit 3 naming the line, --out untouched', async () => {
    const dir = path.join(tempDir('stockcast-bad-input-'), 'in');
    cpSync(BASE, dir, { recursive: true });
    const stock = createWriteStream(path.join(dir, 'stock.csv'));
    stock.write('sku,warehouse,on_hand\nCF-5001,BER,');
    const block = Buffer.alloc(1 << 20, '9');
    for (let i = 0; i < 100; i++) if (!stock.write(block)) await once(stock, 'drain');
    stock.end('\n');
    await once(stock, 'finish');
    const before = snapshot(parent, out);
    const result = await runCliBounded(['plan', dir, '--out', out]);
    rmSync(dir, { recursive: true, force: true });
    expect(result.timedOut).toBe(false);
    expectNoStack(result);
    expect(result.code).toBe(3);
    expect(result.stderr).toBe([
      `error: stock.csv:2: expected a line of at most ${MAX_RECORD_CHARS} characters (is a quote not closed, or is this not a CSV file?)`,
      'stockcast: 1 problem in the input; nothing was planned and no output file was touched',
      '',
    ].join('\n'));
    expect(snapshot(parent, out)).toEqual(before);
  }, 2 * PLAN_TIMEOUT_MS);

  it.each(cases.filter((c) => c.exit === 0 && c.role !== 'reorder').map((c) => [c.name, c] as const))(
    '%s: exit 0 with exactly the expected warnings and a complete set', async (_, testCase) => {
      const result = await runCliBounded(['plan', inputsFor(testCase), '--out', out, '--as-of', '2026-11-26']);
      expect(result.timedOut).toBe(false);
      expectNoStack(result);
      expect(result.code).toBe(0);
      const warnings = result.stderr.split('\n').filter((line) => line !== '');
      expect(warnings).toEqual([...testCase.warnings.map((w) => `warning: ${w.message}`), ...testCase.cliWarnings.map((w) => `warning: ${w}`)]);
      const after = snapshot(parent, out);
      expect(after.beside).toEqual(['.out.sets', 'out']);
      expect([...after.files.keys()]).toEqual(expect.arrayContaining(['alerts.csv', 'forecast.csv', 'reorder.csv', 'summary.json', 'transfers.csv']));
      expect(() => JSON.parse(after.files.get('summary.json')?.toString() ?? '')).not.toThrow();
      const plan = withoutSummary(after.files);
      if (testCase.plan === 'same-as-base') {
        expect([...plan.keys()]).toEqual([...basePlan.keys()]);
        for (const [file, bytes] of basePlan) expect(plan.get(file)?.equals(bytes), file).toBe(true);
      } else {
        expect([...plan].every(([file, bytes]) => basePlan.get(file)?.equals(bytes)), 'the plan changes with the input').toBe(false);
      }
    }, 2 * PLAN_TIMEOUT_MS);
});
