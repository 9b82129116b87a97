import "server-only";
import { Unavailable } from "@/lib/errors";
import { describeFleet } from "./describe-fleet";
import type { ReplicaNode } from "./fleet-model";

/** Every DB instance a form may offer; none when RDS cannot be read (the form then offers what it has). */
export async function readInstanceIdentifiers(): Promise<string[]> {
  try {
    const { topologies } = await describeFleet();
    const walk = (nodes: ReplicaNode[]): string[] => nodes.flatMap((n) => [n.instance.identifier, ...walk(n.replicas)]);
    return topologies.flatMap((t) => [t.writer.identifier, ...walk(t.replicas)]);
  } catch (error) {
    if (error instanceof Unavailable) return [];
    throw error;
  }
}
