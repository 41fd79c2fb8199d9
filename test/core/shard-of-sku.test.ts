import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseShard, shardOfSku } from '../../src/core/shard-of-sku.js';

const skuName = fc.oneof(
  fc.string({ minLength: 1, maxLength: 16 }),
  fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme' }),
  fc.integer({ min: 0, max: 99_999 }).map((n) => `SKU-${String(n).padStart(5, '0')}`),
);

describe('shardOfSku', () => {
  it('puts every SKU in exactly one shard: the shards are disjoint and together hold every SKU', () => {
    fc.assert(fc.property(fc.uniqueArray(skuName, { maxLength: 300 }), fc.integer({ min: 1, max: 64 }), (skus, count) => {
      const shards = Array.from({ length: count }, (_, index) => skus.filter((sku) => shardOfSku(sku, count) === index));
      const seen = new Set<string>();
      for (const shard of shards) {
        for (const sku of shard) {
          expect(seen.has(sku)).toBe(false);
          seen.add(sku);
        }
      }
      expect([...seen].sort()).toEqual([...skus].sort());
    }), { numRuns: 200 });
  });

  it('returns a whole number in 0..count-1, the same on every call', () => {
    fc.assert(fc.property(skuName, fc.integer({ min: 1, max: 1 << 20 }), (sku, count) => {
      const shard = shardOfSku(sku, count);
      expect(Number.isInteger(shard)).toBe(true);
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(count);
      expect(shardOfSku(sku, count)).toBe(shard);
    }), { numRuns: 500 });
  });

  it('with one shard, puts everything in shard 0', () => {
    fc.assert(fc.property(skuName, (sku) => { expect(shardOfSku(sku, 1)).toBe(0); }));
  });

  it('gives the shards of an independent implementation (a change would move SKUs between shards)', () => {
    // Python, over the UTF-16 code units: h = 0x811c9dc5; for c: h = ((h ^ c) * 0x01000193) & 0xffffffff;
    // then fmix32 (h ^= h >> 16; h *= 0x85ebca6b; h ^= h >> 13; h *= 0xc2b2ae35; h ^= h >> 16) and (h * 8) >> 32.
    expect(['KT-3001', 'TB-1004', 'CF-5001', 'OD-4008', 'Kaffeebohnen 1kg', '螺丝 M6', ''].map((sku) => shardOfSku(sku, 8)))
      .toEqual([7, 6, 4, 3, 1, 0, 5]);
  });

  it('spreads sequential SKU codes evenly: 8 shards of 20,000 codes each within 5 % of 2,500', () => {
    const sizes = new Array<number>(8).fill(0);
    for (let i = 0; i < 20_000; i++) sizes[shardOfSku(`SKU-${String(i).padStart(6, '0')}`, 8)]++;
    for (const size of sizes) expect(Math.abs(size - 2_500)).toBeLessThan(125);
  });
});

describe('parseShard', () => {
  it('reads K/N with K counted from 0', () => {
    expect(parseShard('0/1')).toEqual({ ok: true, shard: { index: 0, count: 1 } });
    expect(parseShard('7/8')).toEqual({ ok: true, shard: { index: 7, count: 8 } });
    expect(parseShard(' 2 / 3 ')).toEqual({ ok: true, shard: { index: 2, count: 3 } });
  });

  it('refuses K >= N, N < 1 and text that is not int/int, saying why', () => {
    expect(parseShard('3/3')).toEqual({ ok: false, reason: 'the shard index K counts from 0 and must be below N = 3, got "3/3"' });
    expect(parseShard('0/0')).toEqual({ ok: false, reason: 'the shard count N must be between 1 and 1048576, got "0/0"' });
    for (const text of ['', '1', '1/', '/3', '-1/3', '1.5/3', 'a/b', '1/3/5', '0x1/3']) {
      expect(parseShard(text)).toEqual({ ok: false, reason: `expected K/N with whole numbers, 0 <= K < N (e.g. 0/4), got "${text}"` });
    }
  });
});
