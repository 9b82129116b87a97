import "server-only";
import { type Settled, settle } from "../page-data/settle";
import { type AlarmSummary, summarizeAlarms } from "./alarm-model";
import { describeAlarms } from "./describe-alarms";
import type { Fleet, ReplicaNode } from "./fleet-model";
import { type LatestValue, latestMetricValues } from "./latest-metric";

/** What CloudWatch adds to the overview: alarms by state, who is firing, and each replica's current lag. */
export type FleetWatch = AlarmSummary & { replicaLag: Record<string, LatestValue> };

/**
 * Reads the fleet's alarms and its replicas' latest ReplicaLag together. The
 * overview stands without them: CloudWatch being unreachable is reported, not thrown.
 */
export async function readFleetWatch(fleet: Fleet): Promise<Settled<FleetWatch>> {
  const walk = (nodes: ReplicaNode[]): string[] => nodes.flatMap((n) => [n.instance.identifier, ...walk(n.replicas)]);
  const replicas = fleet.topologies.flatMap((t) => walk(t.replicas));
  return settle(
    async () => {
      const [alarms, replicaLag] = await Promise.all([
        describeAlarms(),
        latestMetricValues({ metric: "ReplicaLag", identifiers: replicas }),
      ]);
      return { ...summarizeAlarms(alarms), replicaLag };
    },
    { settles: "any-domain-error" },
  );
}
