/**
 * DescribeValidDBInstanceModifications: what ModifyDBInstance accepts for an
 * instance now. Storage grows by at least 10 % up to RDS's 64 TiB for each
 * type the fleet knows, with storage autoscaling; the local fleet models no
 * provisioned IOPS or throughput ranges, and no processor features (an empty
 * list, as RDS gives for classes without them).
 */
import type { ValidDBInstanceModificationsMessage } from "@aws-sdk/client-rds";
import type { FleetOps } from "./fleet-ops";
import { storageTypeSchema } from "./fleet-state";
import { instanceSettings } from "./instance-settings";
import { MAX_STORAGE_GIB, smallestGrowth } from "./storage-change";

export function validModifications(ops: FleetOps, instanceId: string): ValidDBInstanceModificationsMessage {
  const record = ops.requireInstance(instanceId);
  const from = smallestGrowth(instanceSettings(ops.fleet, record).allocatedStorage);
  return {
    Storage: storageTypeSchema.options.map((StorageType) => ({
      StorageType,
      StorageSize: [{ From: from, To: MAX_STORAGE_GIB, Step: 1 }],
      SupportsStorageAutoscaling: true,
    })),
    ValidProcessorFeatures: [],
    SupportsDedicatedLogVolume: false,
  };
}
