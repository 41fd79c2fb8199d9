import { hashString } from './random.js';

/** One part of a sharded run: shard `index` (0-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Largest shard count accepted: keeps `hash * count` exact in a double (2^32 * 2^20 < 2^53). */
export const MAX_SHARD_COUNT = 1 << 20;

/**
 * The shard (0 .. count-1) a SKU belongs to, for `plan --shard K/N`. Every warehouse of a SKU
 * lands in the same shard (only the SKU name is hashed), so rebalancing between warehouses
 * never crosses shards.
 *
 * The hash is the project's 32-bit FNV-1a over the UTF-16 code units of the name (`hashString`;
 * for ASCII names the same as FNV-1a over the UTF-8 bytes; Fowler, Noll & Vo, IETF
 * draft-eastlake-fnv), followed by the MurmurHash3 `fmix32` finaliser (Appleby 2011) so that
 * names differing in one trailing character spread over all shards, then reduced to a shard
 * by multiply-shift, floor(h * count / 2^32) (Lemire 2019, "Fast random integer generation
 * in an interval"). It uses only 32-bit integer arithmetic defined by ECMAScript, so every
 * machine and Node version gives the same shard for the same name. O(name length).
 *
 * @example shardOfSku('MUG-CER-01', 3) // 0, 1 or 2, the same on every machine
 */
export function shardOfSku(sku: string, count: number): number {
  let h = hashString(sku);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h = (h ^ (h >>> 16)) >>> 0;
  return Math.floor((h * count) / 4294967296);
}

/**
 * Reads `K/N` (K 0-based, so a batch engine's array index can be passed as it is): a shard, or
 * the reason the text is not one.
 *
 * @example parseShard('2/8') // { ok: true, shard: { index: 2, count: 8 } }
 */
export function parseShard(text: string): { ok: true; shard: Shard } | { ok: false; reason: string } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return { ok: false, reason: `expected K/N with whole numbers, 0 <= K < N (e.g. 0/4), got "${text}"` };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARD_COUNT) {
    return { ok: false, reason: `the shard count N must be between 1 and ${MAX_SHARD_COUNT}, got "${text}"` };
  }
  if (index >= count) {
    return { ok: false, reason: `the shard index K counts from 0 and must be below N = ${count}, got "${text}"` };
  }
  return { ok: true, shard: { index, count } };
}
