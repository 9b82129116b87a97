/** The RDS metrics the collector publishes, with the units CloudWatch documents for them (AWS/RDS namespace). */
export const RDS_NAMESPACE = "AWS/RDS";
export const RDS_DIMENSION = "DBInstanceIdentifier";

export const RDS_METRIC_UNITS = {
  CPUUtilization: "Percent",
  DatabaseConnections: "Count",
  FreeStorageSpace: "Bytes",
  FreeableMemory: "Bytes",
  ReadIOPS: "Count/Second",
  WriteIOPS: "Count/Second",
  ReadThroughput: "Bytes/Second",
  WriteThroughput: "Bytes/Second",
  ReplicaLag: "Seconds",
  TransactionLogsDiskUsage: "Bytes",
  TransactionLogsGeneration: "Bytes/Second",
  OldestReplicationSlotLag: "Bytes",
  MaximumUsedTransactionIDs: "Count",
} as const;

export type RdsMetricName = keyof typeof RDS_METRIC_UNITS;
