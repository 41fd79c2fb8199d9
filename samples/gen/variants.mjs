// Input-variant fixtures for the ingest acceptance of issue 2: one small slice of the sample
// sales written as a clean file, as a European Excel export and as a Chinese GBK export, all
// describing the same sales; plus a file with exactly five bad lines at known positions.

import iconv from 'iconv-lite';
import { dayOf, dayMonthYearOf } from './calendar.mjs';
import { toCsv } from './csv.mjs';

export const VARIANT_SKUS = ['CF-5001', 'TB-1001', 'TB-1005'];
export const VARIANT_WAREHOUSES = ['BER', 'HAM'];
export const VARIANT_DAYS = 120;

const BOM = '\uFEFF';

/** The slice: 3 SKUs x 2 warehouses x the last 120 days, in the order of the full file. */
export function selectVariantRows(rows, lastDayText) {
  const firstDay = dayOf(lastDayText) - VARIANT_DAYS + 1;
  const slice = rows.filter((row) => VARIANT_SKUS.includes(row.sku) && VARIANT_WAREHOUSES.includes(row.warehouse)
    && dayOf(row.date) >= firstDay);
  // The fixtures only test something if the slice has returns, fractions and a quoted description.
  if (!slice.some((row) => row.quantity < 0)) throw new Error('variant slice has no returns');
  if (!slice.some((row) => !Number.isInteger(row.quantity))) throw new Error('variant slice has no fractional quantities');
  return slice;
}

/** Files of the variants, relative to the fixtures folder: [{ path, bytes }]. */
export function buildVariantFiles(rows, items, lastDayText) {
  const descriptions = new Map(items.map((item) => [item.sku, item.description]));
  const slice = selectVariantRows(rows, lastDayText);
  const files = [];

  const clean = toCsv(['date', 'sku', 'warehouse', 'quantity', 'order_id', 'description'],
    slice.map((row) => [row.date, row.sku, row.warehouse, row.quantity, row.orderId, descriptions.get(row.sku)]));
  files.push({ path: 'clean/sales.csv', bytes: Buffer.from(clean, 'utf8') });

  // German Excel: BOM, semicolons, CRLF, decimal comma, day/month/year, a header only --map knows.
  const excel = toCsv(['Date', 'SKU', 'Ware house', 'Absatzmenge', 'Order-ID', 'Description'],
    slice.map((row) => [dayMonthYearOf(dayOf(row.date)), row.sku, row.warehouse, String(row.quantity).replace('.', ','),
      row.orderId, descriptions.get(row.sku)]),
    { delimiter: ';', lineEnd: '\r\n' });
  files.push({ path: 'excel-eu/sales.csv', bytes: Buffer.from(BOM + excel, 'utf8') });
  files.push({ path: 'excel-eu/flags.txt', bytes: Buffer.from('--date-format DD/MM/YYYY --decimal-comma --map quantity=Absatzmenge\n', 'utf8') });

  // Chinese Excel: GBK, CRLF, Chinese headers.
  const gbk = toCsv(['日期', '商品编码', '仓库', '数量', '订单号', '商品名称'],
    slice.map((row) => [row.date, row.sku, row.warehouse, row.quantity, row.orderId, descriptions.get(row.sku)]),
    { lineEnd: '\r\n' });
  const gbkBytes = iconv.encode(gbk, 'gbk');
  if (iconv.decode(gbkBytes, 'gbk') !== gbk) throw new Error('a variant description does not survive GBK');
  files.push({ path: 'gbk/sales.csv', bytes: gbkBytes });
  files.push({ path: 'gbk/flags.txt', bytes: Buffer.from('--encoding gbk --map date=日期,sku=商品编码,warehouse=仓库,quantity=数量\n', 'utf8') });

  files.push(...badFiveFiles());
  return files;
}

// Physical lines are numbered from 1 (the header). Two quoted descriptions span several
// lines before the bad lines, so line numbers and record numbers part ways.
const BAD_FIVE_SALES = [
  'date,sku,warehouse,quantity,order_id,description',
  '2026-03-02,TB-1001,BER,2,SO-900001,保温杯 500ml Edelstahl',
  '2026-03-02,KT-3008,HAM,6,SO-900002,Kochlöffel Buche 3er-Set',
  '2026-03-02,TB-1002,BER,1,SO-900003,"Thermoskanne 1 L ""Nordlicht""',
  'Sonderedition, Geschenkverpackung"',
  '2026-03-03,CF-5002,MUC,3,SO-900004,Kaffeebohnen Crema 1 kg Beutel',
  '2026-02-30,TB-1001,HAM,1,SO-900005,保温杯 500ml Edelstahl',
  '2026-03-03,KT-3001,BER,1,SO-900006,Bratpfanne Guss Ø 28 cm',
  '2026-03-04,TB-6001,HAM,#N/A,SO-900007,Kaffeebecher „Grün“ 350 ml',
  '2026-03-04,TB-6001,BER,4,SO-900008,"Kaffeebecher „Grün“ 350 ml',
  'Farbe: salbeigrün',
  'Hinweis: spülmaschinenfest"',
  '2026-03-04,,MUC,2,SO-900009,Stirnlampe LED 300 lm',
  '2026-03-05,OD-4001,MUC,1,SO-900010,Wanderrucksack 30 L',
  '2026-03-05,TB-6002,BER,12,SO-900011,Espressotasse Ø 6 cm, mit Untertasse',
  '2026-03-05,CF-5001,HAM,2.5,SO-900012,"Kaffeebohnen Espresso, lose (kg)"',
  '05.03.2026,KT-3004,BER,1,SO-900013,Schneidebrett Eiche groß',
  '2026-03-06,TB-1001,BER,-1,SO-900001,保温杯 500ml Edelstahl',
  '2026-03-06,KT-3008,MUC,3,SO-900014,Kochlöffel Buche 3er-Set',
];

const BAD_FIVE_EXPECTED = [
  '# bad-five/sales.csv: the 5 problems a reader must report, one per line, tab-separated.',
  '# line = physical line (1 = header); record = data record (1 = first row after the header);',
  '# column = 1-based field position, 0 when the whole row is wrong; value = the text as written.',
  '# Lines 4-5 and 10-12 are single records with quoted multi-line descriptions: they are valid.',
  '# Line 18 is a return (quantity -1): valid.',
  'line\trecord\tcolumn\tfield\tvalue\tproblem',
  '7\t5\t1\tdate\t2026-02-30\tnot a calendar date (February has no 30th)',
  '9\t7\t4\tquantity\t#N/A\tnot a number',
  '13\t9\t2\tsku\t\tSKU missing (empty field)',
  '15\t11\t0\t\t7 fields\twrong column count: 7 fields, the header has 6 (unquoted comma in the description)',
  '17\t13\t1\tdate\t05.03.2026\tnot an ISO date YYYY-MM-DD (no --date-format given)',
];

function badFiveFiles() {
  return [
    { path: 'bad-five/sales.csv', bytes: Buffer.from(BAD_FIVE_SALES.join('\n') + '\n', 'utf8') },
    { path: 'bad-five/expected.txt', bytes: Buffer.from(BAD_FIVE_EXPECTED.join('\n') + '\n', 'utf8') },
  ];
}
