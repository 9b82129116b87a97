/** Builds the production app when .next is missing or older than any source it is built from. */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "drizzle",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];
// Tests live beside the code but are not part of the build.
const isTest = (name: string) => /\.test\.tsx?$/.test(name);

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const st = statSync(entry);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const child of readdirSync(entry, { withFileTypes: true, recursive: true })) {
    if (child.isFile() && !isTest(child.name))
      newest = Math.max(newest, statSync(path.join(child.parentPath, child.name)).mtimeMs);
  }
  return newest;
}

export function buildIsStale(root: string): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}

export function buildApp(root: string, say: (m: string) => void): void {
  say("building the dashboard (next build) — the build is missing or older than the sources");
  const result = spawnSync(
    process.execPath,
    [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production" },
    },
  );
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}
