// Issue 10, acceptance: report.html of the samples plan opened in headless Chromium (Debian's
// `chromium`, driven by playwright-core; no browser is downloaded). Skips, saying why, where
// /usr/bin/chromium is absent; .ci/run installs it. UPDATE_SCREENSHOT=1 rewrites docs/report.png.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, SAMPLES, runCli, tempDir } from './run-cli.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run',
];
const TITLE = HAS_CHROMIUM
  ? 'report.html of the samples plan in headless Chromium'
  : `report.html in headless Chromium: SKIPPED, no ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;

if (!HAS_CHROMIUM) console.warn(`test/cli/report-browser.test.ts: ${TITLE}`);

describe.skipIf(!HAS_CHROMIUM)(TITLE, () => {
  let out: string;
  let browser: Browser;

  beforeAll(async () => {
    out = path.join(tempDir(), 'out');
    const plan = await runCli(['plan', SAMPLES, '--out', out, '--as-of', '2026-11-26', '--quiet']);
    expect(plan.code).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('loads without console errors or network requests, with the expected charts and the ABC/XYZ counts of summary.json', async () => {
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    const [header, ...lines] = Papa.parse<string[]>(readFileSync(path.join(out, 'inventory.csv'), 'utf8').trim()).data;
    const atStake = lines.filter((cells) => Number(cells[header.indexOf('money_at_stake')]) > 0).length;
    const expectedCharts = (summary.orders_by_supplier.length > 0 ? 1 : 0) + 1 + 2 * Math.min(40, atStake);

    const page = await browser.newPage({ viewport: { width: 1280, height: 1800 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => { if (!request.url().startsWith('file:')) requests.push(request.url()); });
    await page.goto(`file://${path.join(out, 'report.html')}`, { waitUntil: 'load' });
    if (process.env.UPDATE_SCREENSHOT === '1') await page.screenshot({ path: path.join(ROOT, 'docs', 'report.png') });

    expect(await page.locator('div.chart').count()).toBe(expectedCharts);
    expect(await page.locator('div.chart > svg').count()).toBe(expectedCharts);
    const counts = await page.locator('td[data-cell]').evaluateAll((cells) =>
      Object.fromEntries(cells.map((cell) => [cell.getAttribute('data-cell'), Number(cell.getAttribute('data-count'))])));
    const expectedCounts = Object.fromEntries(Object.entries<{ count: number }>(summary.abc_xyz.cells).map(([cell, { count }]) => [cell, count]));
    expect(counts).toEqual(expectedCounts);

    // The table: every line, 50 a page; the search box filters it.
    const total = summary.counts.sku_warehouses;
    expect(await page.locator('#f-count').textContent()).toBe(`${total} of ${total} lines`);
    expect(await page.locator('#lines tbody tr').count()).toBe(Math.min(50, total));
    await page.locator('#f-text').fill('TB-1001');
    expect(await page.locator('#f-count').textContent()).toMatch(new RegExp(`^[1-9] of ${total} lines$`));
    await page.locator('#f-text').fill('');

    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });
});
