import "server-only";
import { type RDSClient, StartDBInstanceCommand } from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import type { DbInstance } from "./fleet-model";
import { getRdsClient } from "./rds-client";
import { toDbInstance } from "./to-db-instance";

/**
 * StartDBInstance on a stopped instance. Asynchronous like on AWS: it returns
 * the instance already `starting`. Throws Conflict when it is not stopped,
 * NotFound, or Unavailable.
 */
export async function startInstance({
  identifier,
  client = getRdsClient(),
}: {
  identifier: string;
  client?: RDSClient;
}): Promise<DbInstance> {
  const output = await callRds({ operation: "StartDBInstance", identifier }, () =>
    client.send(new StartDBInstanceCommand({ DBInstanceIdentifier: identifier })),
  );
  return toDbInstance(output.DBInstance ?? { DBInstanceIdentifier: identifier, DBInstanceStatus: "starting" });
}
