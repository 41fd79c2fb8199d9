import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type FlowArc, minCostFlow } from '../../../src/core/inventory/min-cost-flow.js';

/** Every integral flow of a tiny network, by enumeration: the slow, obvious version. */
function bruteForce(nodeCount: number, arcs: readonly FlowArc[], source: number, sink: number) {
  let bestProfitable = 0; // the empty flow is always feasible
  let bestMaxFlow = 0;
  let bestMaxFlowCost = 0;
  const flow = new Array<number>(arcs.length).fill(0);
  const visit = (i: number): void => {
    if (i === arcs.length) {
      const balance = new Array<number>(nodeCount).fill(0);
      let cost = 0;
      arcs.forEach((arc, j) => {
        balance[arc.from] -= flow[j];
        balance[arc.to] += flow[j];
        cost += flow[j] * arc.cost;
      });
      for (let node = 0; node < nodeCount; node++) if (node !== source && node !== sink && balance[node] !== 0) return;
      const value = balance[sink];
      bestProfitable = Math.min(bestProfitable, cost);
      if (value > bestMaxFlow || (value === bestMaxFlow && cost < bestMaxFlowCost)) {
        bestMaxFlow = value;
        bestMaxFlowCost = cost;
      }
      return;
    }
    for (let f = 0; f <= arcs[i].capacity; f++) {
      flow[i] = f;
      visit(i + 1);
    }
    flow[i] = 0;
  };
  visit(0);
  return { bestProfitable, bestMaxFlow, bestMaxFlowCost };
}

// Acyclic networks (arcs go from a lower to a higher node), so no negative cycle exists.
const network = fc.integer({ min: 2, max: 5 }).chain((nodeCount) => fc.tuple(
  fc.constant(nodeCount),
  fc.array(fc.tuple(fc.integer({ min: 0, max: nodeCount - 1 }), fc.integer({ min: 0, max: nodeCount - 1 }),
    fc.integer({ min: 0, max: 3 }), fc.integer({ min: -5, max: 5 })), { minLength: 1, maxLength: 6 })
    .map((raw) => raw.filter(([a, b]) => a !== b)
      .map(([a, b, capacity, cost]) => ({ from: Math.min(a, b), to: Math.max(a, b), capacity, cost }))),
));

describe('minCostFlow', () => {
  it('a single arc of negative cost is used to capacity', () => {
    expect(minCostFlow(2, [{ from: 0, to: 1, capacity: 5, cost: -2 }], 0, 1).totalCost).toBe(-10);
  });

  it('takes the cheaper of two routes first, then the dearer while it still pays', () => {
    // 0 -> 1 -> 3 costs -3 - 1 = -4 (cap 2); 0 -> 2 -> 3 costs -1 + 0 = -1 (cap 4); both pay.
    const arcs = [
      { from: 0, to: 1, capacity: 2, cost: -3 }, { from: 1, to: 3, capacity: 9, cost: 1 },
      { from: 0, to: 2, capacity: 4, cost: -1 }, { from: 2, to: 3, capacity: 9, cost: 0 },
    ];
    const result = minCostFlow(4, arcs, 0, 3);
    expect(result.totalFlow).toBe(6);
    expect(result.totalCost).toBe(-2 * 2 - 4 * 1);
  });

  it('equals the brute-force optimum (profitable flow and min-cost max flow) on tiny random networks', () => {
    fc.assert(fc.property(network, ([nodeCount, arcs]) => {
      const truth = bruteForce(nodeCount, arcs, 0, nodeCount - 1);
      const profitable = minCostFlow(nodeCount, arcs, 0, nodeCount - 1);
      expect(profitable.totalCost).toBeCloseTo(truth.bestProfitable, 9);
      const maximal = minCostFlow(nodeCount, arcs, 0, nodeCount - 1, { onlyProfitable: false });
      expect(maximal.totalFlow).toBe(truth.bestMaxFlow);
      expect(maximal.totalCost).toBeCloseTo(truth.bestMaxFlowCost, 9);
      // the reported arc flows are feasible and add up to the reported cost
      let cost = 0;
      arcs.forEach((arc, j) => {
        expect(profitable.flow[j]).toBeGreaterThanOrEqual(0);
        expect(profitable.flow[j]).toBeLessThanOrEqual(arc.capacity);
        expect(Number.isInteger(profitable.flow[j])).toBe(true);
        cost += profitable.flow[j] * arc.cost;
      });
      expect(cost).toBeCloseTo(profitable.totalCost, 9);
    }), { numRuns: 300 });
  });
});
