/** Waits until followers stream from a source node, as pg_stat_replication on the source shows them. */
import { EngineError } from "./engine-instance";
import type { FleetOps } from "./fleet-ops";
import type { RuntimeNode } from "./runtime-node";

export async function waitStreaming(
  ops: Pick<FleetOps, "asAdmin" | "progress">,
  source: RuntimeNode,
  followers: RuntimeNode[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(followers.map((f) => f.name));
  while (pending.size > 0) {
    const rows = await ops.asAdmin(source, (db) =>
      db.query<{ application_name: string }>(
        "select application_name from pg_stat_replication where state = 'streaming'",
      ),
    );
    for (const r of rows.rows) {
      if (pending.delete(r.application_name)) ops.progress(`${r.application_name}: streaming from ${source.name}`);
    }
    if (pending.size === 0) return;
    if (Date.now() > deadline) throw new EngineError(`Not streaming after ${timeoutMs} ms: ${[...pending].join(", ")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
