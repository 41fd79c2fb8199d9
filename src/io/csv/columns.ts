import type { ProblemLog } from './csv-problems.js';

/** One field a reader knows: its spec name and the other header spellings accepted for it. */
export interface FieldSpec {
  /** Spec name, e.g. `on_hand`; also the key used by `--map`. */
  readonly name: string;
  readonly required: boolean;
  /** Other common spellings, already normalised (see {@link normalizeHeader}). */
  readonly aliases: readonly string[];
}

function field(name: string, required: boolean, ...aliases: string[]): FieldSpec {
  return { name, required, aliases };
}

export const SALES_FIELDS: readonly FieldSpec[] = [
  field('date', true, 'orderdate', 'salesdate', 'day'),
  field('sku', true, 'item', 'itemcode', 'itemno', 'article', 'product', 'productcode', 'stockcode'),
  field('quantity', true, 'qty', 'units', 'unitssold', 'quantitysold'),
  field('warehouse', false, 'location', 'store', 'site', 'warehousecode'),
  field('description', false, 'productname', 'itemname', 'name'),
];

export const STOCK_FIELDS: readonly FieldSpec[] = [
  field('sku', true, 'item', 'itemcode', 'itemno', 'article', 'product', 'productcode', 'stockcode'),
  field('warehouse', false, 'location', 'store', 'site', 'warehousecode'),
  field('on_hand', true, 'stockonhand', 'qtyonhand', 'instock'),
  field('on_order', false, 'qtyonorder'),
  field('allocated', false, 'reserved'),
  field('unit_cost', false, 'cost', 'costprice'),
];

export const ITEM_FIELDS: readonly FieldSpec[] = [
  field('sku', true, 'item', 'itemcode', 'itemno', 'article', 'product', 'productcode', 'stockcode'),
  field('supplier', false, 'vendor'),
  field('lead_time_days', false, 'leadtime'),
  field('lead_time_sd_days', false, 'leadtimesd'),
  field('moq', false, 'minorderqty', 'minimumorderquantity'),
  field('pack_size', false, 'casepack', 'casesize'),
  field('unit_cost', false, 'cost', 'costprice'),
  field('service_level', false),
  field('fill_rate', false, 'fillrate', 'targetfillrate'),
  field('review_period_days', false, 'reviewperiod'),
  field('order_cost', false),
  field('holding_rate', false),
  field('description', false, 'productname', 'itemname', 'name'),
];

export const STOCK_HISTORY_FIELDS: readonly FieldSpec[] = [
  field('date', true, 'day'),
  field('sku', true, 'item', 'itemcode', 'itemno', 'article', 'product', 'productcode', 'stockcode'),
  field('warehouse', false, 'location', 'store', 'site', 'warehousecode'),
  field('on_hand', true, 'stockonhand', 'qtyonhand', 'instock'),
];

export const LANE_FIELDS: readonly FieldSpec[] = [
  field('from', true, 'fromwarehouse', 'source'),
  field('to', true, 'towarehouse', 'destination'),
  field('cost_per_unit', false, 'unitcost', 'cost'),
  field('lead_time_days', false, 'leadtime'),
  field('fixed_cost', false, 'costpershipment', 'shipmentcost'),
  field('min_qty', false, 'minquantity', 'minimumquantity', 'minqty'),
];

/** Every field name any input file knows, for checking `--map` keys (an unknown key is a usage error). */
export const KNOWN_FIELDS: readonly string[] = [
  ...new Set([...SALES_FIELDS, ...STOCK_FIELDS, ...ITEM_FIELDS, ...LANE_FIELDS, ...STOCK_HISTORY_FIELDS].map((f) => f.name)),
];

/** Header comparison key of the spec: case-insensitive, ignoring spaces, `-` and `_` (and a BOM). */
export function normalizeHeader(text: string): string {
  return text.replace(/[\s\-_\uFEFF]/g, '').toLowerCase();
}

/** Column index (0-based) per field name, -1 when the file has no such column. */
export interface ColumnMatch {
  readonly index: Readonly<Record<string, number>>;
  /** Headers no field claimed, as written in the file. */
  readonly unknown: readonly string[];
}

/**
 * Matches a header row to fields. Per field, in this order: the header `map` names for it (when
 * the file has that header; the same `--map` is given to every file), the spec name, then the
 * aliases. A column serves one field. Missing required fields are problems on line 1.
 */
export function matchColumns(
  headers: readonly string[],
  fields: readonly FieldSpec[],
  map: Readonly<Record<string, string>> | undefined,
  problems: ProblemLog,
): ColumnMatch {
  const normalized = headers.map(normalizeHeader);
  const taken = new Array<boolean>(headers.length).fill(false);
  const mapped = new Map<string, string>();
  for (const [key, header] of Object.entries(map ?? {})) mapped.set(normalizeHeader(key), normalizeHeader(header));
  const index: Record<string, number> = {};
  const find = (key: string): number => {
    for (let c = 0; c < normalized.length; c++) if (!taken[c] && normalized[c] === key) return c;
    return -1;
  };
  for (const spec of fields) {
    const mappedHeader = mapped.get(normalizeHeader(spec.name));
    let column = mappedHeader === undefined ? -1 : find(mappedHeader);
    for (const key of [normalizeHeader(spec.name), ...spec.aliases]) {
      if (column >= 0) break;
      column = find(key);
    }
    if (column >= 0) {
      taken[column] = true;
      for (let c = column + 1; c < normalized.length; c++) {
        if (normalized[c] !== normalized[column]) continue;
        // Two columns answer to the same field: reading either one silently would be a guess.
        taken[c] = true;
        problems.add(1, c + 1, spec.name, `one column for ${spec.name}`, headers[c],
          `columns ${column + 1} and ${c + 1} are both named "${headers[column]}": rename or remove one`);
      }
    }
    index[spec.name] = column;
    if (column < 0 && spec.required) {
      const hint = mappedHeader === undefined
        ? `use --map ${spec.name}=<Header>`
        : `no column "${map?.[spec.name] ?? mappedHeader}" for --map ${spec.name}`;
      problems.add(1, 0, spec.name, `a column named ${spec.name}`, `headers: ${headers.join(', ')}`, hint);
    }
  }
  const unknown = headers.filter((_, c) => !taken[c]);
  return { index, unknown };
}
