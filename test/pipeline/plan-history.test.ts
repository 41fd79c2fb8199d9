import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openHistoryStore } from '../../src/io/history/history-store.js';
import { openPlanHistory } from '../../src/pipeline/plan-history.js';
import type { RunSettings } from '../../src/pipeline/settings.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'stockcast-plan-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Opens the store read-write in another process, as `stockcast accuracy` or a second plan would,
 * without waiting: DuckDB refuses a file another process holds open.
 */
function openElsewhere(file: string): string {
  const script = `import { DuckDBInstance } from '@duckdb/node-api';
const instance = await DuckDBInstance.create(process.argv[1]);
(await instance.connect()).closeSync();
instance.closeSync();
console.log('opened');`;
  try {
    return execFileSync(process.execPath, ['--input-type=module', '-e', script, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    return `refused: ${String((error as { stderr?: string }).stderr ?? error).split('\n').find((line) => /lock/i.test(line)) ?? ''}`;
  }
}

describe('the run history of a plan', () => {
  it('cannot be opened by another process while this one holds it open (what the next test relies on)', async () => {
    const file = path.join(dir, 'held.db');
    const store = await openHistoryStore(file);
    try {
      expect(openElsewhere(file)).toMatch(/^refused/);
    } finally {
      store.close();
    }
    expect(openElsewhere(file)).toBe('opened');
  });

  it('is created when the plan starts, and then not held open while the plan runs', async () => {
    const file = path.join(dir, 'stockcast.db');
    const history = await openPlanHistory({ historyPath: file, out: path.join(dir, 'out') } as unknown as RunSettings);
    expect(history?.path).toBe(file);
    expect(openElsewhere(file)).toBe('opened');
  });
});
