// The sample business: "Herdfeuer Haushaltswaren", a small German online shop for kitchen,
// table, coffee and outdoor goods, shipping from three warehouses. Everything planted for
// the planner to find (dead stock, overstock, shortages, rebalancing) is declared here.

export const SEED = 20261125;
export const FIRST_DAY = '2024-11-26';
export const LAST_DAY = '2026-11-25';

export const WAREHOUSES = ['BER', 'HAM', 'MUC'];

const NINGBO = 'Ningbo Hengli Houseware Co., Ltd.';
const MUELLER = 'Müller & Söhne GmbH';
const NORDIC = 'Nordic Outdoor A/S';
const BOEHM = 'Kaffeerösterei Böhm KG';
const ALCANTARA = 'Porcelanas Alcántara S.L.';
export const SUPPLIERS = [NINGBO, MUELLER, NORDIC, BOEHM, ALCANTARA];

/** Relative demand by weekday, Monday first. */
export const WEEKLY = {
  shop: [1.2, 1.1, 1.0, 1.0, 0.9, 0.8, 1.0], // online shop: Sunday evening browsing, Monday orders
  trade: [1.3, 1.2, 1.1, 1.1, 1.0, 0.15, 0], // cafés and restaurants order on working days
  outdoor: [0.9, 0.85, 0.9, 1.0, 1.25, 1.15, 0.95], // before the weekend
};

const SPLIT = { BER: 0.45, HAM: 0.32, MUC: 0.23 };
const WINTER = { peak: '01-10', amplitude: 0.5 };
const SUMMER = { peak: '07-10', amplitude: 0.6 };

/**
 * demand: lines per day over all warehouses at trend 1, units per line (mean, or a list to
 * draw from), weekly profile, seasonality (cosine around `peak` plus gaussian `bumps`),
 * trend (log growth per year), life (first/last selling day), return rate, bulk orders.
 */
function item(sku, description, supplier, master, demand, split = SPLIT) {
  return { sku, description, supplier, ...master, demand: { weekly: 'shop', trendPerYear: 0, returnRate: 0, ...demand }, split };
}

function master(unitCost, leadTimeDays, leadTimeSdDays, moq, packSize, serviceLevel, reviewPeriodDays, orderCost, holdingRate) {
  return { unitCost, leadTimeDays, leadTimeSdDays, moq, packSize, serviceLevel, reviewPeriodDays, orderCost, holdingRate };
}

const xmas = (height, at = '12-10', width = 14) => ({ at, width, height });

