// Every case of the fixture corpus (test/fixtures/bad, see its README) through its reader,
// in-process: exactly the problems or warnings of expected.txt, nothing else thrown.
import { describe, expect, it } from 'vitest';
import { BASE, loadCorpus } from './corpus.js';
import { outcomeOf, PROBLEM_FORM, ROLES } from './readers.js';
import path from 'node:path';

const cases = loadCorpus();

describe('bad-input corpus, read in-process', () => {
  it('covers every reader with cases that fail and cases that pass with a warning', () => {
    for (const role of ROLES) expect(cases.filter((c) => c.role === role).length, role).toBeGreaterThanOrEqual(3);
    expect(cases.filter((c) => c.exit === 0 && c.warnings.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_, testCase) => {
    const outcome = await outcomeOf(testCase.role, testCase.file);
    if (testCase.exit === 3) {
      expect(outcome.kind === 'input' ? outcome.messages : outcome).toEqual(testCase.problems);
      if (outcome.kind !== 'input') return;
      expect(outcome.total).toBe(testCase.total);
      for (const message of outcome.messages) expect(message).toMatch(PROBLEM_FORM);
    } else {
      expect(outcome).toEqual({ kind: 'ok', rows: testCase.rows, warnings: testCase.warnings });
    }
  });

  it.each(ROLES.filter((role) => role !== 'reorder'))('the base %s file reads without a warning', async (role) => {
    expect(await outcomeOf(role, path.join(BASE, `${role}.csv`))).toMatchObject({ kind: 'ok', warnings: [] });
  });
});
