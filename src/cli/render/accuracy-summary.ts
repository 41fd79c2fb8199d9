import type { ChalkInstance } from 'chalk';
import type { AccuracyMeasures } from '../../io/history/query-accuracy.js';
import type { AccuracyRun } from '../../pipeline/run-accuracy.js';
import { formatNumber, makeTable } from './table.js';

const HEAD = ['scored', 'runs', 'MASE', 'RMSSE', 'bias', 'cover 80', 'cover 95'];
const KEY_HEAD: Record<AccuracyRun['by'], string[]> = {
  sku: ['sku', 'warehouse'], supplier: ['supplier'], class: ['demand class'], step: ['step'], run: ['as of'],
};

function cells(measures: AccuracyMeasures): string[] {
  const f = (v: number, d: number) => (Number.isFinite(v) ? formatNumber(v, d) : '');
  return [String(measures.n), String(measures.runs), f(measures.mase, 3), f(measures.rmsse, 3), f(measures.bias, 3),
    f(measures.coverage80, 2), f(measures.coverage95, 2)];
}

/** The overall line, the table by the chosen group, and coverage by horizon step. */
export function renderAccuracy(run: AccuracyRun, chalk: ChalkInstance): string {
  const { answer } = run;
  const out: string[] = [];
  out.push(`${chalk.bold('Realised accuracy')} of the run history ${run.store}: actuals through ${run.actualsThrough || '–'}`
    + `${run.since ? `, runs since ${run.since}` : ''} (scored = forecast periods with an actual; bias = forecast - actual, units per ${run.freq};`
    + ' cover = share of actuals inside the band)');
  if (answer.overall.n === 0) {
    out.push('Nothing to score yet: no stored forecast has a complete period in the sales file. Run plan on later nights, then again.');
    return `${out.join('\n')}\n`;
  }
  const keyHead = KEY_HEAD[run.by];
  const numeric = HEAD.map((_, i) => keyHead.length + i);
  const overall = makeTable(['', ...HEAD], chalk, HEAD.map((_, i) => i + 1));
  overall.push(['all', ...cells(answer.overall)]);
  out.push(overall.toString());
  const groups = makeTable([...keyHead, ...HEAD], chalk, numeric);
  for (const group of answer.groups) groups.push([...Object.values(group.key).map(String), ...cells(group)]);
  out.push(chalk.bold(`By ${keyHead.join(' x ')}`), groups.toString());
  if (run.by !== 'step') {
    const steps = makeTable(['step', ...HEAD], chalk, HEAD.map((_, i) => i + 1));
    for (const group of answer.byStep) steps.push([String(group.key.step), ...cells(group)]);
    out.push(chalk.bold('By horizon step (1 = the first period forecast)'), steps.toString());
  }
  return `${out.join('\n')}\n`;
}
