/**
 * DescribeDBInstanceAutomatedBackups: one entry per instance that keeps
 * automated backups (`active`) and per retained backup of a deleted one
 * (`retained`), with the window a point-in-time restore can reach.
 */
import type { DBInstanceAutomatedBackup } from "@aws-sdk/client-rds";
import { automatedBackupArn, instanceArn } from "../db-instance-arn";
import { EngineFault, type FleetOps } from "../fleet-ops";
import type { InstanceRecord } from "../fleet-state";
import { type RestoreWindow, restoreWindowOf, retainedWindowOf } from "./restore-window";
import type { RetainedBackup } from "./retained-backups";
import { removeSnapshot } from "./take-snapshot";

export function automatedBackups(ops: FleetOps): DBInstanceAutomatedBackup[] {
  const active = ops.state.instances
    .filter((i) => i.role === "writer" && i.backupRetentionPeriod > 0 && !i.pending)
    .map((i) => entry(ops, activeFacts(i), restoreWindowOf(ops, i), "active"));
  const retained = ops.retained.all().map((r) => entry(ops, retainedFacts(r), retainedWindowOf(ops, r), "retained"));
  return [...active, ...retained];
}

type Facts = {
  id: string;
  dbiResourceId: string;
  createdAt: string;
  az: string;
  port: number;
  retention: number;
};

const activeFacts = (i: InstanceRecord): Facts => ({
  id: i.id,
  dbiResourceId: i.dbiResourceId,
  createdAt: i.createdAt,
  az: i.node.az,
  port: i.endpointPort,
  retention: i.backupRetentionPeriod,
});

const retainedFacts = (r: RetainedBackup): Facts => ({
  id: r.instanceId,
  dbiResourceId: r.dbiResourceId,
  createdAt: r.instanceCreatedAt,
  az: r.availabilityZone,
  port: r.port,
  retention: r.backupRetentionPeriod,
});

function entry(
  ops: FleetOps,
  f: Facts,
  window: RestoreWindow | undefined,
  status: "active" | "retained",
): DBInstanceAutomatedBackup {
  return {
    DBInstanceArn: instanceArn(ops.fleet, "db-instance", f.id),
    DbiResourceId: f.dbiResourceId,
    Region: ops.fleet.region,
    DBInstanceIdentifier: f.id,
    // An instance whose first automated backup has not finished yet has no window.
    RestoreWindow: window ? { EarliestTime: window.earliest, LatestTime: window.latest } : {},
    AllocatedStorage: ops.fleet.allocatedStorageGiB,
    Status: status,
    Port: f.port,
    AvailabilityZone: f.az,
    InstanceCreateTime: new Date(f.createdAt),
    MasterUsername: ops.credentials.master.username,
    Engine: ops.fleet.engine,
    EngineVersion: ops.engineVersion,
    LicenseModel: "postgresql-license",
    Encrypted: ops.fleet.storageEncrypted,
    StorageType: ops.fleet.storageType,
    IAMDatabaseAuthenticationEnabled: false,
    BackupRetentionPeriod: f.retention,
    PreferredBackupWindow: ops.fleet.preferredBackupWindow,
    DBInstanceAutomatedBackupsArn: automatedBackupArn(ops.fleet, f.dbiResourceId),
    BackupTarget: "region",
  };
}

/** DeleteDBInstanceAutomatedBackup: a retained backup only; an instance's own go when it is deleted. */
export function deleteRetainedBackup(ops: FleetOps, dbiResourceId: string): DBInstanceAutomatedBackup {
  const retained = ops.retained.get(dbiResourceId);
  if (!retained) {
    const live = ops.state.instances.find((i) => i.dbiResourceId === dbiResourceId);
    if (live) {
      throw new EngineFault(
        "InvalidDBInstanceAutomatedBackupState",
        `The automated backup of ${live.id} is active: delete the DB instance itself, or set its BackupRetentionPeriod to 0.`,
      );
    }
    throw new EngineFault(
      "DBInstanceAutomatedBackupNotFound",
      `No automated backup with resource ID ${dbiResourceId} was found.`,
    );
  }
  const reading = ops.snapshots.all().find((s) => s.dbiResourceId === dbiResourceId && ops.snapshots.inUse(s.id));
  if (reading) {
    throw new EngineFault(
      "InvalidDBInstanceAutomatedBackupState",
      `The automated backup of ${retained.instanceId} is being restored from (${reading.id}); delete it once the restore is done.`,
    );
  }
  const answer = {
    ...entry(ops, retainedFacts(retained), retainedWindowOf(ops, retained), "retained"),
    Status: "deleting",
  };
  for (const s of ops.snapshots.all()) {
    if (s.type === "automated" && s.dbiResourceId === dbiResourceId) removeSnapshot(ops, s);
  }
  ops.retained.remove(dbiResourceId);
  return answer;
}
