import { type FlowArc, minCostFlow } from './min-cost-flow.js';
import type { ReorderLine } from './plan-reorder.js';

/** A transfer allowed between two warehouses (a row of `lanes.csv`). */
export interface Lane {
  readonly from: string;
  readonly to: string;
  /** Money per unit moved; missing: {@link RebalanceOptions.defaultCostPerUnit}. */
  readonly costPerUnit?: number | undefined;
  /** Days in transit; missing: {@link RebalanceOptions.defaultLeadTimeDays}. */
  readonly leadTimeDays?: number | undefined;
}

/** One row of `transfers.csv`. */
export interface Transfer {
  readonly sku: string;
  readonly from: string;
  readonly to: string;
  /** Whole units. */
  readonly qty: number;
  /** qty x lane cost per unit. */
  readonly cost: number;
  /** 'stockout' when part of it prevents a stockout before a supplier order could arrive, else 'excess'. */
  readonly kind: 'stockout' | 'excess';
  readonly reason: string;
}

/** The cost model's knobs (see `rebalanceSku`). */
export interface RebalanceOptions {
  /** Penalty per unit short as a fraction of unit cost: the lost margin and goodwill proxy (default 0.5). */
  readonly shortageCostRate?: number;
  /** Lane cost when lanes.csv gives none (default 0). */
  readonly defaultCostPerUnit?: number;
  /** Lane transit days when lanes.csv gives none (default 1). */
  readonly defaultLeadTimeDays?: number;
}

/** Defaults of {@link RebalanceOptions}. */
export const DEFAULT_REBALANCE_OPTIONS: Required<RebalanceOptions> = Object.freeze({
  shortageCostRate: 0.5, defaultCostPerUnit: 0, defaultLeadTimeDays: 1,
});

/** Per-unit values used when costs are unknown (unit cost 0): free lanes still move stock, priced lanes do not. */
const TOKEN_PENALTY = 1e-6;
const TOKEN_RELIEF = 1e-9;

/** What rebalancing reads of a reorder line. */
export type RebalanceSite = Pick<ReorderLine, 'sku' | 'warehouse' | 'available' | 'position' | 'onOrder'
  | 'reorderPoint' | 'orderUpTo' | 'demandBeforeReceipt' | 'leadTimeDays' | 'unitCost' | 'holdingRate' | 'dailyDemand'>;

/** Transfers of one SKU and what they cost and save. */
export interface RebalanceResult {
  readonly transfers: Transfer[];
  /** Lane cost of all transfers (money). */
  readonly transferCost: number;
  /** Shortage penalty and holding cost avoided, by the cost model below (money). */
  readonly costAvoided: number;
}

/**
 * Warehouse-to-warehouse transfers of one SKU as a minimum-cost flow (see `minCostFlow`), not
 * greedily per pair. Cost model (all per unit):
 * - Sources are warehouses whose position is above order-up-to S. Their units above S are excess
 *   (tier 1): moving one saves holding it for the excess's cover (unit cost x holding rate x
 *   min(cover, 365 d) / 365). Units between the reorder point s and S (tier 2) save nothing at
 *   the source (it will reorder them). A source never gives more than its shelf stock
 *   (available) nor goes below its own reorder point.
 * - Sinks are warehouses at or below their reorder point: they would order S - position from
 *   the supplier, and transfers replace that order unit for unit. The part of it that is short
 *   before a supplier order could arrive (expected demand over the supplier lead time - available
 *   - on order) is urgent: each unit avoids a shortage penalty of unit cost x `shortageCostRate`,
 *   but only along lanes faster than the supplier's lead time.
 * - Arcs follow `lanes` (all pairs when null) at the lane cost per unit.
 * A unit moves only when its lane cost is below the cost it avoids. Units are conserved. When unit
 * costs are unknown (0), token values let free lanes (cost 0) still carry stock, urgent needs first.
 * O(F x V x E) with F the units moved (whole units).
 *
 * @example rebalanceSku(linesOfOneSku, null).transfers // [{ sku, from: 'HAM', to: 'BER', qty: 12, ... }]
 */
