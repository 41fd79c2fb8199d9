import { copyFileSync, existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLES, runCli, tempDir } from './run-cli.js';

const AS_OF = '2026-11-26';

/** Every file under `folder` (links followed), by relative path, with its bytes. */
function snapshot(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (relative: string): void => {
    for (const name of readdirSync(path.join(folder, relative)).sort()) {
      const inner = path.join(relative, name);
      if (statSync(path.join(folder, inner)).isDirectory()) walk(inner);
      else files.set(inner, readFileSync(path.join(folder, inner)));
    }
  };
  walk('');
  return files;
}

describe('stockcast forecast DIR when DIR/out is the output set of stockcast plan', () => {
  let dir: string;
  let out: string;
  let before: Map<string, Buffer>;

  beforeAll(async () => {
    dir = tempDir();
    for (const name of ['sales.csv', 'stock.csv', 'items.csv', 'lanes.csv']) copyFileSync(path.join(SAMPLES, name), path.join(dir, name));
    const plan = await runCli(['plan', dir, '--as-of', AS_OF, '--quiet']);
    expect(plan.code).toBe(0);
    out = path.join(dir, 'out');
    before = snapshot(out);
    expect(before.has('forecast.csv')).toBe(true);
  });

  it('exits 2, says why and how, and leaves every file of the set byte-identical', async () => {
    const setDir = realpathSync(out);
    const result = await runCli(['forecast', dir, '--as-of', AS_OF]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${out} is the output set of \`stockcast plan\`; forecast would change a file inside it. `
      + 'Write elsewhere with -o FILE.csv or -o FOLDER, or run `stockcast plan`, which writes forecast.csv into the set',
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(realpathSync(out)).toBe(setDir);
    expect(snapshot(out)).toEqual(before);
  });

  it('refuses -o naming a file inside the set too', async () => {
    const result = await runCli(['forecast', dir, '--as-of', AS_OF, '-o', path.join(out, 'forecast.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is the output set of `stockcast plan`');
    expect(snapshot(out)).toEqual(before);
  });

  it('still writes with -o elsewhere, the same forecast the plan wrote', async () => {
    const elsewhere = path.join(dir, 'forecast-only.csv');
    const result = await runCli(['forecast', dir, '--as-of', AS_OF, '--quiet', '-o', elsewhere]);
    expect(result.code).toBe(0);
    expect(existsSync(elsewhere)).toBe(true);
    expect(readFileSync(elsewhere, 'utf8')).toBe(before.get('forecast.csv')?.toString('utf8'));
    expect(snapshot(out)).toEqual(before);
  });
});
