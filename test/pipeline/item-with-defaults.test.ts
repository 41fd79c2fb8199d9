import { describe, expect, it } from 'vitest';
import { resolveItem } from '../../src/core/inventory/index.js';
import { itemWithDefaults } from '../../src/pipeline/plan-stage.js';

describe('itemWithDefaults, service targets', () => {
  const target = (given: Parameters<typeof itemWithDefaults>[0], defaults: Parameters<typeof itemWithDefaults>[1]) => {
    const { item } = resolveItem(itemWithDefaults(given, defaults));
    return [item.serviceTarget, item.serviceLevel];
  };

  it('an item fill_rate makes the target a fill rate, whatever the defaults', () => {
    expect(target({ sku: 'A', fillRate: 0.98, serviceLevel: NaN }, { serviceLevel: 0.9 })).toEqual(['fill-rate', 0.98]);
  });

  it('an item service_level stays a cycle service level even when a default fill rate is set', () => {
    expect(target({ sku: 'A', fillRate: NaN, serviceLevel: 0.9 }, { fillRate: 0.99 })).toEqual(['cycle', 0.9]);
  });

  it('without an item target, the default fill rate wins over the default service level', () => {
    expect(target({ sku: 'A' }, { serviceLevel: 0.9, fillRate: 0.97 })).toEqual(['fill-rate', 0.97]);
    expect(target({ sku: 'A' }, { serviceLevel: 0.9 })).toEqual(['cycle', 0.9]);
    expect(target({ sku: 'A' }, {})).toEqual(['cycle', 0.95]);
  });
});
