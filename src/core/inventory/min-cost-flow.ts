/** A directed arc of a flow network, with a capacity (units, may be Infinity) and a cost per unit. */
export interface FlowArc {
  readonly from: number;
  readonly to: number;
  readonly capacity: number;
  readonly cost: number;
}

/** How much flow `minCostFlow` sends. */
export interface FlowOptions {
  /** Stop after this much flow (default: no limit). */
  readonly maxFlow?: number;
  /**
   * true (default): send flow only along paths of negative cost, which minimises the total cost
   * over every flow amount (profitable flow). false: push as much flow as possible (up to
   * maxFlow) at least cost.
   */
  readonly onlyProfitable?: boolean;
}

/** The flow found: per arc, in total, and its cost. */
export interface FlowResult {
  /** Flow on each arc, in the order of the input arcs. */
  readonly flow: Float64Array;
  readonly totalFlow: number;
  readonly totalCost: number;
}

/**
 * Minimum-cost flow from `source` to `sink` by successive shortest paths (Ahuja, Magnanti &
 * Orlin 1993, Network Flows, §9.7), shortest paths by Bellman–Ford on the residual network so
 * negative costs are allowed (the input must have no negative-cost cycle, e.g. be acyclic).
 * Path costs never decrease from one augmentation to the next, so stopping at the first
 * non-negative path gives the cheapest flow over all amounts. Integral capacities give
 * integral flows. O(F x V x E) for total flow F; meant for the tiny per-SKU networks of
 * rebalancing (tens of nodes).
 *
 * @example minCostFlow(2, [{ from: 0, to: 1, capacity: 5, cost: -2 }], 0, 1).totalCost // -10
 */
export function minCostFlow(
  nodeCount: number, arcs: readonly FlowArc[], source: number, sink: number, options: FlowOptions = {},
): FlowResult {
  const onlyProfitable = options.onlyProfitable ?? true;
  const maxFlow = options.maxFlow ?? Infinity;
  const edgeCount = arcs.length * 2;
  // Residual edges: 2i is arc i forward, 2i + 1 its reverse.
  const head = new Int32Array(edgeCount);
  const residual = new Float64Array(edgeCount);
  const cost = new Float64Array(edgeCount);
  arcs.forEach((arc, i) => {
    head[2 * i] = arc.to;
    head[2 * i + 1] = arc.from;
    residual[2 * i] = Math.max(0, arc.capacity);
    residual[2 * i + 1] = 0;
    cost[2 * i] = arc.cost;
    cost[2 * i + 1] = -arc.cost;
  });
  const tail = (edge: number): number => head[edge ^ 1];
  const distance = new Float64Array(nodeCount);
  const via = new Int32Array(nodeCount);
  let totalFlow = 0;
  let totalCost = 0;
  while (totalFlow < maxFlow) {
    distance.fill(Infinity);
    via.fill(-1);
    distance[source] = 0;
    for (let round = 0; round < nodeCount; round++) {
      let changed = false;
      for (let edge = 0; edge < edgeCount; edge++) {
        if (residual[edge] <= 0) continue;
        const from = tail(edge);
        if (distance[from] === Infinity) continue;
        const reach = distance[from] + cost[edge];
        if (reach < distance[head[edge]] - 1e-12) {
          distance[head[edge]] = reach;
          via[head[edge]] = edge;
          changed = true;
        }
      }
      if (!changed) break;
    }
    if (distance[sink] === Infinity) break;
    if (onlyProfitable && distance[sink] >= -1e-12) break;
    let bottleneck = maxFlow - totalFlow;
    for (let node = sink; node !== source; node = tail(via[node])) bottleneck = Math.min(bottleneck, residual[via[node]]);
    if (!Number.isFinite(bottleneck) || bottleneck <= 0) break;
    for (let node = sink; node !== source; node = tail(via[node])) {
      residual[via[node]] -= bottleneck;
      residual[via[node] ^ 1] += bottleneck;
    }
    totalFlow += bottleneck;
    totalCost += bottleneck * distance[sink];
  }
  const flow = new Float64Array(arcs.length);
  for (let i = 0; i < arcs.length; i++) flow[i] = residual[2 * i + 1];
  return { flow, totalFlow, totalCost };
}
