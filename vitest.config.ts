import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**", "cdk.out/**"],
    // Integration tests boot real PostgreSQL fleets; on a 2-core machine they
    // are faster one file at a time than fighting for the CPU.
    fileParallelism: false,
    testTimeout: 60_000,
    // Counts every property's generated inputs and prints the run's total (test-support/fuzz-budget.ts).
    globalSetup: ["test-support/fuzz-ledger.ts"],
    hookTimeout: 120_000,
  },
  resolve: {
    alias: {
      "@": new URL(".", import.meta.url).pathname,
      // Next resolves "server-only" itself; outside Next (tests) it is the empty module Next ships.
      "server-only": "next/dist/compiled/server-only/empty.js",
    },
  },
});
