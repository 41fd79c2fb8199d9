import { describe, expect, it } from 'vitest';
import { DEFAULT_ITEM, resolveItem } from '../../../src/core/inventory/item-master.js';

describe('resolveItem', () => {
  it('when nothing is given, every default is used and reported once', () => {
    const { item, defaultsUsed } = resolveItem({});
    expect(item).toEqual(DEFAULT_ITEM);
    expect(defaultsUsed).toEqual(['supplier', 'leadTimeDays', 'leadTimeSdDays', 'moq', 'packSize', 'unitCost',
      'serviceLevel', 'reviewPeriodDays', 'orderCost', 'holdingRate']);
  });

  it('empty cells (NaN) count as missing; given values are kept', () => {
    const { item, defaultsUsed } = resolveItem({ supplier: 'Acme', leadTimeDays: 21, moq: NaN, serviceLevel: 0.99, serviceTarget: 'cycle' });
    expect(item.leadTimeDays).toBe(21);
    expect(item.moq).toBe(1);
    expect(item.serviceLevel).toBe(0.99);
    expect(defaultsUsed).toContain('moq');
    expect(defaultsUsed).not.toContain('leadTimeDays');
  });

  it('the stock file unit cost fills a missing item unit cost without counting as a default', () => {
    const { item, defaultsUsed } = resolveItem({}, 7.5);
    expect(item.unitCost).toBe(7.5);
    expect(defaultsUsed).not.toContain('unitCost');
    expect(resolveItem({ unitCost: 3 }, 7.5).item.unitCost).toBe(3);
  });

  it('makes values usable: whole packs and MOQ >= 1, service level within 0.5..0.9999', () => {
    const { item } = resolveItem({ packSize: 2.5, moq: 0, serviceLevel: 1, leadTimeDays: -3 });
    expect(item.packSize).toBe(3);
    expect(item.moq).toBe(1);
    expect(item.serviceLevel).toBe(0.9999);
    expect(item.leadTimeDays).toBe(0);
  });
});
