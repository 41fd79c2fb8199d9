import { InvalidArgumentError } from 'commander';
import { parseShard, type Shard } from '../core/shard-of-sku.js';

/** Parsers for flag values; each throws commander's InvalidArgumentError (exit 2) with what was expected. */

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number >= 1, got "${value}"`);
  }
  return n;
}

export function parseNonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new InvalidArgumentError(`expected a number >= 0, got "${value}"`);
  }
  return n;
}

export function parseIsoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError(`expected a date YYYY-MM-DD, got "${value}"`);
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new InvalidArgumentError(`"${value}" is not a calendar date`);
  }
  return value;
}

export function parseChoice<T extends string>(choices: readonly T[]): (value: string) => T {
  return (value) => {
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new InvalidArgumentError(`expected one of ${choices.join(', ')}, got "${value}"`);
  };
}

/** `sku=series,quantity=Menge` -> { sku: 'series', quantity: 'Menge' }; repeated flags merge. */
export function parseMap(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const result = { ...previous };
  for (const pair of value.split(',')) {
    const trimmed = pair.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0 || eq === trimmed.length - 1) {
      throw new InvalidArgumentError(`expected field=Header pairs separated by commas, got "${pair}"`);
    }
    result[trimmed.slice(0, eq).trim().toLowerCase()] = trimmed.slice(eq + 1).trim();
  }
  return result;
}

/** `80,95` -> [80, 95]: central interval levels in percent, each in (0, 100). */
export function parseLevels(value: string): number[] {
  const levels = value.split(',').map((part) => Number(part.trim()));
  if (levels.length === 0 || levels.some((l) => !Number.isFinite(l) || l <= 0 || l >= 100)) {
    throw new InvalidArgumentError(`expected percentages between 0 and 100 separated by commas, got "${value}"`);
  }
  return levels;
}

export function parseServiceLevel(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0.5 || n > 0.9999) {
    throw new InvalidArgumentError(`expected a service level between 0.5 and 0.9999 (e.g. 0.95), got "${value}"`);
  }
  return n;
}

/** `stockout_risk,overstock` or `any`. */
export function parseFailOn(value: string): string[] {
  const allowed = ['stockout_risk', 'overstock', 'dead_stock', 'any'];
  const parts = value.split(',').map((p) => p.trim()).filter(Boolean);
  for (const part of parts) {
    if (!allowed.includes(part)) throw new InvalidArgumentError(`expected ${allowed.join('|')}, got "${part}"`);
  }
  return parts;
}

/** `2/8` -> shard 2 of 8 (K counts from 0, as Kubernetes and AWS Batch array indexes do). */
export function parseShardFlag(value: string): Shard {
  const parsed = parseShard(value);
  if (!parsed.ok) throw new InvalidArgumentError(parsed.reason);
  return parsed.shard;
}

/** `80,95` or `0.5,1`: two non-negative numbers, the first at most the second (range checks follow in settings). */
export function parseNumberPair(value: string): number[] {
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n) || n < 0) || parts[0] > parts[1]) {
    throw new InvalidArgumentError(`expected two numbers, the smaller first, separated by a comma (e.g. 80,95), got "${value}"`);
  }
  return parts;
}

/** A whole number, 0 or more. */
export function parseNonNegativeInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number, 0 or more, got "${value}"`);
  return n;
}
