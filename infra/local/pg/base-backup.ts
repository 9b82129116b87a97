/**
 * Clones a running node with PostgreSQL's low-level backup API
 * (pg_backup_start / copy the files / pg_backup_stop), which needs no
 * pg_basebackup binary. Writes continue on the source throughout; the clone
 * replays WAL from the backup's checkpoint, streamed through its own
 * replication slot (created first, so the WAL it needs is retained).
 */
import { renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { copyTree } from "./live-copy";
import { chownTree } from "./ownership";
import type { RunAs } from "./run-as";
import { type Login, type NodeAddress, SLOW_STATEMENT_TIMEOUT_MS, withNode } from "./sql-client";

export type CloneRequest = {
  source: NodeAddress;
  sourceDataDir: string;
  admin: Login;
  caCertPem: string;
  /** One target data directory per clone, each with the replication slot it will stream from. */
  targets: { dataDir: string; slot: string }[];
  runAs: RunAs | undefined;
};

export async function cloneNode(req: CloneRequest): Promise<void> {
  const staging = `${req.targets[0]?.dataDir ?? req.sourceDataDir}.clone-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await withNode(
    req.source,
    req.admin,
    req.caCertPem,
    async (db) => {
      for (const { slot } of req.targets) {
        await db.query(
          "select pg_create_physical_replication_slot($1, true) where not exists (select 1 from pg_replication_slots where slot_name = $1)",
          [slot],
        );
      }
      await db.query("select pg_backup_start($1, true)", ["rdsdeck clone"]);
      let stopped = false;
      try {
        await copyTree(req.sourceDataDir, staging, { mode: "dataDir" });
        const { rows } = await db.query<{ labelfile: string; spcmapfile: string }>(
          "select labelfile, spcmapfile from pg_backup_stop(false)",
        );
        stopped = true;
        writeFileSync(path.join(staging, "backup_label"), rows[0]?.labelfile ?? "", { mode: 0o600 });
        if (rows[0]?.spcmapfile)
          writeFileSync(path.join(staging, "tablespace_map"), rows[0].spcmapfile, { mode: 0o600 });
      } finally {
        // A backup left open blocks the next one; the session ending also aborts it, but say so explicitly.
        if (!stopped) await db.query("select pg_backup_stop(false)").catch(() => undefined);
      }
    },
    // The fast checkpoint pg_backup_start asks for can take long on a node busy with writes.
    { queryTimeoutMs: SLOW_STATEMENT_TIMEOUT_MS },
  );
  for (const [i, { dataDir }] of req.targets.entries()) {
    rmSync(dataDir, { recursive: true, force: true });
    if (i === req.targets.length - 1) renameSync(staging, dataDir);
    else await copyTree(staging, dataDir, { mode: "plain" });
    chownTree(dataDir, req.runAs);
  }
}
