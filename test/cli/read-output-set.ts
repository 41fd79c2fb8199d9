import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file of an output set, path -> content (base64); summary.json without its timing fields,
 * so two runs that planned the same compare equal.
 */
export function readSet(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(dir, full)] = readFileSync(full).toString('base64');
    }
  };
  walk(dir);
  const summary = JSON.parse(readFileSync(path.join(dir, 'summary.json'), 'utf8'));
  delete summary.started_at;
  delete summary.finished_at;
  delete summary.durations_ms;
  files['summary.json'] = JSON.stringify(summary);
  return files;
}
