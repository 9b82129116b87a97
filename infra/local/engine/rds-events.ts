/**
 * The RDS events the local engine emits, with RDS's own ids, categories and
 * messages (Amazon RDS User Guide, "Amazon RDS event categories and event
 * messages"), so clients that match on them behave as on AWS. The id is kept
 * in events.jsonl only (DescribeEvents has no id field). The one event RDS
 * does not document, a failed snapshot, has id "local" and a category that
 * DB snapshots have.
 */
export const RDS_EVENTS = {
  backupStarted: { id: "RDS-EVENT-0001", categories: ["backup"], message: "Backing up DB instance" },
  backupFinished: { id: "RDS-EVENT-0002", categories: ["backup"], message: "Finished DB Instance backup" },
  shutdown: { id: "RDS-EVENT-0004", categories: ["availability"], message: "DB instance shutdown" },
  restarted: { id: "RDS-EVENT-0006", categories: ["availability"], message: "DB instance restarted" },
  failoverStarted: {
    id: "RDS-EVENT-0013",
    categories: ["failover"],
    message: "A Multi-AZ failover that resulted in the promotion of a standby instance has started.",
  },
  failoverPromoted: {
    id: "RDS-EVENT-0015",
    categories: ["failover"],
    message:
      "The Multi-AZ failover that resulted in the promotion of a standby instance is complete. It may take several minutes for the DNS to transfer to the new primary.",
  },
  failoverCompleted: { id: "RDS-EVENT-0049", categories: ["failover"], message: "Multi-AZ failover has completed." },
  recoveryStarted: { id: "RDS-EVENT-0052", categories: ["recovery"], message: "Multi-AZ instance recovery started." },
  recoveryCompleted: {
    id: "RDS-EVENT-0053",
    categories: ["recovery"],
    message: "Multi-AZ instance recovery completed.",
  },
  replicationError: {
    id: "RDS-EVENT-0045",
    categories: ["read replica"],
    message: "An error has occurred in the read replication process.",
  },
  replicationResumed: {
    id: "RDS-EVENT-0046",
    categories: ["read replica"],
    message: "Replication for the Read Replica resumed.",
  },
  replicationTerminated: {
    id: "RDS-EVENT-0057",
    categories: ["read replica"],
    message: "Replication for the Read Replica terminated.",
  },
  replicaCreationFailed: {
    id: "RDS-EVENT-0202",
    categories: ["read replica"],
    message: "Read replica creation failed.",
  },
  instanceCreated: { id: "RDS-EVENT-0005", categories: ["creation"], message: "DB instance created" },
  instanceDeleted: { id: "RDS-EVENT-0003", categories: ["deletion"], message: "DB instance deleted" },
  instanceFailed: {
    id: "RDS-EVENT-0031",
    categories: ["failure"],
    message: "DB instance failed.",
  },
  restoredFromSnapshot: { id: "RDS-EVENT-0043", categories: ["restoration"], message: "Restored from snapshot" },
  restoredFromInstance: { id: "RDS-EVENT-0019", categories: ["restoration"], message: "Restored from DB instance" },
  backupsDisabled: {
    id: "RDS-EVENT-0028",
    categories: ["configuration change"],
    message: "Automatic backups for this DB instance have been disabled.",
  },
  backupsEnabled: {
    id: "RDS-EVENT-0032",
    categories: ["configuration change"],
    message: "Automatic backups for this DB instance have been enabled.",
  },
  manualSnapshotStarted: { id: "RDS-EVENT-0040", categories: ["creation"], message: "Creating manual snapshot" },
  manualSnapshotCreated: { id: "RDS-EVENT-0042", categories: ["creation"], message: "Manual snapshot created" },
  automatedSnapshotStarted: { id: "RDS-EVENT-0090", categories: ["creation"], message: "Creating automated snapshot" },
  automatedSnapshotCreated: { id: "RDS-EVENT-0091", categories: ["creation"], message: "Automated snapshot created" },
  manualSnapshotDeleted: { id: "RDS-EVENT-0041", categories: ["deletion"], message: "Deleted manual snapshot" },
  automatedSnapshotDeleted: { id: "RDS-EVENT-0041", categories: ["deletion"], message: "Deleted automated snapshot" },
  parameterGroupChanged: {
    id: "RDS-EVENT-0011",
    categories: ["configuration change"],
    message: "Updated to use DBParameterGroup",
  },
  parameterGroupApplied: {
    id: "RDS-EVENT-0092",
    categories: ["configuration change"],
    message: "Finished updating DB parameter group.",
  },
  /** Source type db-parameter-group; the detail is "<name> to <value> with apply method <method>.". */
  parameterUpdated: { id: "RDS-EVENT-0037", categories: ["configuration change"], message: "Updated parameter" },
  classChangeStarted: {
    id: "RDS-EVENT-0012",
    categories: ["configuration change"],
    message: "Applying modification to database instance class.",
  },
  classChangeFinished: {
    id: "RDS-EVENT-0014",
    categories: ["configuration change"],
    message: "Finished applying modification to DB instance class.",
  },
  storageChangeStarted: {
    id: "RDS-EVENT-0018",
    categories: ["configuration change"],
    message: "Applying modification to allocated storage.",
  },
  storageChangeFinished: {
    id: "RDS-EVENT-0017",
    categories: ["configuration change"],
    message: "Finished applying modification to allocated storage.",
  },
  multiAzConversionStarted: {
    id: "RDS-EVENT-0024",
    categories: ["configuration change"],
    message: "Applying modification to convert to a Multi-AZ DB instance.",
  },
  multiAzConversionFinished: {
    id: "RDS-EVENT-0025",
    categories: ["configuration change"],
    message: "Finished applying modification to convert to a Multi-AZ DB instance.",
  },
  singleAzConversionFinished: {
    id: "RDS-EVENT-0029",
    categories: ["configuration change"],
    message: "Finished applying modification to convert to a standard (Single-AZ) DB instance.",
  },
  masterCredentialsReset: {
    id: "RDS-EVENT-0016",
    categories: ["configuration change"],
    message: "Reset master credentials.",
  },
  instanceStopped: { id: "RDS-EVENT-0087", categories: ["notification"], message: "DB instance stopped." },
  instanceStarted: { id: "RDS-EVENT-0088", categories: ["notification"], message: "DB instance started." },
  automaticRestart: {
    id: "RDS-EVENT-0154",
    categories: ["notification"],
    message: "DB instance is being started due to it exceeding the maximum allowed time being stopped.",
  },
  storageExhausted: {
    id: "RDS-EVENT-0007",
    categories: ["low storage"],
    message: "Allocated storage has been exhausted. Allocate additional storage to resolve.",
  },
  /** The detail is "<id> is low at <n>% of the provisioned storage [Provisioned Storage: …, Free Storage: …]. …". */
  storageLow: {
    id: "RDS-EVENT-0089",
    categories: ["low storage"],
    message: "The free storage capacity for DB instance:",
  },
  autoscalingStarted: {
    id: "RDS-EVENT-0217",
    categories: ["configuration change"],
    message: "Applying autoscaling-initiated modification to allocated storage.",
  },
  autoscalingFinished: {
    id: "RDS-EVENT-0218",
    categories: ["configuration change"],
    message: "Finished applying autoscaling-initiated modification to allocated storage.",
  },
  /** The detail is "<n> GB is approaching the maximum storage threshold <m> GB. Increase the maximum storage threshold.". */
  autoscalingNearCeiling: {
    id: "RDS-EVENT-0225",
    categories: ["notification"],
    message: "Allocated storage size",
  },
  snapshotFailed: { id: "local", categories: ["notification"], message: "Snapshot creation failed." },
} as const;

export type RdsEventKind = keyof typeof RDS_EVENTS;
