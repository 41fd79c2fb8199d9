import { TABLE_COLUMNS, type ChartedItem, type ReportModel } from './report-model.js';

/** The SVG markup of every chart, in the order the page shows them. */
export interface ReportCharts {
  readonly style: string;
  readonly suppliers: string | null;
  readonly pareto: string | null;
  /** Realised accuracy of earlier runs by run date (run history); absent without one. */
  readonly accuracyTrend?: string | null;
  /** Per charted item: demand chart, projected-stock chart. */
  readonly items: readonly { readonly demand: string; readonly stock: string }[];
}

const PERIOD_NAMES: Readonly<Record<string, string>> = { day: 'daily', week: 'weekly', month: 'monthly' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const money = (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : numberFormat.format(value));
const decimal = (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? '–' : decimalFormat.format(value));

/**
 * report.html: one self-contained page (inline CSS, SVG and a small script; a Content Security
 * Policy forbids every network request). No run time or duration in it, so equal plans give
 * byte-identical pages.
 */
export function reportPage(model: ReportModel, charts: ReportCharts): string {
  const kpi = (label: string, value: string, note = '') =>
    `<div class="kpi"><div class="kpi-value">${value}</div><div class="kpi-label">${escape(label)}</div>${note ? `<div class="kpi-note">${escape(note)}</div>` : ''}</div>`;
  const k = model.kpis;
  const service = k.service_target;
  const accuracy = k.forecast_accuracy;
  const overview = [
    kpi('stock value', money(k.stock_value)),
    kpi('value at risk of stockout', money(k.value_at_risk), `${model.counts.alerts ?? 0} alerts in all`),
    kpi('excess value', money(k.excess_value), 'overstock and dead stock'),
    kpi('orders', money(model.totals.order_value), `${model.counts.reorder_lines ?? 0} lines, ${model.counts.suppliers ?? 0} suppliers`),
    kpi('inventory turns', decimal(k.inventory_turns), 'yearly consumption value / stock value'),
    kpi('days of cover', decimal(k.days_of_cover), 'stock value / forecast consumption per day'),
    kpi('service target', typeof service === 'number' ? `${decimal(service * 100)} %` : '–', 'weighted by consumption value'),
    kpi('forecast accuracy', typeof accuracy === 'number' ? `${decimal(accuracy * 100)} %` : '–',
      typeof accuracy === 'number' ? model.accuracyNote ?? '1 - WAPE of the backtest' : 'stockcast report --backtest FILE'),
  ].join('');

  const chart = (kind: string, svg: string) => `<div class="chart" data-chart="${kind}">${svg}</div>`;
  const overviewCharts = [
    charts.suppliers === null ? '' : `<figure>${chart('suppliers', charts.suppliers)}<figcaption>Order value by supplier</figcaption></figure>`,
    charts.pareto === null ? '' : `<figure>${chart('pareto', charts.pareto)}<figcaption>Pareto curve of the yearly consumption value; dashed: the ABC limits</figcaption></figure>`,
    charts.accuracyTrend ? `<figure>${chart('accuracy-trend', charts.accuracyTrend)}<figcaption>Realised accuracy of earlier nights' forecasts by run date (run history): MASE and RMSSE; stockcast accuracy for the details</figcaption></figure>` : '',
  ].join('');

  const items = model.charted.map((item, i) => itemSection(item, charts.items[i], chart)).join('\n');
  const data = JSON.stringify({ columns: TABLE_COLUMNS, rows: model.table }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="stockcast ${escape(model.version)}">
<title>stockcast morning report, as of ${escape(model.asOf)}</title>
<style>${PAGE_CSS}${charts.style}</style>
</head>
<body>
<header><h1>Morning report</h1><p>as of <b>${escape(model.asOf)}</b> · ${PERIOD_NAMES[model.freq]} periods · horizon ${model.horizon} · ${numberFormat.format(model.counts.sku_warehouses ?? model.table.length)} SKU x warehouse lines · stockcast ${escape(model.version)}</p>
<nav><a href="#overview">Overview</a> <a href="#classes">ABC/XYZ</a> <a href="#items">Top items</a> <a href="#all">All lines</a></nav></header>
<main>
<section id="overview"><h2>Overview</h2><div class="kpis">${overview}</div><div class="charts">${overviewCharts}</div></section>
<section id="classes"><h2>ABC/XYZ matrix</h2>${matrix(model)}</section>
<section id="items"><h2>Top ${model.charted.length} by money at stake</h2>
<p class="legend"><span class="swatch" style="background:#555f6d"></span>history <span class="swatch" style="background:#1f6fb2"></span>forecast <span class="swatch" style="background:#7fb0dc"></span>80 % band <span class="swatch" style="background:#c6dcef"></span>95 % band · <span class="swatch" style="background:#2d7d46"></span>projected on hand (open orders counted from the first period) <span class="swatch" style="background:#c0392b"></span>reorder point <span class="swatch" style="background:#e67e22"></span>suggested order arrives</p>
${items || '<p>No line has money at stake.</p>'}
</section>
<section id="all"><h2>All lines</h2>
<div class="filters"><input id="f-text" type="search" placeholder="SKU, warehouse or supplier" aria-label="search">
<select id="f-abc" aria-label="ABC class"><option value="">ABC: all</option><option>A</option><option>B</option><option>C</option></select>
<select id="f-xyz" aria-label="XYZ class"><option value="">XYZ: all</option><option>X</option><option>Y</option><option>Z</option></select>
<label><input id="f-alerts" type="checkbox"> with alerts</label> <label><input id="f-orders" type="checkbox"> ordering</label>
<span id="f-count"></span></div>
<table id="lines"><thead><tr>${TABLE_HEADS.map(([name, label]) => `<th data-col="${name}">${label}</th>`).join('')}</tr></thead><tbody></tbody></table>
<div class="pager"><button id="p-prev" type="button">‹ previous</button> <span id="p-page"></span> <button id="p-next" type="button">next ›</button></div>
</section>
</main>
<script type="application/json" id="rows">${data}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

function itemSection(
  item: ChartedItem, svgs: { demand: string; stock: string } | undefined, chart: (kind: string, svg: string) => string,
): string {
  const facts = [
    `${escape(item.supplier)}`,
    `class <b>${escape(item.abc)}${escape(item.xyz)}</b>`,
    `on hand ${decimal(item.onHand)}${item.onOrder > 0 ? ` (+${decimal(item.onOrder)} on order)` : ''}`,
    `reorder point ${decimal(item.reorderPoint)}`,
    item.orderQty > 0
      ? `<b>order ${decimal(item.orderQty)}</b> (${money(item.orderValue)}, lead time ${decimal(item.leadTimeDays)} d${item.arrivalIndex === null ? ', arrives after the horizon shown' : ''})`
      : 'no order',
    item.daysOfCover === null ? '' : `${decimal(item.daysOfCover)} days of cover`,
    item.alerts ? `<span class="alert">${escape(item.alerts.replace(/_/g, ' '))}</span>` : '',
    `money at stake ${money(item.moneyAtStake)}`,
  ].filter(Boolean).join(' · ');
  return `<article id="item-${item.index}"><h3>${item.index + 1}. ${escape(item.sku)} <small>@ ${escape(item.warehouse)}</small></h3><p>${facts}</p>
<div class="pair">${svgs ? chart('demand', svgs.demand) + chart('stock', svgs.stock) : ''}</div></article>`;
}

function matrix(model: ReportModel): string {
  const cells = model.abcXyz.cells;
  const total = Object.values(cells).reduce((s, c) => s + c.value, 0);
  const [a, b] = model.abcXyz.abcLimits;
  const [x, y] = model.abcXyz.xyzLimits;
  const rows = ['A', 'B', 'C'].map((abc) => `<tr><th>${abc}</th>${['X', 'Y', 'Z'].map((xyz) => {
    const cell = cells[abc + xyz] ?? { count: 0, value: 0 };
    const share = total > 0 ? cell.value / total : 0;
    return `<td data-cell="${abc}${xyz}" data-count="${cell.count}" style="background:rgba(31,111,178,${(0.08 + 0.8 * Math.sqrt(share)).toFixed(2)})"><b>${numberFormat.format(cell.count)}</b><br><small>${money(cell.value)}</small></td>`;
  }).join('')}</tr>`).join('');
  return `<table class="matrix"><thead><tr><th></th><th>X</th><th>Y</th><th>Z</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">Each cell: SKU x warehouse lines and their yearly consumption value. ABC by the cumulative share of the yearly consumption value (A up to ${a ?? '?'} %, B up to ${b ?? '?'} %); XYZ by the coefficient of variation of demand per period (X up to ${x ?? '?'}, Y up to ${y ?? '?'}, Z above or no demand).</p>`;
}

const TABLE_HEADS: readonly (readonly [string, string])[] = [
  ['sku', 'SKU'], ['warehouse', 'warehouse'], ['supplier', 'supplier'], ['abc', 'ABC'], ['xyz', 'XYZ'], ['on_hand', 'on hand'],
  ['reorder_point', 'reorder point'], ['order_qty', 'order'], ['order_value', 'order value'], ['days_of_cover', 'days of cover'],
  ['yearly_value', 'yearly value'], ['money_at_stake', 'money at stake'], ['alerts', 'alerts'],
];

const PAGE_CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f6f7f9}
header{background:#1d2330;color:#fff;padding:14px 24px}header h1{margin:0;font-size:22px}header p{margin:4px 0;color:#cfd6e0}
nav a{color:#9ecbff;margin-right:14px}main{padding:8px 24px 40px;max-width:1240px}
section{background:#fff;border:1px solid #e1e5eb;border-radius:6px;padding:6px 18px 14px;margin:16px 0}
h2{font-size:18px;margin:10px 0}h3{font-size:15px;margin:12px 0 2px}h3 small{color:#667}
.kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:10px}
.kpi{border:1px solid #e1e5eb;border-radius:6px;padding:8px 12px}.kpi-value{font-size:22px;font-weight:600}
.kpi-label{color:#445}.kpi-note{color:#889;font-size:12px}
.charts,.pair{display:flex;flex-wrap:wrap;gap:12px}figure{margin:8px 0}figcaption{color:#667;font-size:12px}
.chart svg{display:block;max-width:100%;height:auto}
article{border-top:1px solid #eef0f3;padding-bottom:6px}article p{margin:2px 0 6px;color:#334}
.alert{color:#c0392b;font-weight:600}.legend{color:#445}.swatch{display:inline-block;width:10px;height:10px;margin:0 4px 0 8px;border-radius:2px}
.matrix{border-collapse:collapse;margin:6px 0}.matrix th,.matrix td{border:1px solid #d5dae1;padding:6px 18px;text-align:center}
.note{color:#556;font-size:12px}
.filters{display:flex;flex-wrap:wrap;gap:10px;align-items:center;margin:6px 0}.filters input[type=search]{width:260px;padding:4px}
#lines{border-collapse:collapse;width:100%;font-size:13px}#lines th,#lines td{border-bottom:1px solid #eef0f3;padding:3px 6px;text-align:right}
#lines th{cursor:pointer;background:#f0f2f5;position:sticky;top:0}#lines td:nth-child(-n+5),#lines th:nth-child(-n+5),#lines td:last-child{text-align:left}
.pager{margin-top:8px}
`;

/** Filters, sorts and pages the rows of the embedded JSON; builds cells with textContent only. */
const PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('rows').textContent);
  var C = {}; data.columns.forEach(function (c, i) { C[c] = i; });
  var heads = Array.prototype.map.call(document.querySelectorAll('#lines th'), function (th) { return th.getAttribute('data-col'); });
  var size = 50, page = 0, sortCol = C.money_at_stake, sortDir = -1, list = data.rows;
  var el = function (id) { return document.getElementById(id); };
  var fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
  function apply() {
    var text = el('f-text').value.trim().toLowerCase(), abc = el('f-abc').value, xyz = el('f-xyz').value;
    var alerts = el('f-alerts').checked, orders = el('f-orders').checked;
    list = data.rows.filter(function (r) {
      return (!text || (r[C.sku] + ' ' + r[C.warehouse] + ' ' + r[C.supplier]).toLowerCase().indexOf(text) >= 0)
        && (!abc || r[C.abc] === abc) && (!xyz || r[C.xyz] === xyz) && (!alerts || r[C.alerts]) && (!orders || r[C.order_qty] > 0);
    });
    list.sort(function (a, b) {
      var x = a[sortCol], y = b[sortCol];
      if (x === y) return 0; if (x === null || x === '') return 1; if (y === null || y === '') return -1;
      return (x < y ? -1 : 1) * sortDir;
    });
    page = 0; draw();
  }
  function draw() {
    var pages = Math.max(1, Math.ceil(list.length / size));
    page = Math.min(Math.max(0, page), pages - 1);
    var body = document.querySelector('#lines tbody');
    body.textContent = '';
    list.slice(page * size, page * size + size).forEach(function (r) {
      var tr = document.createElement('tr');
      heads.forEach(function (name) {
        var td = document.createElement('td'), v = r[C[name]];
        if (name === 'sku' && r[C.chart] !== null) {
          var a = document.createElement('a'); a.href = '#item-' + r[C.chart]; a.textContent = v; td.appendChild(a);
        } else td.textContent = v === null ? '' : typeof v === 'number' ? fmt.format(v) : String(v).replace(/_/g, ' ');
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    el('f-count').textContent = list.length + ' of ' + data.rows.length + ' lines';
    el('p-page').textContent = 'page ' + (page + 1) + ' of ' + pages;
    el('p-prev').disabled = page === 0; el('p-next').disabled = page >= pages - 1;
  }
  ['f-text', 'f-abc', 'f-xyz', 'f-alerts', 'f-orders'].forEach(function (id) { el(id).addEventListener('input', apply); });
  el('p-prev').addEventListener('click', function () { page--; draw(); });
  el('p-next').addEventListener('click', function () { page++; draw(); });
  document.querySelectorAll('#lines th').forEach(function (th) {
    th.addEventListener('click', function () {
      var col = C[th.getAttribute('data-col')];
      sortDir = col === sortCol ? -sortDir : (typeof data.rows[0] !== 'undefined' && typeof data.rows[0][col] === 'number' ? -1 : 1);
      sortCol = col; apply();
    });
  });
  apply();
})();
`;
