import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/cli/build-cli.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { TZ: 'UTC', NO_COLOR: '1' },
  },
});