// null in master data = an empty cell in items.csv, so the documented defaults get used.
export const ITEMS = [
  // Imports from Ningbo: long, variable lead times, big MOQs.
  item('TB-1001', '保温杯 500ml Edelstahl', NINGBO, master(6.8, 55, 10, 480, 48, 0.95, 14, 120, 0.25),
    { linesPerDay: 7, unitsPerLine: 1.4, season: { ...WINTER, amplitude: 0.45, bumps: [xmas(0.6)] }, trendPerYear: 0.25, returnRate: 0.04 }),
  item('TB-1002', 'Thermoskanne 1 L „Nordlicht“', NINGBO, master(9.4, 55, 10, 240, 24, 0.95, 14, 120, 0.25),
    { linesPerDay: 2.5, unitsPerLine: 1.2, season: { ...WINTER, amplitude: 0.7 }, returnRate: 0.05 }),
  item('TB-1003', 'Trinkflasche 750 ml – blau', NINGBO, master(3.9, 50, 8, 600, 60, 0.95, 14, 120, 0.25),
    { linesPerDay: 4, unitsPerLine: 1.6, season: SUMMER, trendPerYear: 0.5, returnRate: 0.03 }),
  item('TB-1004', 'Trinkflasche 750 ml – grün', NINGBO, master(3.9, 50, 8, 600, 60, 0.9, 14, 120, 0.25),
    { linesPerDay: 3, unitsPerLine: 1.5, season: SUMMER, trendPerYear: -0.7, returnRate: 0.03 }),
  item('KT-2001', 'Brotdose Edelstahl 3-fach', NINGBO, master(5.2, 48, 9, 300, 30, 0.95, 14, 120, 0.25),
    { linesPerDay: 2, unitsPerLine: 1.3, season: { base: 0.8, bumps: [{ at: '08-25', width: 18, height: 1.5 }] }, trendPerYear: 0.1, returnRate: 0.02 }),
  item('KT-2002', 'Silikon-Backmatte 40×30 cm', NINGBO, master(2.1, 45, 7, 500, 50, 0.92, 14, 120, 0.25),
    { linesPerDay: 1.5, unitsPerLine: 1.8, season: { base: 0.7, bumps: [xmas(2, '11-25', 20)] } }),
  item('KT-2003', 'Keksausstecher-Set „Weihnachten“ 12-tlg.', NINGBO, master(null, 60, 12, 1000, 100, 0.9, 14, 120, 0.25),
    { linesPerDay: 1, unitsPerLine: 1.3, season: { base: 0.02, bumps: [xmas(4, '11-28', 16)] } }),
  item('KT-2004', 'Gemüsehobel mit 5 Einsätzen', NINGBO, master(7.5, 50, 8, 200, 20, 0.95, 14, 120, 0.25),
    { linesPerDay: 1.8, unitsPerLine: 1.1, trendPerYear: -0.35, returnRate: 0.02 }),
  item('KT-2005', '饭盒 Bento-Box 2 Etagen', NINGBO, master(4.6, 52, 10, 300, 30, 0.95, 14, 120, 0.25),
    { linesPerDay: 2.5, unitsPerLine: 1.3, trendPerYear: 0.8, firstDay: '2026-01-15', returnRate: 0.02 }),
  item('TB-1005', 'Glas-Teekanne 茶壶 1,2 L', NINGBO, master(8.2, 58, 11, 120, 12, 0.93, 14, 120, 0.25),
    { linesPerDay: 1.6, unitsPerLine: 1.1, season: { ...WINTER, amplitude: 0.3 }, returnRate: 0.06 }),

  // German cookware: short, reliable lead times.
  item('KT-3001', 'Bratpfanne Guss Ø 28 cm', MUELLER, master(24.9, 7, 1.5, 12, 6, 0.97, 7, 45, 0.22),
    { linesPerDay: 2.2, unitsPerLine: 1.05, season: { bumps: [xmas(0.4)] }, trendPerYear: 0.1, returnRate: 0.03 }),
  item('KT-3002', 'Bräter oval 5 L', MUELLER, master(32, 10, 2, 6, 2, 0.95, 7, 45, 0.22),
    { linesPerDay: 0.5, unitsPerLine: 1, season: { base: 0.5, bumps: [xmas(3, '12-15', 12)] }, bulk: { perDay: 0.01, units: [6, 8, 10, 12] } }),
  item('KT-3003', 'Messerblock „Solingen“ 6-tlg.', MUELLER, master(48, 8, 1.5, 5, 1, 0.98, 7, 45, 0.22),
    { linesPerDay: 1, unitsPerLine: 1, season: { bumps: [xmas(2.5)] }, returnRate: 0.05 }),
  item('KT-3004', 'Schneidebrett Eiche groß', MUELLER, master(14.5, 6, 1, 10, 5, 0.95, 7, 45, 0.22),
    { linesPerDay: 1.5, unitsPerLine: 1.1, returnRate: 0.01 }),
  item('KT-3005', 'Küchenwaage digital „Präzisa“', MUELLER, master(11.2, 9, 2, 20, 10, 0.95, 7, 45, 0.22),
    { linesPerDay: 1.6, unitsPerLine: 1, lastDay: '2026-03-31', returnRate: 0.02 }),
  item('KT-3006', 'Spätzlepresse Edelstahl', MUELLER, master(19.9, 7, null, 6, 1, 0.95, 7, 45, 0.22),
    { linesPerDay: 0.12, unitsPerLine: 1.2 }, { BER: 0.2, HAM: 0.1, MUC: 0.7 }),
  item('KT-3007', 'Topfset 5-tlg. Induktion', MUELLER, master(89, 10, 2.5, 4, 1, 0.97, 7, 45, 0.22),
    { linesPerDay: 0.15, unitsPerLine: 1, bulk: { perDay: 0.012, units: [10, 12, 15, 20, 25, 30] }, returnRate: 0.04 }),
  item('KT-3008', 'Kochlöffel Buche 3er-Set', MUELLER, master(1.95, 5, 1, 50, 25, 0.99, 7, 45, 0.22),
    { linesPerDay: 6.5, unitsPerLine: 2.2, trendPerYear: 0.15, returnRate: 0.01 }),
  item('KT-3009', 'Nudelholz Ahorn 45 cm', MUELLER, master(8.9, 6, 1, 10, 5, 0.95, 7, 45, 0.22),
    { linesPerDay: 0, unitsPerLine: 1 }),

  // Outdoor gear from Denmark: seasonal, mid lead times.
  item('OD-4001', 'Wanderrucksack 30 L', NORDIC, master(38, 21, 4, 20, 4, 0.95, 14, 60, 0.24),
    { weekly: 'outdoor', linesPerDay: 1.8, unitsPerLine: 1, season: { peak: '06-20', amplitude: 0.7 }, returnRate: 0.08 }),
  item('OD-4002', 'Campingkocher Gas „Fjell“', NORDIC, master(22.5, 18, 3, 20, 10, 0.93, 14, 60, 0.24),
    { weekly: 'outdoor', linesPerDay: 1.2, unitsPerLine: 1, season: { ...SUMMER, amplitude: 0.8 }, returnRate: 0.03 }, { MUC: 1 }),
  item('OD-4003', 'Isomatte selbstaufblasend', NORDIC, master(18, 16, 3, 20, 10, 0.95, 14, 60, 0.24),
    { weekly: 'outdoor', linesPerDay: 1.4, unitsPerLine: 1, season: { ...SUMMER, amplitude: 0.75 }, trendPerYear: 0.2, returnRate: 0.04 }),
  item('OD-4004', 'Schlitten Holz „Rodelspaß“', NORDIC, master(29, 20, 4, 10, 5, 0.93, 14, 60, 0.24),
    { weekly: 'outdoor', linesPerDay: 1, unitsPerLine: 1, season: { base: 0, bumps: [{ at: '01-05', width: 25, height: 2.5 }] } }, { BER: 0.25, MUC: 0.75 }),
  item('OD-4005', 'Stirnlampe LED 300 lm', NORDIC, master(12.4, 14, 2, 30, 10, 0.95, 14, 60, 0.24),
    { weekly: 'outdoor', linesPerDay: 2, unitsPerLine: 1.2, season: { ...WINTER, amplitude: 0.4 }, trendPerYear: 0.1, returnRate: 0.03 }),
  item('OD-4006', 'Zeltheringe Alu 10er-Pack', NORDIC, master(4.2, 14, 3, null, null, 0.9, 14, 60, 0.24),
    { weekly: 'outdoor', linesPerDay: 0.2, unitsPerLine: 1.5, season: { ...SUMMER, amplitude: 0.8 } }),
  item('OD-4007', 'Kühlbox 24 L', NORDIC, master(34, 21, 5, 10, 2, 0.92, 14, 60, 0.24),
    { weekly: 'outdoor', linesPerDay: 0.6, unitsPerLine: 1, season: { ...SUMMER, amplitude: 0.9 }, bulk: { perDay: 0.005, units: [10, 12, 20] }, returnRate: 0.03 }),
  item('OD-4008', 'Hängematte „Sommer 2025“', NORDIC, master(16, 18, 3, 20, 10, 0.9, 14, 60, 0.24),
    { weekly: 'outdoor', linesPerDay: 1.5, unitsPerLine: 1, season: SUMMER, firstDay: '2025-04-01', lastDay: '2025-09-15', returnRate: 0.03 }, { BER: 0.6, HAM: 0.4 }),

  // Coffee and tea from a roaster nearby: days of lead time, loose beans sold by the kilogram.
  item('CF-5001', 'Kaffeebohnen Espresso, lose (kg)', BOEHM, master(14.5, 3, 0.5, 5, 1, 0.98, 7, 15, 0.3),
    { weekly: 'trade', linesPerDay: 3, unitsPerLine: [0.25, 0.5, 0.5, 1, 1, 1, 2, 2.5, 5] }, { BER: 0.5, HAM: 0.35, MUC: 0.15 }),
  item('CF-5002', 'Kaffeebohnen Crema 1 kg Beutel', BOEHM, master(11.9, 3, 0.5, 12, 6, 0.98, 7, 15, 0.3),
    { linesPerDay: 9, unitsPerLine: 1.5, season: { ...WINTER, amplitude: 0.15 }, trendPerYear: 0.2, returnRate: 0.005 }),
  item('CF-5003', 'Grüner Tee Sencha 250 g', BOEHM, master(5.6, 4, 1, 20, 10, 0.95, 7, 15, 0.3),
    { linesPerDay: 2, unitsPerLine: 1.4, trendPerYear: 0.6 }),
  item('CF-5004', 'Chai-Gewürzmischung 100 g', BOEHM, master(2.8, 4, 1, 30, 10, 0.93, 7, 15, 0.3),
    { linesPerDay: 1.3, unitsPerLine: 1.5, season: { ...WINTER, amplitude: 0.6 } }),
  item('CF-5005', 'Ostfriesentee „Blatt“ 500 g', BOEHM, master(6.9, 4, 0.5, 20, 10, 0.95, 7, 15, 0.3),
    { linesPerDay: 2, unitsPerLine: 1.3, season: { ...WINTER, amplitude: 0.25 } }, { HAM: 1 }),
  item('CF-5006', 'Lebkuchengewürz 50 g', BOEHM, master(0.85, 3, 0.5, 100, 50, null, 7, 15, 0.3),
    { linesPerDay: 1, unitsPerLine: 2, season: { base: 0.01, bumps: [xmas(5, '11-25', 18)] } }),

  // Porcelain from Spain: restaurants order in bulk now and then.
  item('TB-6001', 'Kaffeebecher „Grün“ 350 ml', ALCANTARA, master(3.4, 28, 5, 48, 12, 0.95, 14, 80, 0.25),
    { linesPerDay: 3, unitsPerLine: 2, season: { bumps: [xmas(0.5)] }, trendPerYear: 0.1, returnRate: 0.03 }),
  item('TB-6002', 'Espressotasse Ø 6 cm mit Untertasse', ALCANTARA, master(2.9, 28, 5, 72, 12, 0.95, 14, 80, 0.25),
    { weekly: 'trade', linesPerDay: 1, unitsPerLine: 6, bulk: { perDay: 0.02, units: [48, 60, 72, 96] } }),
  item('TB-6003', 'Teller flach Ø 27 cm', ALCANTARA, master(4.1, 30, 6, 96, 24, 0.93, 14, 80, 0.25),
    { linesPerDay: 0.25, unitsPerLine: 3, bulk: { perDay: 0.018, units: [60, 72, 96, 120, 144, 180] }, returnRate: 0.02 }),
  item('TB-6004', 'Müslischale 600 ml', ALCANTARA, master(3.2, 25, 4, 48, 12, 0.92, 14, 80, 0.25),
    { linesPerDay: 1.8, unitsPerLine: 1.8, trendPerYear: -0.4, returnRate: 0.02 }),
  item('TB-6005', 'Crème-brûlée-Förmchen 4er-Set', ALCANTARA, master(7.8, 35, 6, 24, 6, 0.9, 14, 80, 0.25),
    { linesPerDay: 0.15, unitsPerLine: 1, lastDayIn: { MUC: '2025-02-28' } }),
  item('TB-6006', 'Servierplatte oval 40 cm', ALCANTARA, master(12.6, 35, 6, 12, 6, 0.9, null, null, null),
    { linesPerDay: 0.08, unitsPerLine: 1 }, { BER: 0.6, HAM: 0.4 }),
  item('TB-6007', 'Tapas-Schälchen 6er-Set „Sevilla“', ALCANTARA, master(9.5, 21, 4, 24, 6, 0.95, 14, 80, 0.25),
    { linesPerDay: 1.2, unitsPerLine: 1.1, season: { ...SUMMER, amplitude: 0.5 }, trendPerYear: 0.45, returnRate: 0.02 }),
];