export function rebalanceSku(
  sites: readonly RebalanceSite[], lanes: readonly Lane[] | null, options: RebalanceOptions = {},
): RebalanceResult {
  const settings = { ...DEFAULT_REBALANCE_OPTIONS, ...options };
  const arcs: FlowArc[] = [];
  const SOURCE = 0;
  const SINK = 1;
  let nodeCount = 2;
  const sourceNode = new Map<number, number>(); // site index -> node
  const urgentNode = new Map<number, number>();
  const regularNode = new Map<number, number>();
  const reliefValue = new Float64Array(sites.length);
  const penalty = new Float64Array(sites.length);

  sites.forEach((site, i) => {
    if (site.position > site.orderUpTo) {
      const shelf = Math.max(0, Math.floor(site.available + 1e-9));
      const excess = Math.min(shelf, Math.floor(site.position - site.orderUpTo + 1e-9));
      const buffer = Math.min(shelf - excess, Math.floor(site.orderUpTo - site.reorderPoint + 1e-9));
      if (excess + buffer <= 0) return;
      const node = nodeCount++;
      sourceNode.set(i, node);
      const coverDays = site.dailyDemand > 0 ? Math.min(365, (site.position - site.orderUpTo) / site.dailyDemand) : 365;
      // Without costs (unit cost or holding rate missing) a token value still lets free lanes carry excess.
      reliefValue[i] = Math.max(TOKEN_RELIEF, site.unitCost * site.holdingRate * (coverDays / 365));
      if (excess > 0) arcs.push({ from: SOURCE, to: node, capacity: excess, cost: -reliefValue[i] });
      if (buffer > 0) arcs.push({ from: SOURCE, to: node, capacity: buffer, cost: 0 });
    } else if (site.position <= site.reorderPoint) {
      const need = Math.ceil(site.orderUpTo - site.position - 1e-9);
      if (need <= 0) return;
      const urgent = Math.min(need, Math.ceil(Math.max(0,
        site.demandBeforeReceipt - Math.max(0, site.available) - Math.max(0, site.onOrder)) - 1e-9));
      penalty[i] = Math.max(TOKEN_PENALTY, site.unitCost * settings.shortageCostRate);
      if (urgent > 0) {
        const node = nodeCount++;
        urgentNode.set(i, node);
        arcs.push({ from: node, to: SINK, capacity: urgent, cost: -penalty[i] });
      }
      if (need - urgent > 0) {
        const node = nodeCount++;
        regularNode.set(i, node);
        arcs.push({ from: node, to: SINK, capacity: need - urgent, cost: 0 });
      }
    }
  });

  const laneArcs: { arc: number; from: number; to: number; costPerUnit: number; isUrgent: boolean }[] = [];
  const addLane = (from: number, to: number, costPerUnit: number, leadTimeDays: number): void => {
    const src = sourceNode.get(from);
    if (src === undefined || from === to) return;
    const urgent = urgentNode.get(to);
    if (urgent !== undefined && leadTimeDays < sites[to].leadTimeDays) {
      laneArcs.push({ arc: arcs.length, from, to, costPerUnit, isUrgent: true });
      arcs.push({ from: src, to: urgent, capacity: Infinity, cost: costPerUnit });
    }
    const regular = regularNode.get(to);
    if (regular !== undefined) {
      laneArcs.push({ arc: arcs.length, from, to, costPerUnit, isUrgent: false });
      arcs.push({ from: src, to: regular, capacity: Infinity, cost: costPerUnit });
    }
  };
  const indexOf = new Map(sites.map((site, i) => [site.warehouse, i]));
  if (lanes === null) {
    for (let from = 0; from < sites.length; from++) {
      for (let to = 0; to < sites.length; to++) addLane(from, to, settings.defaultCostPerUnit, settings.defaultLeadTimeDays);
    }
  } else {
    for (const lane of lanes) {
      const from = indexOf.get(lane.from);
      const to = indexOf.get(lane.to);
      if (from === undefined || to === undefined) continue;
      addLane(from, to, lane.costPerUnit ?? settings.defaultCostPerUnit, lane.leadTimeDays ?? settings.defaultLeadTimeDays);
    }
  }

  const result = minCostFlow(nodeCount, arcs, SOURCE, SINK);
  // Sum the flow per warehouse pair (an urgent and a regular arc may join the same pair).
  const byPair = new Map<string, { from: number; to: number; qty: number; cost: number; isUrgent: boolean }>();
  for (const lane of laneArcs) {
    const qty = Math.round(result.flow[lane.arc]);
    if (qty <= 0) continue;
    const key = `${lane.from}>${lane.to}`;
    const pair = byPair.get(key) ?? { from: lane.from, to: lane.to, qty: 0, cost: 0, isUrgent: false };
    pair.qty += qty;
    pair.isUrgent ||= lane.isUrgent;
    pair.cost += qty * lane.costPerUnit;
    byPair.set(key, pair);
  }
  const transfers: Transfer[] = [];
  let transferCost = 0;
  for (const pair of byPair.values()) {
    const from = sites[pair.from];
    const to = sites[pair.to];
    const isUrgent = pair.isUrgent;
    transferCost += pair.cost;
    transfers.push({
      sku: from.sku, from: from.warehouse, to: to.warehouse, qty: pair.qty, cost: pair.cost,
      kind: isUrgent ? 'stockout' : 'excess',
      reason: isUrgent
        ? `${to.warehouse} runs short before a supplier order could arrive; ${from.warehouse} holds more than its order-up-to`
        : `${from.warehouse} holds more than its order-up-to; replaces part of the supplier order of ${to.warehouse}`,
    });
  }
  transfers.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  return { transfers, transferCost, costAvoided: transferCost - result.totalCost };
}
