/**
 * Replenishment policy, alerts, rebalancing and supplier grouping: the public surface of
 * `core/inventory` for the pipeline. Pure functions over plain readonly data.
 */
export { DEFAULT_ITEM, resolveItem, type ItemMaster, type PartialItemMaster, type ResolvedItem, type ServiceTarget } from './item-master.js';
export { fromSeriesForecast } from './from-series-forecast.js';
export { type DemandClass, type DemandForecast, type WindowDemand, windowDemand, dailyRate, cumulativeMean, cumulativeVarianceAt } from './demand-window.js';
export { planReorder, periodsNeeded, type ReorderInput, type ReorderLine, type StockPosition } from './plan-reorder.js';
export { protectionLevel, type DemandLaw, type ProtectionLevel, type ProtectionRequest } from './protection-level.js';
export { economicOrderQuantity } from './economic-order-quantity.js';
export { orderQuantity, type OrderRules } from './order-quantity.js';
export { stockCover, type StockCover } from './stock-cover.js';
export { normalLoss, normalLossInverse } from './normal-loss.js';
export { leadTimeNodes, drawLeadTime, type LeadTimeNodes } from './lead-time-nodes.js';
export { inventoryAlerts, rankAlerts, DEFAULT_ALERT_OPTIONS, type AlertOptions, type AlertSeverity, type AlertType, type InventoryAlert } from './inventory-alerts.js';
export { rebalanceSku, DEFAULT_REBALANCE_OPTIONS, type Lane, type RebalanceOptions, type RebalanceResult, type RebalanceSite, type Transfer } from './rebalance-sku.js';
export { applyTransfers, coverAfterTransfers } from './apply-transfers.js';
export { groupBySupplier, type SupplierOrder } from './group-by-supplier.js';
export { minCostFlow, type FlowArc, type FlowOptions, type FlowResult } from './min-cost-flow.js';
export { classifyAbc, DEFAULT_ABC_LIMITS, type AbcClass, type AbcLimits } from './abc-classes.js';
export { classifyXyz, periodDemandCv, DEFAULT_XYZ_LIMITS, type XyzClass, type XyzLimits } from './xyz-classes.js';
export { abcXyzMatrix, type AbcXyzMatrix, type MatrixCell } from './abc-xyz-matrix.js';
export { inventoryKpis, type InventoryKpis, type KpiLine } from './inventory-kpis.js';
export { yearlyDemand } from './yearly-demand.js';
export { replayPolicy, type ReplayInput, type ReplayOutcome, type ReviewDecision } from './replay-policy.js';
