import type { AbcClass } from './abc-classes.js';
import type { XyzClass } from './xyz-classes.js';

/** One cell of the ABC/XYZ matrix: items and their yearly consumption value. */
export interface MatrixCell {
  readonly count: number;
  readonly value: number;
}

/** The nine cells by name (`AX` ... `CZ`), always all present. */
export type AbcXyzMatrix = Readonly<Record<`${AbcClass}${XyzClass}`, MatrixCell>>;

/**
 * Counts and sums the yearly consumption value of the items in each ABC/XYZ cell (value rounded
 * to cents). The three arrays are parallel. O(n).
 *
 * @example abcXyzMatrix(['A', 'A', 'C'], ['X', 'Z', 'Z'], [10, 5, 1]).AZ // { count: 1, value: 5 }
 */
export function abcXyzMatrix(
  abc: readonly AbcClass[], xyz: readonly XyzClass[], values: ArrayLike<number>,
): AbcXyzMatrix {
  const sums = new Map<string, { count: number; value: number }>();
  for (let i = 0; i < abc.length; i++) {
    const name = abc[i] + xyz[i];
    const sum = sums.get(name) ?? { count: 0, value: 0 };
    sum.count++;
    sum.value += values[i] > 0 ? values[i] : 0;
    sums.set(name, sum);
  }
  const cell = (name: string): MatrixCell => {
    const sum = sums.get(name);
    return { count: sum?.count ?? 0, value: Math.round((sum?.value ?? 0) * 100) / 100 };
  };
  return {
    AX: cell('AX'), AY: cell('AY'), AZ: cell('AZ'),
    BX: cell('BX'), BY: cell('BY'), BZ: cell('BZ'),
    CX: cell('CX'), CY: cell('CY'), CZ: cell('CZ'),
  };
}
