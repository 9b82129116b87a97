import { ReplicaCard } from "@/components/replica-card";
import type { ReplicaNode } from "@/lib/fleet/fleet-model";
import type { FleetWatch } from "@/lib/fleet/fleet-watch";

type Props = { replicas: ReplicaNode[]; labelledBy?: string; label?: string; watch?: FleetWatch };

/** Read replicas as a list; a replica's own replicas nest under its card. */
export function ReplicaList({ replicas, labelledBy, label, watch }: Props) {
  return (
    <ul aria-label={label} aria-labelledby={labelledBy} className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
      {replicas.map((replica) => (
        <li key={replica.instance.identifier} className="space-y-3">
          <ReplicaCard replica={replica} watch={watch} />
          {replica.replicas.length > 0 ? (
            <div className="border-l-2 border-dashed border-slate-300 pl-3">
              <ReplicaList
                label={`Read replicas of ${replica.instance.identifier}`}
                replicas={replica.replicas}
                watch={watch}
              />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
