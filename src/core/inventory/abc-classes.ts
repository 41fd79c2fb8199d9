/** ABC class of an item: A the few items that make most of the value, C the many that make little. */
export type AbcClass = 'A' | 'B' | 'C';

/** Cumulative value shares (fractions, 0 < a <= b <= 1) where class A and class B end. */
export interface AbcLimits {
  readonly a: number;
  readonly b: number;
}

/** 80 % / 95 % of the cumulative yearly consumption value, the usual Pareto cut-offs. */
export const DEFAULT_ABC_LIMITS: AbcLimits = Object.freeze({ a: 0.8, b: 0.95 });

/**
 * ABC classes by yearly consumption value (units per year x unit cost), the Pareto analysis of
 * Silver, Pyke & Thomas (2017), "Inventory and Production Management in Supply Chains", 4th ed.
 * (the A-B-C classification by annual dollar usage): rank the items by value, largest first, and cut the cumulative share of the total at
 * `limits.a` (A) and `limits.b` (B); the rest is C. The item whose value crosses a limit belongs
 * to the class it completes, so the largest item is always A and a limit is never undershot.
 * Items of equal value keep their input order; items of zero value are always C (also when
 * every value is zero). O(n log n).
 *
 * @param values yearly consumption value per item (money per year; negative or NaN counts as 0)
 * @returns the class of each item, in input order
 * @example classifyAbc(Float64Array.of(10, 60, 30, 0), { a: 0.8, b: 0.95 })
 * // ranked 60 (cum 0.6 -> A), 30 (0.6 before, < 0.8 -> A), 10 (0.9 before, < 0.95 -> B), 0 (C)
 * // => ['B', 'A', 'A', 'C']
 */
export function classifyAbc(values: Float64Array, limits: AbcLimits = DEFAULT_ABC_LIMITS): AbcClass[] {
  const n = values.length;
  const clean = (v: number) => (v > 0 ? v : 0);
  let total = 0;
  for (let i = 0; i < n; i++) total += clean(values[i]);
  const classes: AbcClass[] = new Array<AbcClass>(n).fill('C');
  if (!(total > 0)) return classes;
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => clean(values[j]) - clean(values[i]) || i - j);
  let before = 0;
  for (const i of order) {
    const value = clean(values[i]);
    if (value === 0) break;
    // Shares compared with a small tolerance so that 0.8 exactly reached by sums like 0.1 + 0.7 closes A.
    const shareBefore = before / total;
    classes[i] = shareBefore < limits.a - 1e-12 ? 'A' : shareBefore < limits.b - 1e-12 ? 'B' : 'C';
    before += value;
  }
  return classes;
}
