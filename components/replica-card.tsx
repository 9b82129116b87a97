import { instanceFacts } from "@/components/instance-facts";
import { instanceHref } from "@/components/instance-href";
import { NodeCard } from "@/components/node-card";
import { StatusBadge } from "@/components/status-badge";
import { UtcTime } from "@/components/utc-time";
import type { ReplicaNode } from "@/lib/fleet/fleet-model";
import type { FleetWatch } from "@/lib/fleet/fleet-watch";
import { formatMetricValue } from "@/lib/fleet/format-metric-value";
import type { LatestValue } from "@/lib/fleet/latest-metric";

/** A read replica: its facts, replication state and, on the overview, its current lag and firing alarms. */
export function ReplicaCard({ replica, watch }: { replica: ReplicaNode; watch: FleetWatch | undefined }) {
  const { instance } = replica;
  const facts = instanceFacts(instance);
  if (instance.sourceIdentifier) facts.push({ term: "Replicates from", detail: instance.sourceIdentifier });
  if (instance.replication?.message) facts.push({ term: "Replication message", detail: instance.replication.message });
  if (watch) facts.push({ term: "Replica lag", detail: describeLag(watch.replicaLag[instance.identifier]) });
  return (
    <NodeCard
      badges={
        instance.replication ? (
          <StatusBadge label="replication" status={instance.replication.status} testId="replication" />
        ) : undefined
      }
      facts={facts}
      firingAlarms={watch?.firingByInstance[instance.identifier]}
      href={instanceHref(instance.identifier)}
      headingId={`${instance.identifier}-name`}
      replication="asynchronous"
      nodeRole="replica"
      status={instance.status}
      testId={`instance-${instance.identifier}`}
      title={instance.identifier}
    />
  );
}

function describeLag(lag: LatestValue | undefined) {
  if (!lag) return "no datapoint in the last 5 minutes";
  return (
    <span data-testid="replica-lag">
      {formatMetricValue(lag.value, "Seconds")} at <UtcTime date={lag.at} />
    </span>
  );
}
