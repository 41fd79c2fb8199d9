import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { SET_MANIFEST_NAME } from '../io/output-set/output-set.js';

/**
 * `stockcast forecast` writes one file; when its folder is the output set of `stockcast plan`
 * (the `--out` link to `.out.sets/set-…/`, or a real folder swapped in on Windows, both holding
 * the set marker), that file would replace the set's forecast.csv and leave summary.json and
 * reorder.csv describing an older forecast. Refuse before reading anything.
 */
export function refuseOutputSet(forecastFile: string): void {
  const folder = path.dirname(forecastFile);
  if (!existsSync(path.join(folder, SET_MANIFEST_NAME))) return;
  throw new UsageError(
    `${folder} is the output set of \`stockcast plan\`; forecast would change a file inside it. `
    + 'Write elsewhere with -o FILE.csv or -o FOLDER, or run `stockcast plan`, which writes forecast.csv into the set',
  );
}
