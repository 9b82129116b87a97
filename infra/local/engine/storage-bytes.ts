/**
 * How many real bytes an instance's allocation stands for. The local fleet
 * can't give each instance a 20 GiB volume, so an allocated GiB is
 * RDSDECK_STORAGE_GIB_BYTES real bytes (2^30 unless set): FreeStorageSpace,
 * low storage, storage-full and storage autoscaling all measure the data
 * directory against this one figure.
 */
import type { Fleet } from "../../fleet";
import type { EngineConfig } from "../config";
import type { InstanceRecord } from "./fleet-state";
import { instanceSettings } from "./instance-settings";

export function allocatedBytes(
  config: Pick<EngineConfig, "storageGibBytes">,
  fleet: Fleet,
  record: InstanceRecord | undefined,
): number {
  const gib = record ? instanceSettings(fleet, record).allocatedStorage : fleet.allocatedStorageGiB;
  return gib * config.storageGibBytes;
}

/** Bytes as RDS's event messages write sizes: GB with two decimals, in the fleet's own GiB. */
export const asGb = (bytes: number, gibBytes: number) => `${(bytes / gibBytes).toFixed(2)} GB`;
