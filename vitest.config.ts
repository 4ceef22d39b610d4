import { defineConfig } from 'vitest/config';

/** Unit tests: pure logic, repositories and migrations on fake-indexeddb, the router. */
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
  },
});
