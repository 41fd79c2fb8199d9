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
  /** Money per shipment on this lane, whatever the quantity; missing: 0. */
  readonly fixedCost?: number | undefined;
  /** Smallest quantity worth shipping on this lane (units); missing: 1. */
  readonly minQty?: number | undefined;
}

/** One row of `transfers.csv`. */
export interface Transfer {
  readonly sku: string;
  readonly from: string;
  readonly to: string;
  /** Whole units. */
  readonly qty: number;
  /** qty x lane cost per unit + the lane's fixed cost per shipment. */
  readonly cost: number;
  /**
   * What the transfer avoids, by the cost model of `rebalanceSku` (shortage penalty and holding
   * cost): the rise in total cost when its lane is closed, plus its own lane cost. Always >= cost.
   */
  readonly saving: number;
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
  /** Lane cost of all transfers, fixed costs included (money). */
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
 *
 * Lanes with a fixed cost per shipment or a minimum quantity make this a fixed-charge flow problem
 * (NP-hard in general); the heuristic here closes lanes one at a time: solve the flow, value each
 * used lane by how much the total cost rises without it, close the lane whose shipment is below
 * its minimum quantity or whose value is furthest below its fixed cost, and solve again, until
 * every shipment left is at least its lane's minimum and avoids more than it costs, fixed cost
 * included (the "drop" heuristic for fixed-charge problems, Kuehn & Hamburger 1963).
 * O(L^2 x F x V x E) with L the lanes used and F the units moved (whole units).
 *
 * @example rebalanceSku(linesOfOneSku, null).transfers // [{ sku, from: 'HAM', to: 'BER', qty: 12, ... }]
 */
export function rebalanceSku(
  sites: readonly RebalanceSite[], lanes: readonly Lane[] | null, options: RebalanceOptions = {},
): RebalanceResult {
  const settings = { ...DEFAULT_REBALANCE_OPTIONS, ...options };
  const network = buildNodes(sites, settings);
  const indexOf = new Map(sites.map((site, i) => [site.warehouse, i]));
  const orNumber = (value: number | undefined, fallback: number) => (value !== undefined && Number.isFinite(value) ? value : fallback);
  let open: ResolvedLane[] = [];
  if (lanes === null) {
    for (let from = 0; from < sites.length; from++) {
      for (let to = 0; to < sites.length; to++) {
        if (from !== to) {
          open.push({ from, to, costPerUnit: settings.defaultCostPerUnit, leadTimeDays: settings.defaultLeadTimeDays, fixedCost: 0, minQty: 1 });
        }
      }
    }
  } else {
    for (const lane of lanes) {
      const from = indexOf.get(lane.from);
      const to = indexOf.get(lane.to);
      if (from === undefined || to === undefined || from === to) continue;
      open.push({
        from, to,
        costPerUnit: Math.max(0, orNumber(lane.costPerUnit, settings.defaultCostPerUnit)),
        leadTimeDays: Math.max(0, orNumber(lane.leadTimeDays, settings.defaultLeadTimeDays)),
        fixedCost: Math.max(0, orNumber(lane.fixedCost, 0)),
        minQty: Math.max(1, Math.ceil(orNumber(lane.minQty, 1))),
      });
    }
  }

  let solution = solveFlow(sites, network, open);
  for (;;) {
    const used = solution.shipments.filter((shipment) => shipment.qty > 0);
    let worst: { lane: ResolvedLane; score: number } | null = null;
    for (const shipment of used) {
      const lane = shipment.lane;
      // Below the minimum: close it before anything else (score -Infinity, then the smallest first).
      let score = shipment.qty < lane.minQty ? -1e300 + shipment.qty : Infinity;
      if (score === Infinity && lane.fixedCost > 0) {
        score = laneValue(sites, network, open, lane, solution.totalCost) - lane.fixedCost;
      }
      if (score < 0 && (worst === null || score < worst.score)) worst = { lane, score };
    }
    if (worst === null) break;
    const closed = worst.lane;
    open = open.filter((lane) => lane !== closed);
    solution = solveFlow(sites, network, open);
  }

  const transfers: Transfer[] = [];
  let transferCost = 0;
  let fixedCosts = 0;
  for (const shipment of solution.shipments) {
    if (shipment.qty <= 0) continue;
    const lane = shipment.lane;
    const from = sites[lane.from];
    const to = sites[lane.to];
    const cost = shipment.qty * lane.costPerUnit + lane.fixedCost;
    const saving = laneValue(sites, network, open, lane, solution.totalCost) + shipment.qty * lane.costPerUnit;
    transferCost += cost;
    fixedCosts += lane.fixedCost;
    transfers.push({
      sku: from.sku, from: from.warehouse, to: to.warehouse, qty: shipment.qty, cost, saving,
      kind: shipment.isUrgent ? 'stockout' : 'excess',
      reason: shipment.isUrgent
        ? `${to.warehouse} runs short before a supplier order could arrive; ${from.warehouse} holds more than its order-up-to`
        : `${from.warehouse} holds more than its order-up-to; replaces part of the supplier order of ${to.warehouse}`,
    });
  }
  transfers.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  return { transfers, transferCost, costAvoided: transferCost - fixedCosts - solution.totalCost };
}

/** A lane between two site indexes with every value resolved. */
interface ResolvedLane {
  readonly from: number;
  readonly to: number;
  readonly costPerUnit: number;
  readonly leadTimeDays: number;
  readonly fixedCost: number;
  readonly minQty: number;
}

/** The supply and demand tiers of every site (see `rebalanceSku`), shared by every solve. */
interface Network {
  readonly nodeCount: number;
  readonly tierArcs: readonly FlowArc[];
  readonly sourceNode: ReadonlyMap<number, number>;
  readonly urgentNode: ReadonlyMap<number, number>;
  readonly regularNode: ReadonlyMap<number, number>;
}

const SOURCE = 0;
const SINK = 1;

function buildNodes(sites: readonly RebalanceSite[], settings: Required<RebalanceOptions>): Network {
  const tierArcs: FlowArc[] = [];
  let nodeCount = 2;
  const sourceNode = new Map<number, number>();
  const urgentNode = new Map<number, number>();
  const regularNode = new Map<number, number>();
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
      const relief = Math.max(TOKEN_RELIEF, site.unitCost * site.holdingRate * (coverDays / 365));
      if (excess > 0) tierArcs.push({ from: SOURCE, to: node, capacity: excess, cost: -relief });
      if (buffer > 0) tierArcs.push({ from: SOURCE, to: node, capacity: buffer, cost: 0 });
    } else if (site.position <= site.reorderPoint) {
      const need = Math.ceil(site.orderUpTo - site.position - 1e-9);
      if (need <= 0) return;
      const urgent = Math.min(need, Math.ceil(Math.max(0,
        site.demandBeforeReceipt - Math.max(0, site.available) - Math.max(0, site.onOrder)) - 1e-9));
      const penalty = Math.max(TOKEN_PENALTY, site.unitCost * settings.shortageCostRate);
      if (urgent > 0) {
        const node = nodeCount++;
        urgentNode.set(i, node);
        tierArcs.push({ from: node, to: SINK, capacity: urgent, cost: -penalty });
      }
      if (need - urgent > 0) {
        const node = nodeCount++;
        regularNode.set(i, node);
        tierArcs.push({ from: node, to: SINK, capacity: need - urgent, cost: 0 });
      }
    }
  });
  return { nodeCount, tierArcs, sourceNode, urgentNode, regularNode };
}