/** Transfers allowed between warehouses. No lane between HAM and MUC, on purpose. */
export const LANES = [
  { from: 'BER', to: 'HAM', costPerUnit: 0.35, leadTimeDays: 2 },
  { from: 'HAM', to: 'BER', costPerUnit: 0.35, leadTimeDays: 2 },
  { from: 'BER', to: 'MUC', costPerUnit: 0.6, leadTimeDays: 3 },
  { from: 'MUC', to: 'BER', costPerUnit: 0.6, leadTimeDays: null },
];

/**
 * Planted stock positions, keyed `SKU@WAREHOUSE`. `coverDays` sizes on-hand from the last
 * 8 weeks of demand; `onHand` fixes it. Pairs not listed get an ordinary position.
 * `skip` leaves the pair out of stock.csv although it sold.
 */
export const STOCK_CASES = {
  // Overstock: a colour being phased out, stocked as if it still sold like last year.
  'TB-1004@BER': { onHand: 960, onOrder: 0 },
  'TB-1004@HAM': { onHand: 540, onOrder: 0 },
  'TB-1004@MUC': { onHand: 300, onOrder: 0 },
  'KT-2004@BER': { coverDays: 300, onOrder: 0 },
  // About to run out, nothing on order.
  'TB-1001@BER': { coverDays: 4, onOrder: 0 },
  'CF-5002@HAM': { coverDays: 1, onOrder: 0 },
  // Dead stock: discontinued, still on the shelf.
  'KT-3005@BER': { onHand: 86, onOrder: 0 },
  'KT-3005@HAM': { onHand: 41, onOrder: 0 },
  'KT-3005@MUC': { onHand: 23, onOrder: 0 },
  'OD-4008@BER': { onHand: 158, onOrder: 0 },
  'OD-4008@HAM': { onHand: 64, onOrder: 0 },
  // Listed and stocked, never sold yet.
  'KT-3009@BER': { onHand: 48, onOrder: 0 },
  'KT-3009@HAM': { onHand: 24, onOrder: 0 },
  'KT-3009@MUC': { onHand: 24, onOrder: 0 },
  // Rebalancing: excess in one warehouse, short in another, with a lane between them.
  'KT-3001@BER': { coverDays: 240, onOrder: 0 },
  'KT-3001@MUC': { coverDays: 3, onOrder: 0 },
  'TB-6001@HAM': { coverDays: 220, onOrder: 0 },
  'TB-6001@BER': { coverDays: 2, onOrder: 0 },
  'OD-4005@BER': { coverDays: 200, onOrder: 0 },
  'OD-4005@MUC': { coverDays: 3, onOrder: 0 },
  // The same shape without a lane (HAM and MUC are not connected): reorder, do not transfer.
  'CF-5004@HAM': { coverDays: 200, onOrder: 0 },
  'CF-5004@MUC': { coverDays: 2, onOrder: 0 },
  // Out of stock with a purchase order on the way.
  'OD-4003@HAM': { onHand: 0, onOrder: 60 },
  // Backorder: more reserved for customers than is on the shelf.
  'KT-3007@BER': { onHand: 6, onOrder: 0, allocated: 8 },
  // Sold in Munich in the first months only; Munich no longer stocks it.
  'TB-6005@MUC': { skip: true },
};

/** stock.csv unit_cost where it differs from items.csv; null = left empty. */
export const STOCK_UNIT_COST = {
  'KT-2003@BER': 2.35, 'KT-2003@HAM': 2.35, 'KT-2003@MUC': 2.35,
  'CF-5003@BER': null, 'OD-4006@HAM': null, 'TB-6004@MUC': null,
};
