import { instanceHref } from "@/components/instance-href";
import { NodeCard } from "@/components/node-card";
import type { Standby } from "@/lib/fleet/fleet-model";

/**
 * A Multi-AZ standby. RDS does not list it as an instance: it has no endpoint
 * and shares its writer's status, so the card says so rather than invent one.
 */
export function StandbyCard({ standby }: { standby: Standby }) {
  return (
    <NodeCard
      facts={[
        { term: "Availability zone", detail: standby.availabilityZone ?? "being placed" },
        { term: "Replication", detail: "synchronous: a commit returns once the standby has it" },
        { term: "Endpoint", detail: `none of its own; takes over ${standby.writerIdentifier}'s endpoint on failover` },
      ]}
      headingId={`${standby.writerIdentifier}-standby-name`}
      href={instanceHref(standby.writerIdentifier)}
      replication="synchronous"
      nodeRole="standby"
      status={standby.status}
      testId={`standby-of-${standby.writerIdentifier}`}
      title={`${standby.writerIdentifier} standby`}
    />
  );
}
