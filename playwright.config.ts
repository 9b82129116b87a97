/**
 * e2e: a real Chromium against the production build and a real local fleet,
 * both started by `npm start` in a fresh data directory per run, on ports of
 * their own so a developer's running rdsdeck is left alone.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { authState, E2E_ADMIN } from "./e2e/auth-files";

const APP_PORT = 3100;

// Playwright loads this file in the runner and again in every worker. The
// runner creates the data directory; workers inherit it through the env, and
// the spec reads it there to reach the fleet's files. `npm run test:e2e`
// (scripts/run-e2e.ts) creates it instead and keeps it past Playwright's exit,
// to check every log of the run for secrets before deleting it.
const dataDir = process.env.RDSDECK_E2E_DATA_DIR ?? createDataDir();

function createDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "rdsdeck-e2e-"));
  process.env.RDSDECK_E2E_DATA_DIR = dir;
  // "exit" comes after the web server (and with it the fleet) has shut down.
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const debianChromium = "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  // One stack, and tests that change it (a replica is killed): one at a time, never retried.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    browserName: "chromium",
    trace: "retain-on-failure",
    launchOptions: existsSync(debianChromium)
      ? {
          executablePath: debianChromium,
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        }
      : {},
  },
  // One fleet for the whole run, so the specs that change it run in a fixed order.
  // Sign-in comes first (the setup project signs each role in); then the failover drill and the reboots, the
  // events page (which lists what they did), metrics and the alarm drill (which want every node up), the
  // roles spec (which reboots a replica and waits for it), the overview (which ends by killing a replica), the
  // operations (snapshot, restore, promote, delete), and last the drill that freezes the writer. The log
  // viewer's spec needs only sign-in and the writer, so it runs anywhere before that drill.
  projects: [
    { name: "setup", testMatch: "auth.setup.ts" },
    // Adds a tag to the writer and removes it again: it changes nothing the other specs look at, so it needs only
    // the operator signed in.
    {
      name: "tags",
      testMatch: "tags.spec.ts",
      dependencies: ["setup"],
      use: { storageState: authState("operator") },
    },
    {
      name: "actions",
      testMatch: "failover.spec.ts",
      dependencies: ["setup"],
      use: { storageState: authState("admin") },
    },
    {
      name: "events",
      testMatch: "events.spec.ts",
      dependencies: ["actions"],
      use: { storageState: authState("admin") },
    },
    {
      name: "metrics",
      testMatch: "metrics.spec.ts",
      dependencies: ["events"],
      use: { storageState: authState("operator") },
    },
    {
      name: "alarms",
      testMatch: "alarms.spec.ts",
      dependencies: ["metrics"],
      use: { storageState: authState("operator") },
    },
    { name: "roles", testMatch: "roles.spec.ts", dependencies: ["alarms"] },
    {
      name: "headers",
      testMatch: "headers.spec.ts",
      dependencies: ["roles"],
      use: { storageState: authState("admin") },
    },
    // Mints an API key for the secret check at the end of the run (scripts/run-e2e.ts).
    {
      name: "api-keys",
      testMatch: "api-keys.spec.ts",
      dependencies: ["headers"],
      use: { storageState: authState("admin") },
    },
    {
      name: "overview",
      testMatch: "overview.spec.ts",
      dependencies: ["api-keys"],
      use: { storageState: authState("viewer") },
    },
    // Deleting an instance is the admin's; this spec restores a snapshot and promotes replica-2 out of the topology.
    {
      name: "operations",
      testMatch: "operations.spec.ts",
      dependencies: ["overview"],
      use: { storageState: authState("admin") },
    },
    // The log viewer, as the viewer: it only needs the writer up, so before writer-down.
    {
      name: "logs",
      testMatch: "logs.spec.ts",
      dependencies: ["setup"],
      use: { storageState: authState("viewer") },
    },
    // Reads Performance Insights of a workload it runs itself and changes nothing: it needs only a signed-in viewer
    // and the writer up, so before writer-down.
    {
      name: "performance-insights",
      testMatch: "performance-insights.spec.ts",
      dependencies: ["setup"],
      use: { storageState: authState("viewer") },
    },
    // Creates an instance of its own (a promoted replica), stops and starts it from its page, deletes it: it needs
    // only the operator signed in and the writer up, so before writer-down.
    {
      name: "stop-start",
      testMatch: "stop-start.spec.ts",
      dependencies: ["setup"],
      use: { storageState: authState("operator") },
    },
    {
      name: "writer-down",
      testMatch: "writer-down.spec.ts",
      dependencies: ["operations", "tags", "logs", "performance-insights", "stop-start"],
    },
  ],

  webServer: {
    command: "npm start",
    url: `http://127.0.0.1:${APP_PORT}/sign-in`,
    // A cold fleet boot plus `next build` on a 2-core machine.
    timeout: 6 * 60_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    // The launcher stops the app, then the fleet's nodes in order.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    env: {
      RDSDECK_DATA_DIR: dataDir,
      RDSDECK_PORT_BASE: "25432",
      RDSDECK_API_PORT: "25480",
      // A run inside the backup window must not find instances busy with a scheduled snapshot.
      RDSDECK_AUTOMATED_BACKUPS: "off",
      // pg_stat_statements' deltas every 5 s, not every minute: the top SQL's rates show within a spec's patience.
      RDSDECK_INSIGHTS_INTERVAL_SECONDS: "5",
      PORT: String(APP_PORT),
      RDSDECK_ADMIN_EMAIL: E2E_ADMIN.email,
      RDSDECK_ADMIN_PASSWORD: E2E_ADMIN.password,
    },
  },
});
