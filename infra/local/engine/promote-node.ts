/**
 * Promotes a standby node to read-write and waits until it is. pg_promote
 * with wait returns false, not an error, when promotion did not finish in
 * time, so the answer is checked; and the statement gets a client time limit
 * beyond its own wait, since promotion on a busy node outlasts a probe's.
 */
import type { FleetOps } from "./fleet-ops";
import type { RuntimeNode } from "./runtime-node";

const PROMOTE_WAIT_SECONDS = 60;

export async function promoteNode(ops: FleetOps, node: RuntimeNode): Promise<void> {
  const { rows } = await ops.asAdmin(
    node,
    (db) => db.query<{ promoted: boolean }>("select pg_promote(true, $1) as promoted", [PROMOTE_WAIT_SECONDS]),
    { queryTimeoutMs: (PROMOTE_WAIT_SECONDS + 15) * 1000 },
  );
  if (rows[0]?.promoted !== true) {
    throw new Error(`${node.name} did not finish promotion within ${PROMOTE_WAIT_SECONDS} s; ${node.logPointer()}`);
  }
}
