/** Runs once when the Next.js server starts, before it serves a request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this file too; building needs no fleet settings.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { exitOnBadConfig } = await import("@/lib/exit-on-bad-config");
  exitOnBadConfig();
  // The users API: pools, probes and migrations (skipped, with a log line, when DATABASE_WRITER_URL is unset).
  const { prepareDatabase } = await import("@/lib/db/prepare-database");
  await prepareDatabase();
  // rdsdeck's own store: migrations, the first admin on first run, the API-key registry.
  const { prepareStore } = await import("@/lib/startup/prepare-store");
  await prepareStore();
  // The API's entry point for the custom server's node:http fast path (scripts/app-server.mjs).
  const { registerApiFastPath } = await import("@/lib/api/fast-path");
  registerApiFastPath();
}
