import { instanceFacts } from "@/components/instance-facts";
import { instanceHref } from "@/components/instance-href";
import { NodeCard } from "@/components/node-card";
import type { Topology } from "@/lib/fleet/fleet-model";
import type { FleetWatch } from "@/lib/fleet/fleet-watch";

/** The topology's root: its writer, or a replica of a source in another region. */
export function WriterCard({ topology, watch }: { topology: Topology; watch: FleetWatch | undefined }) {
  const { writer, externalSource } = topology;
  const facts = instanceFacts(writer);
  facts.push({ term: "Multi-AZ", detail: writer.multiAz ? "yes" : "no" });
  if (externalSource) facts.push({ term: "Replicates from", detail: externalSource });
  return (
    <NodeCard
      facts={facts}
      firingAlarms={watch?.firingByInstance[writer.identifier]}
      href={instanceHref(writer.identifier)}
      headingId={`${writer.identifier}-name`}
      replication={externalSource ? "asynchronous" : undefined}
      nodeRole={externalSource ? "replica" : "writer"}
      status={writer.status}
      testId={`instance-${writer.identifier}`}
      title={writer.identifier}
    />
  );
}
