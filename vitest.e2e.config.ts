import { defineConfig } from 'vitest/config';

/** End-to-end tests: the built extension in real Chromium and Firefox. Run after `npm run build`. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    // A shared 2-core CI machine can take more than the default second to write IndexedDB and
    // re-render a page; a condition that never holds still fails, only later.
    expect: { poll: { timeout: 5_000 } },
  },
});
