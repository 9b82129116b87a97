import Link from "next/link";
import { instanceHref } from "@/components/instance-href";
import type { DbInstance } from "@/lib/fleet/fleet-model";
import { instanceRole } from "@/lib/fleet/instance-actions";

/**
 * Where this instance sits: a writer with its standby's zone and its
 * replicas, or a replica and its source. After a failover this is where the
 * new placement shows (writer and standby zones swapped).
 */
export function InstanceTopology({ instance }: { instance: DbInstance }) {
  const writer = instanceRole(instance) === "writer";
  return (
    <section aria-labelledby="topology-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="text-base font-semibold text-slate-900" id="topology-title">
        Topology
      </h2>
      <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-600">{writer ? "Writer" : "Read replica"} in</dt>
          <dd className="font-medium text-slate-900" data-testid="topology-instance-az">
            {instance.availabilityZone ?? "—"}
          </dd>
        </div>
        {writer ? (
          <div>
            <dt className="text-xs text-slate-600">Multi-AZ standby in</dt>
            <dd className="font-medium text-slate-900" data-testid="topology-standby-az">
              {instance.multiAz ? (instance.secondaryAvailabilityZone ?? "being placed") : "no standby (Single-AZ)"}
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="text-xs text-slate-600">{writer ? "Read replicas" : "Replicates from"}</dt>
          <dd className="text-slate-900">
            {writer ? (
              <InstanceLinks identifiers={instance.replicaIdentifiers} />
            ) : (
              <SourceLink source={instance.sourceIdentifier} />
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function InstanceLinks({ identifiers }: { identifiers: string[] }) {
  if (identifiers.length === 0) return <span className="text-slate-500">none</span>;
  return (
    <ul>
      {identifiers.map((id) => (
        <li key={id}>
          <InstanceLink identifier={id} />
        </li>
      ))}
    </ul>
  );
}

/** A cross-region source is an ARN: it has no page here. */
function SourceLink({ source }: { source: string | undefined }) {
  if (!source) return <span className="text-slate-500">—</span>;
  return source.startsWith("arn:") ? (
    <span className="break-all font-mono text-xs">{source}</span>
  ) : (
    <InstanceLink identifier={source} />
  );
}

function InstanceLink({ identifier }: { identifier: string }) {
  return (
    <Link
      className="text-sky-800 underline underline-offset-2 hover:text-sky-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
      href={instanceHref(identifier)}
    >
      {identifier}
    </Link>
  );
}
