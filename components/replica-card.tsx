import { instanceFacts } from "@/components/instance-facts";
import { instanceHref } from "@/components/instance-href";
import { NodeCard } from "@/components/node-card";
import { StatusBadge } from "@/components/status-badge";
import type { ReplicaNode } from "@/lib/fleet/fleet-model";

export function ReplicaCard({ replica }: { replica: ReplicaNode }) {
  const { instance } = replica;
  const facts = instanceFacts(instance);
  if (instance.sourceIdentifier) facts.push({ term: "Replicates from", detail: instance.sourceIdentifier });
  if (instance.replication?.message) facts.push({ term: "Replication message", detail: instance.replication.message });
  return (
    <NodeCard
      badges={
        instance.replication ? (
          <StatusBadge label="replication" status={instance.replication.status} testId="replication" />
        ) : undefined
      }
      facts={facts}
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
