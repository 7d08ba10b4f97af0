import { defineConfig } from 'vitest/config';

// Unit, database and server tests. End-to-end browser tests have their own config
// (tests/e2e/vitest.config.ts) because they need the built renderer.
export default defineConfig({
  test: {
    include: ['{shared,db,electron,sync-server,scripts,renderer}/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
