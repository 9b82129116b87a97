/**
 * The RDS events the local engine emits, with RDS's own ids, categories and
 * messages (Amazon RDS User Guide, "Amazon RDS event categories and event
 * messages"), so clients that match on them behave as on AWS.
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
} as const;

export type RdsEventKind = keyof typeof RDS_EVENTS;
