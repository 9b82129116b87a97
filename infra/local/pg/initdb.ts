/** Creates a node's data directory with initdb, as the account postgres runs as. */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PgBinaries } from "./binaries";
import { chownFile } from "./ownership";
import type { RunAs } from "./run-as";
import type { Login } from "./sql-client";

export async function initdb(
  bin: PgBinaries,
  dataDir: string,
  superuser: Login,
  runAs: RunAs | undefined,
): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chownFile(dataDir, runAs);
  // initdb reads the password from a file, never from argv where ps would show it.
  const pwfile = path.join(dataDir, "..", `.${path.basename(dataDir)}.pw`);
  writeFileSync(pwfile, `${superuser.password}\n`, { mode: 0o600 });
  chownFile(pwfile, runAs);
  try {
    const args = [
      "-D",
      dataDir,
      "-U",
      superuser.username,
      `--pwfile=${pwfile}`,
      "--auth=scram-sha-256",
      "--encoding=UTF8",
      "--locale=C",
      "--data-checksums",
      "--no-instructions",
    ];
    let output = "";
    const child = spawn(bin.initdb, args, { uid: runAs?.uid, gid: runAs?.gid, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", resolve);
    });
    if (code !== 0) throw new Error(`initdb failed for ${dataDir} (exit ${code}):\n${output.trim()}`);
  } finally {
    rmSync(pwfile, { force: true });
  }
}
