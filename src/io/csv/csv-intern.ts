/**
 * Interns names (SKUs, warehouses) to dense ids with an open-addressing hash table over one
 * Int32Array. Each 32-byte slot holds the hash, the id, the length and the first
 * {@link INLINE_CHARS} UTF-16 code units of its name, so looking up a typical SKU code reads one
 * cache line of the table; longer names keep their other code units in an arena. On the 5M-row
 * benchmark file (20k SKUs) lookups are most of the sales reader's own per-row time, and each is
 * a cache miss: papaparse's garbage sweeps the caches between rows. `Map.get` with freshly split
 * strings was slowest; (hash, id) pairs confirmed against an arena (three misses) cost about 25%
 * more of the row handler's profile than this layout.
 */
export interface Interner {
  /** Id of `text`, adding it with the next id when new. */
  id(text: string): number;
  /**
   * Ids of `texts[0 .. count)` into `out` (as `id` one by one). The table slots of all of them
   * are read first in a tight loop, so the processor overlaps their cache misses instead of
   * waiting for one per name.
   */
  ids(texts: readonly string[], count: number, out: Int32Array): void;
  /** Names by id. */
  readonly names: string[];
}

/** Code units stored in the table slot itself, two per Int32. */
const INLINE_CHARS = 10;
/** Int32s per table slot: hash, id + 1 (0 = empty), length, then the inline code units. */
const SLOT = 3 + INLINE_CHARS / 2;

export function createInterner(initialCapacity = 1024): Interner {
  const names: string[] = [];
  let mask = nextPowerOfTwo(Math.ceil(initialCapacity * 1.5)) - 1;
  let table = new Int32Array(SLOT * (mask + 1));
  // Code units past INLINE_CHARS: name id's are arena[tailStart[id] .. tailStart[id + 1]).
  let arena = new Uint16Array(64);
  let arenaUsed = 0;
  let tailStart = new Int32Array(initialCapacity + 1);
  // The first code units of the name being looked up, packed as in a table slot.
  let p0 = 0;
  let p1 = 0;
  let p2 = 0;
  let p3 = 0;
  let p4 = 0;

  const rehash = () => {
    const old = table;
    mask = mask * 2 + 1;
    table = new Int32Array(SLOT * (mask + 1));
    for (let from = 0; from < old.length; from += SLOT) {
      if (old[from + 1] === 0) continue;
      let at = old[from] & mask;
      while (table[SLOT * at + 1] !== 0) at = (at + 1) & mask;
      table.set(old.subarray(from, from + SLOT), SLOT * at);
    }
  };

  const add = (text: string, hash: number, at: number): number => {
    const id = names.length;
    names.push(text);
    const base = SLOT * at;
    table[base] = hash;
    table[base + 1] = id + 1;
    table[base + 2] = text.length;
    table[base + 3] = p0;
    table[base + 4] = p1;
    table[base + 5] = p2;
    table[base + 6] = p3;
    table[base + 7] = p4;
    const tail = Math.max(0, text.length - INLINE_CHARS);
    if (arenaUsed + tail > arena.length) {
      const bigger = new Uint16Array(Math.max(arena.length * 2, arenaUsed + tail));
      bigger.set(arena);
      arena = bigger;
    }
    for (let i = 0; i < tail; i++) arena[arenaUsed + i] = text.charCodeAt(INLINE_CHARS + i);
    arenaUsed += tail;
    if (id + 2 > tailStart.length) {
      const bigger = new Int32Array(tailStart.length * 2);
      bigger.set(tailStart);
      tailStart = bigger;
    }
    tailStart[id + 1] = arenaUsed;
    if (4 * names.length > 3 * mask) rehash();
    return id;
  };

  const unit = (text: string, i: number, length: number) => (i < length ? text.charCodeAt(i) : 0);
  /** Hash of `text`; also packs its first code units into p0..p4. */
  const hashOf = (text: string): number => {
    const length = text.length;
    p0 = unit(text, 0, length) | (unit(text, 1, length) << 16);
    p1 = unit(text, 2, length) | (unit(text, 3, length) << 16);
    p2 = unit(text, 4, length) | (unit(text, 5, length) << 16);
    p3 = unit(text, 6, length) | (unit(text, 7, length) << 16);
    p4 = unit(text, 8, length) | (unit(text, 9, length) << 16);
    // Multiply-xor mixing of the packed units (constants from MurmurHash3 and xxHash), then
    // FNV-1a over the rest.
    let hash = Math.imul(p0 ^ length, 0x9e3779b1);
    hash = Math.imul(hash ^ p1, 0x85ebca6b);
    hash = Math.imul(hash ^ p2, 0xc2b2ae35);
    hash = Math.imul(hash ^ p3, 0x27d4eb2f);
    hash = Math.imul(hash ^ p4, 0x165667b1);
    for (let i = INLINE_CHARS; i < length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    return hash ^ (hash >>> 15);
  };

  /** Id of `text` whose hash is `hash` and whose first code units are in p0..p4. */
  const lookup = (text: string, hash: number): number => {
    const length = text.length;
    let at = hash & mask;
    for (;;) {
      const base = SLOT * at;
      const stored = table[base + 1];
      if (stored === 0) return add(text, hash, at);
      if (table[base] === hash && table[base + 2] === length && table[base + 3] === p0 && table[base + 4] === p1
        && table[base + 5] === p2 && table[base + 6] === p3 && table[base + 7] === p4) {
        const found = stored - 1;
        if (length <= INLINE_CHARS) return found;
        const start = tailStart[found] - INLINE_CHARS;
        let same = true;
        for (let i = INLINE_CHARS; i < length && same; i++) same = arena[start + i] === text.charCodeAt(i);
        if (same) return found;
      }
      at = (at + 1) & mask;
    }
  };

  // Per name of a batch: its hash and p0..p4, kept from the first loop of `ids` for the second.
  let batch = new Int32Array(0);

  return {
    names,
    id: (text) => lookup(text, hashOf(text)),
    ids(texts, count, out) {
      if (batch.length < 6 * count) batch = new Int32Array(6 * count);
      for (let k = 0; k < count; k++) {
        batch[6 * k] = hashOf(texts[k]);
        batch[6 * k + 1] = p0;
        batch[6 * k + 2] = p1;
        batch[6 * k + 3] = p2;
        batch[6 * k + 4] = p3;
        batch[6 * k + 5] = p4;
      }
      // A loop this small keeps many of these reads (cache misses) in flight at once.
      let touched = 0;
      for (let k = 0; k < count; k++) touched ^= table[SLOT * (batch[6 * k] & mask) + 1];
      for (let k = 0; k < count; k++) {
        p0 = batch[6 * k + 1];
        p1 = batch[6 * k + 2];
        p2 = batch[6 * k + 3];
        p3 = batch[6 * k + 4];
        p4 = batch[6 * k + 5];
        out[k] = lookup(texts[k], batch[6 * k]);
      }
      // Uses the reads above so that they are not optimised away (never true for a real table).
      if (touched === 0x7fffffff) out[0] |= 0;
    },
  };
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
