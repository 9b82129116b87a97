import type { DBInstance } from "@aws-sdk/client-rds";
import { commonErrors } from "../common-errors";

export interface Filter {
  readonly Name: string;
  readonly Values: readonly string[];
}

type Matcher = (instance: DBInstance, value: string) => boolean;

/**
 * The filters DescribeDBInstances supports (RDS API Reference): instance and
 * cluster filters take identifiers or ARNs; identifiers are case-insensitive.
 */
const matchers: Record<string, Matcher> = {
  "db-cluster-id": (instance, value) =>
    instance.DBClusterIdentifier !== undefined &&
    (sameIdentifier(instance.DBClusterIdentifier, value) || value.endsWith(`:cluster:${instance.DBClusterIdentifier}`)),
  "db-instance-id": (instance, value) => matchesInstance(instance, value),
  "dbi-resource-id": (instance, value) => instance.DbiResourceId === value,
  domain: (instance, value) => instance.DomainMemberships?.some((membership) => membership.Domain === value) ?? false,
  engine: (instance, value) => instance.Engine === value,
};

/** Rejects unknown filter names up front, as RDS does, before matching anything. */
export function instanceFilter(filters: readonly Filter[]): (instance: DBInstance) => boolean {
  const checks = filters.map((filter) => {
    const matcher = matchers[filter.Name];
    if (matcher === undefined) throw commonErrors.invalidParameterValue(`Unrecognized filter name: ${filter.Name}`);
    return { matcher, values: filter.Values };
  });
  // Values of one filter are alternatives; separate filters must all match.
  return (instance) => checks.every(({ matcher, values }) => values.some((value) => matcher(instance, value)));
}

/** An identifier (any case) or the instance's ARN, as DBInstanceIdentifier accepts. */
export function matchesInstance(instance: DBInstance, identifierOrArn: string): boolean {
  if (identifierOrArn.startsWith("arn:")) return instance.DBInstanceArn === identifierOrArn;
  return instance.DBInstanceIdentifier !== undefined && sameIdentifier(instance.DBInstanceIdentifier, identifierOrArn);
}

function sameIdentifier(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
