import type { DemandForecast } from './demand-window.js';
import { orderQuantity } from './order-quantity.js';
import type { ReorderLine } from './plan-reorder.js';
import type { Transfer } from './rebalance-sku.js';
import { stockCover } from './stock-cover.js';

/**
 * Reorder lines after warehouse transfers: each line's position gains its incoming and loses
 * its outgoing units (position + in - out, available - out), and the order quantity is
 * recomputed with the same reorder point, order-up-to, EOQ bound, MOQ and pack size — so a
 * transfer into a warehouse shrinks (or cancels) its supplier order. Days of cover and stockout
 * days need the forecast: {@link coverAfterTransfers} recomputes them. Lines without transfers are returned unchanged. O(lines + transfers).
 *
 * @example applyTransfers(lines, [{ sku: 'A', from: 'HAM', to: 'BER', qty: 12, ... }]) // BER orders 12 fewer (before pack rounding)
 */
export function applyTransfers(lines: readonly ReorderLine[], transfers: readonly Transfer[]): ReorderLine[] {
  const incoming = new Map<string, number>();
  const outgoing = new Map<string, number>();
  const key = (sku: string, warehouse: string) => `${sku}\u0000${warehouse}`;
  for (const transfer of transfers) {
    const into = key(transfer.sku, transfer.to);
    const from = key(transfer.sku, transfer.from);
    incoming.set(into, (incoming.get(into) ?? 0) + transfer.qty);
    outgoing.set(from, (outgoing.get(from) ?? 0) + transfer.qty);
  }
  return lines.map((line) => {
    const lineKey = key(line.sku, line.warehouse);
    const transferInQty = incoming.get(lineKey) ?? 0;
    const transferOutQty = outgoing.get(lineKey) ?? 0;
    if (transferInQty === 0 && transferOutQty === 0) return line;
    const position = line.position + transferInQty - transferOutQty;
    const orderQty = orderQuantity(position, line.orderUpTo, line.reorderPoint, {
      moq: line.moq, packSize: line.packSize, minimumUnits: Math.ceil(line.economicOrderQty - 1e-9),
    });
    return {
      ...line,
      available: line.available - transferOutQty,
      position,
      transferInQty: line.transferInQty + transferInQty,
      transferOutQty: line.transferOutQty + transferOutQty,
      orderQty,
      orderValue: orderQty * line.unitCost,
    };
  });
}

/**
 * Days of cover and the stockout day of a line after its transfers: the shelf stock once they
 * have moved (available + transfers in; `applyTransfers` already took transfers out from
 * `available`), walked through the same forecast as `planReorder` (see `stockCover`). Lanes take
 * days, not lead times, so incoming units count as on the shelf. Lines without transfers are
 * returned unchanged. O(periods walked).
 *
 * @example coverAfterTransfers(lineWith12In, forecast, asOf).daysOfCover // longer than before the transfer
 */
export function coverAfterTransfers(line: ReorderLine, forecast: DemandForecast, asOfDay: number): ReorderLine {
  if (line.transferInQty === 0 && line.transferOutQty === 0) return line;
  const cover = stockCover(line.available + line.transferInQty, forecast, asOfDay);
  return { ...line, daysOfCover: cover.days, stockoutDay: cover.stockoutDay };
}