/** Flow over the open lanes: units per lane (urgent and regular arcs of a lane summed) and the total cost. */
function solveFlow(sites: readonly RebalanceSite[], network: Network, open: readonly ResolvedLane[]): {
  shipments: { lane: ResolvedLane; qty: number; isUrgent: boolean }[]; totalCost: number;
} {
  const arcs: FlowArc[] = [...network.tierArcs];
  const laneArcs: { arc: number; lane: ResolvedLane; isUrgent: boolean }[] = [];
  for (const lane of open) {
    const source = network.sourceNode.get(lane.from);
    if (source === undefined) continue;
    const urgent = network.urgentNode.get(lane.to);
    // Urgent needs only along lanes faster than the supplier's lead time.
    if (urgent !== undefined && lane.leadTimeDays < sites[lane.to].leadTimeDays) {
      laneArcs.push({ arc: arcs.length, lane, isUrgent: true });
      arcs.push({ from: source, to: urgent, capacity: Infinity, cost: lane.costPerUnit });
    }
    const regular = network.regularNode.get(lane.to);
    if (regular !== undefined) {
      laneArcs.push({ arc: arcs.length, lane, isUrgent: false });
      arcs.push({ from: source, to: regular, capacity: Infinity, cost: lane.costPerUnit });
    }
  }
  const result = minCostFlow(network.nodeCount, arcs, SOURCE, SINK);
  const byLane = new Map<ResolvedLane, { lane: ResolvedLane; qty: number; isUrgent: boolean }>();
  for (const { arc, lane, isUrgent } of laneArcs) {
    const qty = Math.round(result.flow[arc]);
    if (qty <= 0) continue;
    const shipment = byLane.get(lane) ?? { lane, qty: 0, isUrgent: false };
    shipment.qty += qty;
    shipment.isUrgent ||= isUrgent;
    byLane.set(lane, shipment);
  }
  return { shipments: [...byLane.values()], totalCost: result.totalCost };
}

/** How much the total cost (variable lane costs included) rises when `lane` is closed: >= 0. */
function laneValue(sites: readonly RebalanceSite[], network: Network, open: readonly ResolvedLane[], lane: ResolvedLane, totalCost: number): number {
  const without = solveFlow(sites, network, open.filter((other) => other !== lane));
  return Math.max(0, without.totalCost - totalCost);
}
