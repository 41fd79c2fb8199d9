import type { SettingsInput } from './settings.js';

/**
 * Settings from `stockcast.config.json` (in the data folder, or `--config PATH`), as flag-shaped
 * values that command-line flags override.
 */
export async function loadSettingsFromConfig(_dir: string | undefined, _explicitPath: string | undefined): Promise<SettingsInput> {
  return {};
}
