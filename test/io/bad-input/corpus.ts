// The fixture corpus of test/fixtures/bad: one folder per case holding one input file named by
// its role (sales.csv, stock.csv, items.csv, lanes.csv or reorder.csv) and expected.txt.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatDay } from '../../../src/core/series/calendar.js';
import { MAX_DAY, MIN_DAY } from '../../../src/io/csv/parse-date.js';
import type { Warning } from '../../../src/io/read/read-options.js';
import { ROLES, type Role } from './readers.js';

export const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/bad');
/** A small valid data set (3 SKUs x 2 warehouses, 4 months): the previous good run of CLI cases. */
export const BASE = path.join(CORPUS, 'base');

export interface CorpusCase {
  readonly name: string;
  readonly role: Role;
  /** The bad file, named `<role>.csv`. */
  readonly file: string;
  readonly exit: 0 | 3;
  /** Exit 3: every problem as printed (`file:line:column: field: expected ..., got "..."`). */
  readonly problems: readonly string[];
  /** Exit 3: the problem count when more were found than kept. */
  readonly total: number;
  /** Exit 0: rows read. */
  readonly rows: number;
  /** Exit 0: the reader's warnings, exactly. */
  readonly warnings: readonly Warning[];
  /** Exit 0: warnings the plan adds from other files or stages (cross-file checks), printed by the CLI. */
  readonly cliWarnings: readonly string[];
  /** Exit 0: whether the plan's files must equal those of a plan on the base set. */
  readonly plan: 'same-as-base' | 'differs' | 'none';
}

/**
 * expected.txt, one statement a line: `exit 0|3`; for exit 3 the problems as printed, then
 * optionally `total N`; for exit 0 `rows N`, `warning <code> <count>: <message>`,
 * `cli-warning <message>`, `plan same-as-base|differs`. `{MIN_DAY}` and `{MAX_DAY}` stand for the
 * accepted date range of parse-date.ts, so that widening it does not rewrite the corpus.
 */
export function parseExpected(name: string, role: Role, file: string, text: string): CorpusCase {
  const lines = text.replaceAll('{MIN_DAY}', formatDay(MIN_DAY)).replaceAll('{MAX_DAY}', formatDay(MAX_DAY)).trimEnd().split('\n');
  const exit = lines[0] === 'exit 0' ? 0 : lines[0] === 'exit 3' ? 3 : undefined;
  if (exit === undefined) throw new Error(`${name}/expected.txt: first line must be "exit 0" or "exit 3"`);
  const problems: string[] = [];
  const warnings: Warning[] = [];
  const cliWarnings: string[] = [];
  let total = -1;
  let rows = 0;
  let plan: CorpusCase['plan'] = 'none';
  for (const line of lines.slice(1)) {
    const warning = /^warning (\S+) (\d+): (.*)$/.exec(line);
    if (exit === 3 && line.startsWith('total ')) total = Number(line.slice(6));
    else if (exit === 3) problems.push(line);
    else if (line.startsWith('rows ')) rows = Number(line.slice(5));
    else if (warning) warnings.push({ code: warning[1], message: warning[3], count: Number(warning[2]) });
    else if (line.startsWith('cli-warning ')) cliWarnings.push(line.slice('cli-warning '.length));
    else if (line === 'plan same-as-base' || line === 'plan differs') plan = line === 'plan same-as-base' ? 'same-as-base' : 'differs';
    else throw new Error(`${name}/expected.txt: cannot read "${line}"`);
  }
  return { name, role, file, exit, problems, total: total < 0 ? problems.length : total, rows, warnings, cliWarnings, plan };
}

export function loadCorpus(): CorpusCase[] {
  return fs.readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'base')
    .map((entry) => {
      const dir = path.join(CORPUS, entry.name);
      const inputs = fs.readdirSync(dir).filter((file) => file.endsWith('.csv'));
      const role = inputs.length === 1 ? ROLES.find((r) => `${r}.csv` === inputs[0]) : undefined;
      if (role === undefined) throw new Error(`${entry.name}: expected exactly one of ${ROLES.map((r) => `${r}.csv`).join(', ')}`);
      return parseExpected(entry.name, role, path.join(dir, inputs[0]), fs.readFileSync(path.join(dir, 'expected.txt'), 'utf8'));
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
