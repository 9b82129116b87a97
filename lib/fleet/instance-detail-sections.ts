import type { DBInstance } from "@aws-sdk/client-rds";

/** One fact of DescribeDBInstances; the page formats each kind of value (dates in UTC, booleans as yes/no). */
export type DetailFact = {
  term: string;
  value: string | number | boolean | Date | string[] | undefined;
  /** Identifiers and addresses, shown in a monospace font. */
  mono?: boolean;
};

export type DetailSection = { title: string; facts: DetailFact[] };

const gib = (n: number | undefined) => (n === undefined ? undefined : `${n} GiB`);
const days = (n: number | undefined) =>
  n === undefined ? undefined : n === 0 ? "disabled" : `${n} day${n === 1 ? "" : "s"}`;

/**
 * Everything DescribeDBInstances says about one instance, grouped as the RDS
 * console groups it. Fields RDS leaves out stay in the list (shown as "—"):
 * the page has the same shape for every instance, in every mode.
 */
export function instanceDetailSections(raw: DBInstance): DetailSection[] {
  const replication = raw.StatusInfos?.find((i) => i.StatusType === "read replication");
  return [
    {
      title: "Summary",
      facts: [
        { term: "Identifier", value: raw.DBInstanceIdentifier, mono: true },
        { term: "Status", value: raw.DBInstanceStatus },
        { term: "ARN", value: raw.DBInstanceArn, mono: true },
        { term: "Resource ID", value: raw.DbiResourceId, mono: true },
        { term: "Created", value: raw.InstanceCreateTime },
      ],
    },
    {
      title: "Availability",
      facts: [
        { term: "Availability zone", value: raw.AvailabilityZone },
        { term: "Multi-AZ", value: raw.MultiAZ ?? false },
        { term: "Standby availability zone", value: raw.SecondaryAvailabilityZone },
      ],
    },
    {
      title: "Connectivity and security",
      facts: [
        { term: "Endpoint", value: raw.Endpoint?.Address, mono: true },
        { term: "Port", value: raw.Endpoint?.Port ?? raw.DbInstancePort },
        { term: "Publicly accessible", value: raw.PubliclyAccessible },
        { term: "VPC", value: raw.DBSubnetGroup?.VpcId, mono: true },
        { term: "Subnet group", value: raw.DBSubnetGroup?.DBSubnetGroupName },
        {
          term: "Security groups",
          value: raw.VpcSecurityGroups?.map((g) => `${g.VpcSecurityGroupId ?? "?"} (${g.Status ?? "unknown"})`),
        },
        { term: "CA certificate", value: raw.CACertificateIdentifier },
        { term: "IAM database authentication", value: raw.IAMDatabaseAuthenticationEnabled },
      ],
    },
    {
      title: "Configuration",
      facts: [
        { term: "Engine", value: raw.Engine },
        { term: "Engine version", value: raw.EngineVersion },
        { term: "Instance class", value: raw.DBInstanceClass },
        { term: "License model", value: raw.LicenseModel },
        { term: "Database name", value: raw.DBName },
        { term: "Master username", value: raw.MasterUsername },
        {
          term: "Parameter groups",
          value: raw.DBParameterGroups?.map(
            (g) => `${g.DBParameterGroupName ?? "?"} (${g.ParameterApplyStatus ?? "?"})`,
          ),
        },
        { term: "Option groups", value: raw.OptionGroupMemberships?.map((g) => `${g.OptionGroupName} (${g.Status})`) },
        { term: "Deletion protection", value: raw.DeletionProtection },
        { term: "Auto minor version upgrade", value: raw.AutoMinorVersionUpgrade },
        { term: "Copy tags to snapshots", value: raw.CopyTagsToSnapshot },
      ],
    },
    {
      title: "Storage",
      facts: [
        { term: "Allocated storage", value: gib(raw.AllocatedStorage) },
        { term: "Storage autoscaling limit", value: gib(raw.MaxAllocatedStorage) ?? "autoscaling off" },
        { term: "Storage type", value: raw.StorageType },
        { term: "Provisioned IOPS", value: raw.Iops },
        {
          term: "Storage throughput",
          value: raw.StorageThroughput === undefined ? undefined : `${raw.StorageThroughput} MiBps`,
        },
        { term: "Encrypted", value: raw.StorageEncrypted ?? false },
        { term: "KMS key", value: raw.KmsKeyId, mono: true },
      ],
    },
    {
      title: "Replication",
      facts: [
        { term: "Replicates from", value: raw.ReadReplicaSourceDBInstanceIdentifier },
        { term: "Read replicas", value: raw.ReadReplicaDBInstanceIdentifiers ?? [] },
        { term: "Replication state", value: replication?.Status },
        { term: "Replication message", value: replication?.Message },
      ],
    },
    {
      title: "Backup and maintenance",
      facts: [
        { term: "Backup retention", value: days(raw.BackupRetentionPeriod) },
        { term: "Backup window (UTC)", value: raw.PreferredBackupWindow },
        { term: "Latest restorable time", value: raw.LatestRestorableTime },
        // Only while stopped: when RDS starts it again by itself.
        { term: "Automatic restart time", value: raw.AutomaticRestartTime },
        { term: "Maintenance window (UTC)", value: raw.PreferredMaintenanceWindow },
        {
          term: "Pending modifications",
          value: Object.entries(raw.PendingModifiedValues ?? {})
            .filter(([, pending]) => pending !== undefined)
            .map(([field]) => field),
        },
      ],
    },
    {
      title: "Monitoring and logs",
      facts: [
        { term: "Performance Insights", value: raw.PerformanceInsightsEnabled ?? false },
        { term: "Performance Insights retention", value: days(raw.PerformanceInsightsRetentionPeriod) },
        {
          term: "Enhanced monitoring",
          value: raw.MonitoringInterval ? `every ${raw.MonitoringInterval} s` : "off",
        },
        { term: "Log exports", value: raw.EnabledCloudwatchLogsExports ?? [] },
      ],
    },
  ];
}
