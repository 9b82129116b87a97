import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * The data directory of the fleet playwright.config.ts started. Refuses
 * anything but a fresh directory under the system temp dir, so a test can
 * never kill a developer's own fleet.
 */
export function e2eDataDir(): string {
  const dir = process.env.RDSDECK_E2E_DATA_DIR;
  if (!dir || !path.resolve(dir).startsWith(path.join(tmpdir(), "rdsdeck-e2e-"))) {
    throw new Error(`RDSDECK_E2E_DATA_DIR must be the temporary directory playwright.config.ts creates (got ${dir})`);
  }
  return dir;
}

/** The pid of the postmaster behind a local DB instance, from its postmaster.pid (first line). */
export function postmasterPid(identifier: string): number {
  const file = path.join(e2eDataDir(), "nodes", identifier, "postmaster.pid");
  const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`no postmaster pid in ${file}`);
  return pid;
}
