import type { DbInstance } from "@/lib/fleet/fleet-model";

/**
 * What storage-full means for the people reading the instance page: writes are refused until the storage
 * grows. RDS's own remedy is ModifyDBInstance with a larger AllocatedStorage (at least 10 % more), which
 * the Modify action takes in this state; storage autoscaling does it by itself up to its ceiling.
 */
export function StorageFullNotice({ instance }: { instance: DbInstance }) {
  if (instance.status !== "storage-full") return null;
  const { allocatedGiB, maxAllocatedGiB } = instance.storage;
  const autoscaling =
    maxAllocatedGiB !== undefined && allocatedGiB !== undefined && maxAllocatedGiB > allocatedGiB
      ? ` Storage autoscaling may grow it, up to ${maxAllocatedGiB} GiB.`
      : "";
  return (
    <p
      className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-950"
      data-testid="storage-full-notice"
      role="status"
    >
      <span className="font-medium">Storage full: </span>
      {`${instance.identifier} has used all of its ${allocatedGiB ?? "allocated"}${
        allocatedGiB === undefined ? "" : " GiB"
      } of storage and refuses writes until its storage grows: Modify → allocated storage, at least 10 % more.${autoscaling}`}
    </p>
  );
}
