/** Runs once when the Next.js server starts, before it serves a request. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this file too; building needs no fleet settings.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { exitOnBadConfig } = await import("@/lib/exit-on-bad-config");
  exitOnBadConfig();
}
