import type { Fact } from "@/components/fact-list";
import type { DbInstance, Storage } from "@/lib/fleet/fleet-model";
import { pendingChanges } from "@/lib/fleet/pending-changes";

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
    ...pendingFacts(instance),
  ];
}

/**
 * ModifyDBInstance's queued changes, current → new, and when they apply: in the maintenance window, or now
 * (the instance is modifying). Nothing when none wait.
 */
function pendingFacts(instance: DbInstance): Fact[] {
  const changes = pendingChanges(instance);
  if (changes.length === 0) return [];
  const when =
    instance.status === "modifying"
      ? "being applied now"
      : `in the maintenance window (${instance.maintenanceWindow ?? "not set"} UTC)`;
  return [
    {
      term: "Pending modifications",
      detail: <span data-testid="pending-modifications">{`${changes.join(" · ")} — ${when}`}</span>,
    },
  ];
}

/** The instance page's line for ModifyDBInstance's queued changes (the overview cards show the same as a fact). */
export function PendingModifications({ instance }: { instance: DbInstance }) {
  const [fact] = pendingFacts(instance);
  if (!fact) return null;
  return (
    <p className="rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950" role="status">
      <span className="font-medium">{fact.term}: </span>
      {fact.detail}
    </p>
  );
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
