/**
 * The SVG charts of report.html, drawn by Observable Plot on linkedom's DOM (no browser, no
 * native module). Loaded with a dynamic import only when a report is written, so other commands
 * never load Plot, d3 or linkedom.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ChartedItem, ReportModel } from './report-model.js';

/** Realised accuracy of the forecasts of one earlier run (the run history). */
export interface AccuracyTrendPoint {
  readonly asOf: string;
  readonly mase: number;
  readonly rmsse: number;
}

const WIDTH = 560;
const HEIGHT = 190;
const COLORS = {
  history: '#555f6d', forecast: '#1f6fb2', band80: '#7fb0dc', band95: '#c6dcef',
  stock: '#2d7d46', reorder: '#c0392b', orderUpTo: '#8e6bbf', arrival: '#e67e22',
} as const;

/** Draws with one shared document; its nodes are serialised and dropped chart by chart. */
export interface ChartRenderer {
  demand(item: ChartedItem, asOf: string): string;
  stock(item: ChartedItem): string;
  suppliers(orders: ReportModel['ordersBySupplier']): string;
  pareto(points: ReportModel['pareto'], abcLimits: readonly number[]): string;
  accuracyTrend(points: readonly AccuracyTrendPoint[]): string;
  /** The one stylesheet every chart's class needs (Plot puts a copy in each SVG; the page keeps one). */
  readonly style: string;
}

