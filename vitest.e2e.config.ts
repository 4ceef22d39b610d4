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
  },
});
