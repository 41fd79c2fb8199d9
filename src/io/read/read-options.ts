/** Options and warnings shared by every input reader (`read-*.ts`). */

export interface ReadOptions {
  /** Field -> header for files whose headers differ, e.g. `{ sku: 'series' }` (`--map`). */
  readonly map?: Readonly<Record<string, string>>;
  /** Text encoding of the file (`--encoding`); default utf-8. A UTF-8 or UTF-16 BOM is skipped. */
  readonly encoding?: string;
  /** Date format (`--date-format`): ISO `YYYY-MM-DD` (default), `DD/MM/YYYY`, `MM/DD/YYYY`, `DD.MM.YYYY`, `YYYY/MM/DD`. */
  readonly dateFormat?: string;
  /** `true`: numbers use a decimal comma; `false`: a decimal point; undefined: detected for `;` files. */
  readonly decimalComma?: boolean;
  /** Name used in messages; default the file's base name. */
  readonly displayName?: string;
  /** Threads the sales reader may read a large CSV file on (`--jobs`); default 1. Other readers use one. */
  readonly threads?: number;
}

/** A recoverable oddity, reported once per kind with how often it occurred. */
export interface Warning {
  /** Stable code for tests and `--json`, e.g. `unknown-column`. */
  readonly code: string;
  /** Human sentence naming the file and the first occurrence. */
  readonly message: string;
  readonly count: number;
}

/** Collects warnings, keeping the first message of each code and counting the rest. */
export interface WarningLog {
  add(code: string, message: string, count?: number): void;
  list(): Warning[];
}

export function createWarningLog(): WarningLog {
  const byCode = new Map<string, { message: string; count: number }>();
  return {
    add(code, message, count = 1) {
      const entry = byCode.get(code);
      if (entry) entry.count += count;
      else byCode.set(code, { message, count });
    },
    list() {
      return [...byCode].map(([code, entry]) => ({ code, message: entry.message, count: entry.count }));
    },
  };
}
