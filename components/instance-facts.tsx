import type { Fact } from "@/components/fact-list";
import type { DbInstance, Storage } from "@/lib/fleet/fleet-model";

const dash = "—";

/** The facts every instance card shows: class, engine, zone, endpoint, storage. */
export function instanceFacts(instance: DbInstance): Fact[] {
  const { endpoint } = instance;
  return [
    { term: "Class", detail: instance.instanceClass ?? dash },
    { term: "Engine", detail: [instance.engine, instance.engineVersion].filter(Boolean).join(" ") || dash },
    { term: "Availability zone", detail: instance.availabilityZone ?? dash },
    {
      term: "Endpoint",
      detail: endpoint ? (
        <code className="font-mono text-[0.8125rem]">{`${endpoint.host}:${endpoint.port}`}</code>
      ) : (
        "none yet"
      ),
    },
    { term: "Storage", detail: describeStorage(instance.storage) },
  ];
}

export function describeStorage(storage: Storage): string {
  const size =
    storage.allocatedGiB === undefined
      ? undefined
      : storage.maxAllocatedGiB === undefined
        ? `${storage.allocatedGiB} GiB`
        : `${storage.allocatedGiB} GiB, up to ${storage.maxAllocatedGiB} GiB`;
  return [size, storage.type, storage.encrypted ? "encrypted" : "not encrypted"].filter(Boolean).join(" · ");
}