const MONEY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A chart renderer on a fresh linkedom document. */
export function chartRenderer(): ChartRenderer {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  let style = '';
  const serialise = (node: { readonly outerHTML: string }): string => {
    let svg = node.outerHTML;
    svg = svg.replace(/<style>([\s\S]*?)<\/style>/g, (_: string, css: string) => {
      if (style === '') style = css;
      return '';
    });
    // Plot writes coordinates with full float precision; a tenth of a pixel is plenty.
    return svg.replace(/="([^"]*)"/g, (_: string, value: string) => `="${value.replace(/(\d\.\d)\d+/g, '$1')}"`);
  };
  const plot = (options: Plot.PlotOptions) => serialise(Plot.plot({ document, width: WIDTH, height: HEIGHT, ...options }));

  return {
    get style() { return style; },
    demand(item, asOf) {
      const history = item.history.map((h) => ({ date: day(h.period), quantity: h.quantity }));
      const forecast = item.forecast.map((f) => ({ ...f, date: day(f.period) }));
      return plot({
        ariaLabel: `Demand of ${item.sku} at ${item.warehouse}: history, forecast and 80/95 % bands`,
        marginLeft: 44,
        y: { grid: true, label: 'units per period', zero: true },
        x: { label: null },
        marks: [
          Plot.areaY(forecast, { x: 'date', y1: 'lo95', y2: 'hi95', fill: COLORS.band95, curve: 'step-after' }),
          Plot.areaY(forecast, { x: 'date', y1: 'lo80', y2: 'hi80', fill: COLORS.band80, curve: 'step-after' }),
          Plot.lineY(history, { x: 'date', y: 'quantity', stroke: COLORS.history, curve: 'step-after' }),
          Plot.lineY(forecast, { x: 'date', y: 'mean', stroke: COLORS.forecast, strokeWidth: 2, curve: 'step-after' }),
          Plot.ruleX([day(asOf)], { stroke: '#999', strokeDasharray: '3 3' }),
          Plot.ruleY([0]),
        ],
      });
    },
    stock(item) {
      const projected = item.projected.map((p) => ({ date: day(p.period), stock: p.stock }));
      const arrival = item.arrivalIndex === null ? [] : [projected[item.arrivalIndex]];
      const last = projected[projected.length - 1]?.date;
      const levels = last ? [
        { date: last, level: item.reorderPoint, label: `reorder point ${item.reorderPoint}`, color: COLORS.reorder },
        ...(item.orderUpTo > item.reorderPoint
          ? [{ date: last, level: item.orderUpTo, label: `order-up-to ${item.orderUpTo}`, color: COLORS.orderUpTo }] : []),
      ] : [];
      return plot({
        ariaLabel: `Projected stock of ${item.sku} at ${item.warehouse} with reorder point and suggested order`,
        marginLeft: 44,
        marginRight: 10,
        y: { grid: true, label: 'projected on hand', zero: true },
        x: { label: null },
        marks: [
          Plot.ruleY(levels, { y: 'level', stroke: 'color', strokeDasharray: '5 3' }),
          Plot.text(levels, { x: 'date', y: 'level', text: 'label', fill: 'color', textAnchor: 'end', dy: -5 }),
          Plot.lineY(projected, { x: 'date', y: 'stock', stroke: COLORS.stock, strokeWidth: 2, curve: 'step-after' }),
          Plot.dot(arrival, { x: 'date', y: 'stock', r: 4, fill: COLORS.arrival }),
          Plot.text(arrival, { x: 'date', y: 'stock', text: () => `+${item.orderQty} arrives`, fill: COLORS.arrival, textAnchor: 'start', dx: 6, dy: 10 }),
          Plot.ruleY([0]),
        ],
      });
    },
    suppliers(orders) {
      const rows = orders.map((o) => ({ supplier: o.supplier, value: o.value }));
      const longest = Math.max(0, ...rows.map((r) => r.supplier.length));
      return plot({
        ariaLabel: 'Order value by supplier',
        height: Math.max(HEIGHT, 28 * rows.length + 40),
        marginLeft: Math.min(240, 12 + 6 * longest),
        marginRight: 70,
        x: { grid: true, label: 'order value' },
        y: { label: null },
        marks: [
          Plot.barX(rows, { x: 'value', y: 'supplier', fill: COLORS.forecast, sort: { y: '-x' } }),
          Plot.text(rows, { x: 'value', y: 'supplier', text: (r: { value: number }) => MONEY.format(r.value), textAnchor: 'start', dx: 4 }),
          Plot.ruleX([0]),
        ],
      });
    },
    pareto(points, abcLimits) {
      return plot({
        ariaLabel: 'Pareto curve: cumulative share of the yearly consumption value by share of items',
        x: { label: '% of SKU x warehouse lines', domain: [0, 100] },
        y: { label: '% of yearly consumption value', domain: [0, 100], grid: true },
        marks: [
          Plot.ruleY(abcLimits, { stroke: COLORS.reorder, strokeDasharray: '4 3' }),
          Plot.areaY(points, { x: 'items', y: 'value', fill: COLORS.band95 }),
          Plot.lineY(points, { x: 'items', y: 'value', stroke: COLORS.forecast, strokeWidth: 2 }),
        ],
      });
    },
    accuracyTrend(points) {
      const measure = (name: 'mase' | 'rmsse') => points.filter((p) => Number.isFinite(p[name])).map((p) => ({ date: day(p.asOf), value: p[name] }));
      const mase = measure('mase');
      const rmsse = measure('rmsse');
      const last = [...mase.slice(-1).map((p) => ({ ...p, label: 'MASE', color: COLORS.forecast })),
        ...rmsse.slice(-1).map((p) => ({ ...p, label: 'RMSSE', color: COLORS.arrival }))];
      return plot({
        ariaLabel: 'Realised MASE and RMSSE of earlier runs by run date',
        marginLeft: 44,
        marginRight: 50,
        y: { grid: true, label: 'scaled error', zero: true },
        x: { label: null },
        marks: [
          Plot.ruleY([1], { stroke: '#999', strokeDasharray: '3 3' }),
          Plot.lineY(mase, { x: 'date', y: 'value', stroke: COLORS.forecast, strokeWidth: 2, marker: 'circle' }),
          Plot.lineY(rmsse, { x: 'date', y: 'value', stroke: COLORS.arrival, strokeWidth: 2, marker: 'circle' }),
          Plot.text(last, { x: 'date', y: 'value', text: 'label', fill: 'color', textAnchor: 'start', dx: 6 }),
          Plot.ruleY([0]),
        ],
      });
    },
  };
}
