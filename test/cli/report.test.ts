import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './run-cli.js';

const INPUT = path.join(ROOT, 'test', 'fixtures', 'golden', 'plan-small', 'input');
const ANSI = new RegExp(String.raw`\u001b\[`);

describe('stockcast report and stockcast show', () => {
  let out: string;

  beforeAll(async () => {
    out = path.join(tempDir(), 'out');
    const plan = await runCli(['plan', INPUT, '--out', out, '--as-of', '2026-11-26', '--quiet']);
    expect(plan.code).toBe(0);
  });

  it('plan writes report.html, and report rebuilds the same bytes from the set', async () => {
    const written = readFileSync(path.join(out, 'report.html'), 'utf8');
    const result = await runCli(['report', out, '--json']);
    expect(result.code).toBe(0);
    const facts = JSON.parse(result.stdout);
    expect(facts.file).toBe(path.join(out, 'report.html'));
    expect(facts.charts).toBe(written.match(/<div class="chart" data-chart="/g)?.length);
    expect(readFileSync(path.join(out, 'report.html'), 'utf8')).toBe(written);
  });

  it('report -o - prints the page; --report-top 1 charts one line', async () => {
    const result = await runCli(['report', out, '--report-top', '1', '-o', '-']);
    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(result.stdout.match(/data-chart="demand"/g)).toHaveLength(1);
  });

  it('report --backtest FILE shows 1 - WAPE of the plan\'s method as the forecast accuracy; a file of other JSON exits 2', async () => {
    const backtest = await runCli(['backtest', INPUT, '--as-of', '2026-11-26', '--folds', '1', '--methods', 'auto', '--json']);
    expect(backtest.code).toBe(0);
    const file = path.join(tempDir(), 'backtest.json');
    writeFileSync(file, backtest.stdout);
    const wape = JSON.parse(backtest.stdout).by_method[0].summary.wape;
    const result = await runCli(['report', out, '--backtest', file, '-o', '-']);
    expect(result.code).toBe(0);
    const percent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(Math.round((1 - wape) * 10000) / 100);
    expect(result.stdout).toContain(`<div class="kpi-value">${percent} %</div><div class="kpi-label">forecast accuracy</div>`);
    expect(result.stdout).toContain('1 - WAPE of auto over 15 series');
    writeFileSync(file, '{"something": "else"}');
    const bad = await runCli(['report', out, '--backtest', file, '-o', '-']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`--backtest ${file}: no accuracy of method "auto" in it (methods: none)`);
  });

  it('plan --abc-limits / --xyz-limits move the class limits; a pair in the wrong order is a usage error', async () => {
    const other = path.join(tempDir(), 'out');
    const result = await runCli(['plan', INPUT, '--out', other, '--as-of', '2026-11-26', '--abc-limits', '50,90', '--xyz-limits', '1,2', '--report-top', '3', '--quiet']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(path.join(other, 'summary.json'), 'utf8'));
    expect(summary.abc_xyz.abc_limits).toEqual([50, 90]);
    expect(summary.abc_xyz.xyz_limits).toEqual([1, 2]);
    expect(readFileSync(path.join(other, 'report.html'), 'utf8').match(/data-chart="demand"/g)).toHaveLength(3);
    const bad = await runCli(['plan', INPUT, '--out', path.join(tempDir(), 'out'), '--abc-limits', '95,80']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("option '--abc-limits <a,b>' argument '95,80' is invalid. expected two numbers, the smaller first");
  });

  it('report on a folder that is not an output set exits 2 and says why', async () => {
    const result = await runCli(['report', INPUT]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('not an output set of stockcast plan (no summary.json, inventory.csv, forecast.csv; run stockcast plan first)');
  });

  it('show draws history, forecast and band of one SKU per warehouse, without colour under NO_COLOR', async () => {
    const [header, first] = readFileSync(path.join(out, 'inventory.csv'), 'utf8').split('\n');
    const sku = first.split(',')[header.split(',').indexOf('sku')];
    const result = await runCli(['show', sku, out]);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).toContain(`${sku} @ `);
    expect(result.stdout).toMatch(/[┤┼]/);
    expect(result.stdout).toContain('^ 2026-11-26');
    const one = await runCli(['show', sku, out, '--warehouse', first.split(',')[1], '--json']);
    expect(JSON.parse(one.stdout).items).toHaveLength(1);
  });

  it('show with an unknown SKU or warehouse exits 2 naming what exists', async () => {
    const unknown = await runCli(['show', 'NOPE-1', out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('NOPE-1: no such SKU in');
    const [header, first] = readFileSync(path.join(out, 'inventory.csv'), 'utf8').split('\n');
    const sku = first.split(',')[header.split(',').indexOf('sku')];
    const warehouse = await runCli(['show', sku, out, '--warehouse', 'NOWHERE']);
    expect(warehouse.code).toBe(2);
    expect(warehouse.stderr).toMatch(new RegExp(`--warehouse NOWHERE: ${sku} is planned in `));
  });
});
