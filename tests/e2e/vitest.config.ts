import { defineConfig } from 'vitest/config';

// End-to-end tests: a real sync server, a real till core in browser mode and Debian's
// Chromium driven by playwright-core. Needs the built renderer (npm run build:renderer).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
