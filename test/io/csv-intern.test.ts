import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInterner } from '../../src/io/csv-intern.js';

describe('createInterner', () => {
  it('gives the same ids as a Map in order of first appearance, across table growth', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 6, unit: 'grapheme' }), { maxLength: 3000 }), (texts) => {
      const interner = createInterner(2);
      const reference = new Map<string, number>();
      for (const text of texts) {
        if (!reference.has(text)) reference.set(text, reference.size);
        expect(interner.id(text)).toBe(reference.get(text));
      }
      expect(interner.names).toEqual([...reference.keys()]);
    }), { numRuns: 100 });
  });

  it('tells apart names that differ only in one character or in length', () => {
    const interner = createInterner();
    const names = ['SKU-1', 'SKU-10', 'SKU-01', 'sku-1', '螺丝', '螺丝刀', ''];
    expect(names.map((n) => interner.id(n))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(names.map((n) => interner.id(n))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
