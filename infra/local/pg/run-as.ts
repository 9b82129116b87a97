/**
 * PostgreSQL refuses to run as root. When the engine is root, every postgres
 * process and every file it owns belongs to an unprivileged account instead.
 */
import { readFileSync } from "node:fs";

export type RunAs = { uid: number; gid: number; name: string };

export function resolveRunAs(userName: string): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.split(":")[0] === userName);
  if (!line) {
    throw new Error(
      `Running as root, postgres needs an unprivileged account, but user "${userName}" does not exist. ` +
        "Set RDSDECK_PG_USER to an existing non-root user.",
    );
  }
  const [, , uid, gid] = line.split(":");
  const account = { uid: Number(uid), gid: Number(gid), name: userName };
  if (account.uid === 0) throw new Error(`RDSDECK_PG_USER "${userName}" is root; postgres refuses to run as root.`);
  return account;
}
