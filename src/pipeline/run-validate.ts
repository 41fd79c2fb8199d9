import path from 'node:path';
import type { PipelineHooks } from './hooks.js';
import { loadInputs } from './load-inputs.js';
import type { RunSettings } from './settings.js';

export interface ValidateReport {
  readonly files: { name: string; rows: number }[];
  readonly warnings: number;
}

/** Reads every input file named by the settings; throws InputError listing all problems of all files. */
export async function runValidate(settings: RunSettings, hooks: PipelineHooks): Promise<ValidateReport> {
  const inputs = await loadInputs(settings, { sales: settings.files.sales !== '', stock: true });
  for (const warning of inputs.warnings) hooks.warn(warning.message);
  const files: { name: string; rows: number }[] = [];
  const name = (file: string | undefined) => (file ? path.basename(file) : '');
  if (inputs.sales) files.push({ name: name(settings.files.sales), rows: inputs.sales.rowCount });
  if (settings.files.stock) files.push({ name: name(settings.files.stock), rows: inputs.stock.length });
  if (settings.files.items) files.push({ name: name(settings.files.items), rows: inputs.items.length });
  if (settings.files.lanes) files.push({ name: name(settings.files.lanes), rows: inputs.lanes.length });
  return { files, warnings: inputs.warnings.length };
}
