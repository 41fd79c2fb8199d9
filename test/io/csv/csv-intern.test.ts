import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createInterner } from '../../../src/io/csv/csv-intern.js';

/** The interner gives each text the id a Map would (order of first appearance) and lists the names in that order. */
function expectIdsOfMap(interner: ReturnType<typeof createInterner>, texts: readonly string[]): void {
  const reference = new Map<string, number>();
  for (const text of texts) {
    if (!reference.has(text)) reference.set(text, reference.size);
    expect(interner.id(text)).toBe(reference.get(text));
  }
  expect(interner.names).toEqual([...reference.keys()]);
}

describe('createInterner', () => {
  it('gives the same ids as a Map in order of first appearance, across table growth', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 6, unit: 'grapheme' }), { maxLength: 3000 }), (texts) => {
      expectIdsOfMap(createInterner(2), texts);
    }), { numRuns: 100 });
  });

  it('gives the same ids as a Map for long names that share their first ten characters', () => {
    const longName = fc.string({ minLength: 8, maxLength: 24, unit: fc.constantFrom('A', 'B', '-', '7', '螺') });
    fc.assert(fc.property(fc.array(longName, { maxLength: 2000 }), (texts) => {
      expectIdsOfMap(createInterner(4), texts);
    }), { numRuns: 100 });
  });

  it('ids() of a batch gives what id() gives one by one, new names included', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string({ maxLength: 14 }), { maxLength: 40 }), { maxLength: 20 }), (batches) => {
      const batched = createInterner(2);
      const single = createInterner(2);
      const out = new Int32Array(40);
      for (const batch of batches) {
        batched.ids(batch, batch.length, out);
        expect(Array.from(out.subarray(0, batch.length))).toEqual(batch.map((text) => single.id(text)));
      }
      expect(batched.names).toEqual(single.names);
    }), { numRuns: 100 });
  });

  it('tells apart names that differ only in one character or in length', () => {
    const interner = createInterner();
    const names = ['SKU-1', 'SKU-10', 'SKU-01', 'sku-1', '螺丝', '螺丝刀', '', 'WIDGET-0001-RED', 'WIDGET-0001-REd', 'WIDGET-0001'];
    const ids = names.map((_, i) => i);
    expect(names.map((n) => interner.id(n))).toEqual(ids);
    expect(names.map((n) => interner.id(n))).toEqual(ids);
  });
});
