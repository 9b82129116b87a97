/**
 * RDS events as the dashboard sees them (DescribeEvents). The lists below are
 * RDS's own source types and event categories (Amazon RDS User Guide, "Amazon
 * RDS event categories and event messages"), offered as filters.
 */

export const eventSourceTypes = [
  "db-instance",
  "db-snapshot",
  "db-parameter-group",
  "db-security-group",
  "db-cluster",
  "db-cluster-snapshot",
  "db-proxy",
  "blue-green-deployment",
  "custom-engine-version",
] as const;

export type EventSourceType = (typeof eventSourceTypes)[number];

export const eventCategories = [
  "availability",
  "backup",
  "configuration change",
  "creation",
  "deletion",
  "failover",
  "failure",
  "low storage",
  "maintenance",
  "notification",
  "read replica",
  "recovery",
  "restoration",
  "security",
  "security patching",
] as const;

export type EventCategory = (typeof eventCategories)[number];

export type RdsEvent = {
  date: Date;
  sourceType: string;
  sourceIdentifier: string;
  message: string;
  categories: string[];
  sourceArn: string | undefined;
};
