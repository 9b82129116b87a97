/**
 * Makes a live writer's archive reach "now": completes its current WAL
 * segment, waits until the archive holds it, and samples the writer's
 * position after it. Used where what the archive holds must include every
 * commit made so far: before a deleted instance's backup is retained, and
 * before a point-in-time restore reads the archive.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseLsn } from "../../pg/wal-files";
import type { FleetOps } from "../fleet-ops";
import type { RuntimeNode } from "../runtime-node";

const FLUSH_TIMEOUT_MS = 15_000;

export async function flushArchive(ops: FleetOps, node: RuntimeNode, dir: string): Promise<void> {
  const before = Date.now();
  const { rows } = await ops.asAdmin(node, (db) =>
    db.query<{ segment: string; lsn: string }>(
      "select pg_walfile_name(l) as segment, l::text as lsn from pg_switch_wal() as l",
    ),
  );
  const file = path.join(dir, `${rows[0]?.segment}.gz`);
  const deadline = Date.now() + FLUSH_TIMEOUT_MS;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${path.basename(file)} was not archived within ${FLUSH_TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  // Every commit acknowledged before the switch lies before its position, now archived. The probe's own sample
  // may land past it (any WAL written since, e.g. a hint bit's full-page image), so it alone may not vouch for "now".
  const switchedAt = rows[0]?.lsn;
  if (switchedAt) node.monitor.walSamples.push({ at: before, lsn: parseLsn(switchedAt) });
  await node.monitor.probe();
}
