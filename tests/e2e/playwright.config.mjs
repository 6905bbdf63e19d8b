// Browser tests: the real built extension (dist/extension) in Debian's Chromium, against fixture
// pages served under the platforms' real host names (support/server.mjs). `make test` runs them.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs$/,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: '../../target/e2e/results',
});
