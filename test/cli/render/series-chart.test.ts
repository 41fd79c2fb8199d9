import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { renderSeriesChart } from '../../../src/cli/render/series-chart.js';
import type { ChartedItem } from '../../../src/pipeline/report/report-model.js';

const ANSI = new RegExp(String.raw`\u001b\[`);

const item: ChartedItem = {
  index: 0, sku: 'A-1', warehouse: 'MAIN', supplier: 'Acme', abc: 'A', xyz: 'X', alerts: 'stockout_risk', moneyAtStake: 10,
  onHand: 4, onOrder: 0, available: 4, reorderPoint: 6, orderUpTo: 12, orderQty: 8, orderValue: 16, leadTimeDays: 2, daysOfCover: 2,
  history: [1, 3, 2, 4].map((quantity, i) => ({ period: `2026-11-2${i + 2}`, quantity })),
  forecast: ['2026-11-26', '2026-11-27'].map((period) => ({ period, mean: 2.5, lo80: 1, hi80: 4, lo95: 0, hi95: 5 })),
  projected: [], arrivalIndex: null,
};

describe('renderSeriesChart', () => {
  it('without a colour level, prints no escape codes and names the band lines in the legend', () => {
    const text = renderSeriesChart(item, new Chalk({ level: 0 }));
    expect(text).not.toMatch(ANSI);
    expect(text.split('\n')[0]).toBe('A-1 @ MAIN  class AX · on hand 4 · reorder point 6 · order 8 · stockout risk');
    expect(text.split('\n')[1]).toMatch(/^ {6}5\.0 [┤┼]/); // the top row: the 95 % band's upper end
    expect(text).toContain('2026-11-22');
    expect(text).toContain('^ 2026-11-26');
    expect(text).toContain('the lines above and below the forecast: 95 % band');
  });

  it('with a colour level (a terminal without NO_COLOR), colours the band', () => {
    expect(renderSeriesChart(item, new Chalk({ level: 2 }))).toMatch(ANSI);
  });
});
