/**
 * The schema of the run history store (`stockcast.db`, DuckDB) as numbered migrations. A store
 * records the version it is at in `schema_version` (one row per migration applied); opening a
 * store applies the migrations it lacks, in order, each in its own transaction. Never edit a
 * migration that has shipped: add the next one.
 *
 * Tables (version 1):
 * - `runs`: one row per successful `plan`: run id, as-of date, frequency, season, output horizon,
 *   started/finished (UTC), sha256 of the inputs (and per file, JSON), settings (JSON), version.
 * - `series`: one row per SKU x warehouse of a run: supplier, method, demand class, first
 *   forecast period, and the in-sample scales the realised accuracy is divided by (mean absolute
 *   and mean squared seasonal-naive error of the history the forecast was made from).
 * - `forecasts`: one row per series and output period (forecast.csv), keyed by run and series.
 * - `orders` and `alerts`: the rows of reorder.csv and alerts.csv.
 * Version 2 adds the view `forecast_rows` (forecasts with their SKU, warehouse, run date, method,
 * class and supplier), for ad-hoc queries with the duckdb CLI.
 */

export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly statements: readonly string[];
}

export const HISTORY_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'runs, series, forecasts, orders, alerts',
    statements: [
      `CREATE TABLE runs (
        run_id INTEGER NOT NULL,
        as_of DATE NOT NULL,
        freq VARCHAR NOT NULL,
        season_period INTEGER NOT NULL,
        horizon INTEGER NOT NULL,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP NOT NULL,
        inputs_sha256 VARCHAR NOT NULL,
        inputs VARCHAR NOT NULL,
        settings VARCHAR NOT NULL,
        version VARCHAR NOT NULL,
        series_count INTEGER NOT NULL,
        forecast_rows BIGINT NOT NULL
      )`,
      `CREATE TABLE series (
        run_id INTEGER NOT NULL,
        series_no INTEGER NOT NULL,
        sku VARCHAR NOT NULL,
        warehouse VARCHAR NOT NULL,
        supplier VARCHAR,
        method VARCHAR NOT NULL,
        demand_class VARCHAR NOT NULL,
        first_period DATE NOT NULL,
        mase_scale DOUBLE,
        rmsse_scale DOUBLE
      )`,
      `CREATE TABLE forecasts (
        run_id INTEGER NOT NULL,
        series_no INTEGER NOT NULL,
        step SMALLINT NOT NULL, -- 1 = the first forecast period
        period DATE NOT NULL,
        forecast DOUBLE NOT NULL,
        lo80 DOUBLE, hi80 DOUBLE, lo95 DOUBLE, hi95 DOUBLE
      )`,
      `CREATE TABLE orders (
        run_id INTEGER NOT NULL,
        sku VARCHAR NOT NULL, warehouse VARCHAR NOT NULL, supplier VARCHAR,
        on_hand DOUBLE, on_order DOUBLE, allocated DOUBLE, available DOUBLE, lead_time_days DOUBLE,
        demand_over_lead_time DOUBLE, safety_stock DOUBLE, reorder_point DOUBLE, order_up_to DOUBLE,
        order_qty DOUBLE, days_of_cover DOUBLE, stockout_date DATE, unit_cost DOUBLE, order_value DOUBLE
      )`,
      `CREATE TABLE alerts (
        run_id INTEGER NOT NULL,
        sku VARCHAR NOT NULL, warehouse VARCHAR NOT NULL, type VARCHAR NOT NULL, severity VARCHAR,
        on_hand DOUBLE, days_of_cover DOUBLE, excess_qty DOUBLE, excess_value DOUBLE, message VARCHAR
      )`,
    ],
  },
  {
    version: 2,
    description: 'view forecast_rows: forecasts with names, run date, method, class and supplier',
    statements: [
      `CREATE VIEW forecast_rows AS
        SELECT r.run_id, r.as_of, s.sku, s.warehouse, f.period, f.step, f.forecast, f.lo80, f.hi80, f.lo95, f.hi95,
               s.method, s.demand_class, s.supplier
        FROM forecasts f
        JOIN series s ON s.run_id = f.run_id AND s.series_no = f.series_no
        JOIN runs r ON r.run_id = f.run_id`,
    ],
  },
];

/** The version a store is at after every migration of this build. */
export const HISTORY_SCHEMA_VERSION = HISTORY_MIGRATIONS[HISTORY_MIGRATIONS.length - 1].version;

/** Tables a run's rows live in, children before `runs` (the order retention deletes them in). */
export const RUN_TABLES = ['forecasts', 'series', 'orders', 'alerts', 'runs'] as const;
