import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawLeadTime, leadTimeNodes } from '../../../src/core/inventory/lead-time-nodes.js';
import { seededRandom } from './helpers.js';

describe('leadTimeNodes', () => {
  it('when the lead time is certain, there is one node', () => {
    const nodes = leadTimeNodes(14, 0);
    expect([...nodes.days]).toEqual([14]);
    expect([...nodes.weights]).toEqual([1]);
  });

  it('when sd is far above the mean, nodes keep the mean and stay positive', () => {
    const nodes = leadTimeNodes(1, 7);
    expect(nodes.days.every((d) => d > 0)).toBe(true);
    expect(nodes.days.reduce((sum, d) => sum + d, 0) / nodes.days.length).toBeCloseTo(1, 9);
  });

  it('nodes have exactly the requested mean and standard deviation (coefficient of variation up to 0.6)', () => {
    fc.assert(fc.property(fc.double({ min: 1, max: 90, noNaN: true }), fc.double({ min: 0.01, max: 0.6, noNaN: true }), (mean, cv) => {
      const nodes = leadTimeNodes(mean, mean * cv);
      let m = 0;
      let s = 0;
      for (let i = 0; i < nodes.days.length; i++) m += nodes.weights[i] * nodes.days[i];
      for (let i = 0; i < nodes.days.length; i++) s += nodes.weights[i] * (nodes.days[i] - m) ** 2;
      expect(m).toBeCloseTo(mean, 6);
      expect(Math.sqrt(s)).toBeCloseTo(mean * cv, 6);
      expect(nodes.days.every((d) => d >= 0)).toBe(true);
    }));
  });
});

describe('drawLeadTime', () => {
  it('draws have the requested mean and sd (20 000 draws, tolerance 2 %)', () => {
    const random = seededRandom(7);
    let sum = 0;
    let sumSq = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const d = drawLeadTime(20, 5, random);
      sum += d;
      sumSq += d * d;
    }
    const mean = sum / n;
    expect(mean).toBeGreaterThan(20 * 0.98);
    expect(mean).toBeLessThan(20 * 1.02);
    expect(Math.sqrt(sumSq / n - mean * mean)).toBeGreaterThan(5 * 0.96);
    expect(Math.sqrt(sumSq / n - mean * mean)).toBeLessThan(5 * 1.04);
  });
});
