import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './run-cli.js';

// CLI golden tests (STYLE.md): each folder under test/fixtures/golden/<scenario>/ holds `input/`,
// `args.txt` (the command line, with IN and OUT standing for the input and output folders) and
// `expected/` (stdout.txt, stderr.txt, exit-code.txt and the output files). Run with
// UPDATE_GOLDEN=1 to rewrite `expected/` after a deliberate change, then review the diff.
const GOLDEN = path.join(ROOT, 'test', 'fixtures', 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** Values that differ between runs by nature: timestamps, durations, temp paths. */
function mask(text: string, out: string, input: string): string {
  return text
    .split(out).join('<OUT>')
    .split(input).join('<IN>')
    .replace(/"(started_at|finished_at)": "[^"]+"/g, '"$1": "<time>"')
    .replace(/("durations_ms": \{)[^}]*\}/g, '$1<masked>}');
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  }).sort();
}

describe.each(readdirSync(GOLDEN))('golden scenario %s', (scenario) => {
  it('prints and writes exactly what expected/ holds', async () => {
    const folder = path.join(GOLDEN, scenario);
    const input = path.join(folder, 'input');
    const out = path.join(tempDir(), 'out');
    const args = readFileSync(path.join(folder, 'args.txt'), 'utf8').trim().split(/\s+/)
      .map((arg) => (arg === 'IN' ? input : arg === 'OUT' ? out : arg));
    const result = await runCli(args);
    const actual: Record<string, string> = {
      'stdout.txt': mask(result.stdout, out, input),
      'stderr.txt': mask(result.stderr, out, input),
      'exit-code.txt': `${result.code}\n`,
    };
    if (existsSync(out)) {
      for (const file of listFiles(out)) {
        if (file.endsWith('.xlsx')) continue; // compared through the CSV sheets and the xlsx tests
        if (file === 'report.html') continue; // a page of charts: test/pipeline/report.test.ts and the Chromium test
        actual[path.join('files', file)] = mask(readFileSync(path.join(out, file), 'utf8'), out, input);
      }
    }
    const expectedDir = path.join(folder, 'expected');
    if (UPDATE) {
      rmSync(expectedDir, { recursive: true, force: true });
      for (const [name, text] of Object.entries(actual)) {
        mkdirSync(path.dirname(path.join(expectedDir, name)), { recursive: true });
        writeFileSync(path.join(expectedDir, name), text);
      }
    }
    const expected = Object.fromEntries(listFiles(expectedDir).map((name) => [name, readFileSync(path.join(expectedDir, name), 'utf8')]));
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const name of Object.keys(expected)) expect(actual[name], name).toBe(expected[name]);
  });
});
