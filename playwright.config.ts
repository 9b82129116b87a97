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

/** A spec's project: after the setup project, as the given role (none: the spec signs in itself). */
function afterSignIn(name: string, testMatch: string, role?: Parameters<typeof authState>[0]) {
  return { name, testMatch, dependencies: ["setup"], ...(role ? { use: { storageState: authState(role) } } : {}) };
}

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
  // One fleet for the whole run. Every spec depends only on sign-in (the setup project), so one failing spec
  // never skips the others; with one worker, Playwright runs the projects of one phase in the order listed here
  // (checked: a failing project in the middle leaves the later ones running, in order), and that order still
  // matters where a spec reads what an earlier one did or changes what a later one looks at:
  // - the failover drill starts from a fleet with no events; events reads the drill's and the reboots' events (run it
  //   with --project=actions); parameter groups and modify, which reboot or change replica-2, come after them;
  // - metrics and the alarm drill want every node up, so they come before roles (which reboots a replica),
  //   overview (which ends by killing one) and operations (which promotes replica-2 out of the topology);
  // - writer-down freezes the writer and its standby, so it comes last.
  // Tags, logs and Performance Insights change nothing another spec looks at.
  projects: [
    { name: "setup", testMatch: "auth.setup.ts" },
    afterSignIn("tags", "tags.spec.ts", "operator"),
    afterSignIn("logs", "logs.spec.ts", "viewer"),
    // Reads Performance Insights of a workload it runs itself.
    afterSignIn("performance-insights", "performance-insights.spec.ts", "viewer"),
    afterSignIn("actions", "failover.spec.ts", "admin"),
    afterSignIn("events", "events.spec.ts", "admin"),
    // Creates a group, switches replica-2 to it and reboots it, then puts replica-2 back on the default group.
    afterSignIn("parameter-groups", "parameter-groups.spec.ts", "operator"),
    // Queues a class change on a replica and Multi-AZ off on the writer for the maintenance window, and empties
    // both queues again.
    afterSignIn("modify", "modify.spec.ts", "operator"),
    afterSignIn("metrics", "metrics.spec.ts", "operator"),
    afterSignIn("alarms", "alarms.spec.ts", "operator"),
    afterSignIn("roles", "roles.spec.ts"),
    afterSignIn("headers", "headers.spec.ts", "admin"),
    // Mints an API key for the secret check at the end of the run (scripts/run-e2e.ts).
    afterSignIn("api-keys", "api-keys.spec.ts", "admin"),
    afterSignIn("overview", "overview.spec.ts", "viewer"),
    // Deleting an instance is the admin's; this spec restores a snapshot and promotes replica-2 out of the topology.
    afterSignIn("operations", "operations.spec.ts", "admin"),
    // Creates an instance of its own (a promoted replica), stops and starts it from its page, deletes it.
    afterSignIn("stop-start", "stop-start.spec.ts", "operator"),
    afterSignIn("writer-down", "writer-down.spec.ts"),
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
      RDSDECK_MAINTENANCE_WINDOW: "off",
      // pg_stat_statements' deltas every 5 s, not every minute: the top SQL's rates show within a spec's patience.
      RDSDECK_INSIGHTS_INTERVAL_SECONDS: "5",
      PORT: String(APP_PORT),
      RDSDECK_ADMIN_EMAIL: E2E_ADMIN.email,
      RDSDECK_ADMIN_PASSWORD: E2E_ADMIN.password,
    },
  },
});
