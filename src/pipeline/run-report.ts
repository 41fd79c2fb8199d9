import path from 'node:path';
import { resolveSetDir } from '../io/read/read-output-set.js';
import { writeFileAtomic } from '../io/write/write-file-atomic.js';
import { buildReport } from './report/build-report.js';

export interface ReportRequest {
  /** The output set (or a data folder whose `out/` is one); default `./out`. */
  readonly dir?: string;
  /** Where to write the page: a file, `-` for stdout; default `<set>/report.html`. */
  readonly out?: string;
  readonly top: number;
  /** A saved `stockcast backtest --json` for the forecast accuracy KPI. */
  readonly backtestFile?: string;
}

export interface ReportRun {
  readonly setDir: string;
  /** The file written; undefined when the page went to stdout (`html` holds it). */
  readonly file?: string;
  readonly html?: string;
  readonly bytes: number;
  readonly charts: number;
  readonly items: number;
  readonly lines: number;
  readonly durationMs: number;
}

/** `stockcast report`: rebuilds report.html from an output set's files, written atomically. */
export async function runReport(request: ReportRequest): Promise<ReportRun> {
  const started = performance.now();
  const setDir = resolveSetDir(request.dir);
  const report = await buildReport(setDir, { top: request.top, backtestFile: request.backtestFile });
  const bytes = Buffer.byteLength(report.html);
  const facts = { setDir, bytes, charts: report.charts, items: report.items, lines: report.lines };
  if (request.out === '-') return { ...facts, html: report.html, durationMs: Math.round(performance.now() - started) };
  const file = request.out === undefined ? path.join(setDir, 'report.html') : path.resolve(request.out);
  await writeFileAtomic(file, report.html);
  return { ...facts, file, durationMs: Math.round(performance.now() - started) };
}
