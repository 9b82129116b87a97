import "server-only";
import { type RDSClient, RebootDBInstanceCommand } from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import type { DbInstance } from "./fleet-model";
import { getRdsClient } from "./rds-client";
import { toDbInstance } from "./to-db-instance";

/**
 * RebootDBInstance; with `forceFailover` on a Multi-AZ instance, a failover to
 * its standby. Asynchronous like on AWS: it returns the instance already
 * `rebooting` and the work goes on; DescribeDBInstances and DescribeEvents
 * show how it proceeds. Throws Conflict while another action runs on the
 * instance, Invalid for a failover of a Single-AZ instance, NotFound, or
 * Unavailable.
 */
export async function rebootInstance({
  identifier,
  forceFailover = false,
  client = getRdsClient(),
}: {
  identifier: string;
  forceFailover?: boolean;
  client?: RDSClient;
}): Promise<DbInstance> {
  const output = await callRds({ operation: "RebootDBInstance", identifier }, () =>
    client.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: identifier, ForceFailover: forceFailover })),
  );
  return toDbInstance(output.DBInstance ?? { DBInstanceIdentifier: identifier, DBInstanceStatus: "rebooting" });
}
