import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/cli/build-cli.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // STOCKCAST_HISTORY=off: CLI tests plan on shared folders (samples/, fixtures) and must not
    // leave a run history there; the history tests set it themselves.
    env: { TZ: 'UTC', NO_COLOR: '1', STOCKCAST_HISTORY: 'off' },
  },
});
