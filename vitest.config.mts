import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests import services directly.
      "server-only": path.resolve(import.meta.dirname, "lib/testing/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["{app,lib,components,inngest,prisma}/**/*.test.ts", "e2e/fixtures/**/*.test.ts"],
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-database.ts", "inngest/vitest-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: {
      AUTH_SECRET: "test-secret-not-for-production-0123456789",
      DATA_DIR: ".data/test",
      LOG_LEVEL: "warn",
      // Suites call routes far faster than people do; rate-limit tests install their own store.
      RATE_LIMITS: "off",
    },
  },
});
