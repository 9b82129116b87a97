import { ReplicaList } from "@/components/replica-list";
import { StandbyCard } from "@/components/standby-card";
import { WriterCard } from "@/components/writer-card";
import type { ReplicaNode, Topology } from "@/lib/fleet/fleet-model";
import type { FleetWatch } from "@/lib/fleet/fleet-watch";

/** One replication topology: the writer beside its Multi-AZ standby, then its read replicas. */
export function TopologySection({ topology, watch }: { topology: Topology; watch: FleetWatch | undefined }) {
  const id = topology.writer.identifier;
  const replicaCount = countReplicas(topology.replicas);
  const summary = [
    topology.standby ? "Multi-AZ" : "Single-AZ",
    `${replicaCount} read replica${replicaCount === 1 ? "" : "s"}`,
  ].join(" · ");
  return (
    <section aria-labelledby={`topology-${id}`} className="space-y-4" data-testid={`topology-${id}`}>
      <div className="flex flex-wrap items-baseline gap-x-3">
        <h2 className="text-lg font-semibold text-slate-900" id={`topology-${id}`}>
          {id}
        </h2>
        <p className="text-sm text-slate-600">{summary}</p>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <WriterCard topology={topology} watch={watch} />
        {topology.standby ? <StandbyCard standby={topology.standby} /> : null}
      </div>
      {topology.replicas.length > 0 ? (
        <div className="space-y-2">
          <p className="text-sm font-medium text-slate-700" id={`replicas-of-${id}`}>
            Read replicas of {id} · asynchronous
          </p>
          <ReplicaList labelledBy={`replicas-of-${id}`} replicas={topology.replicas} watch={watch} />
        </div>
      ) : null}
    </section>
  );
}

const countReplicas = (replicas: ReplicaNode[]): number =>
  replicas.reduce((n, r) => n + 1 + countReplicas(r.replicas), 0);
