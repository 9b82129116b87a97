import "server-only";
import { type RDSClient, RestoreDBInstanceToPointInTimeCommand } from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import type { DbInstance } from "./fleet-model";
import { getRdsClient } from "./rds-client";
import { toDbInstance } from "./to-db-instance";

/** A live instance by identifier, or any automated backup (a deleted instance's retained one too) by resource ID. */
export type RestoreSource = { instance: string } | { dbiResourceId: string };

/**
 * RestoreDBInstanceToPointInTime: a new instance holding `source`'s data as
 * of `restoreTime` (or its latest restorable time), `creating` until it has
 * its own endpoint. Throws Invalid for a time outside the window (RDS's
 * message names it), Conflict for a name in use, NotFound, Unavailable.
 */
export async function restoreToPointInTime({
  source,
  target,
  restoreTime,
  client = getRdsClient(),
}: {
  source: RestoreSource;
  target: string;
  restoreTime: Date | undefined;
  client?: RDSClient;
}): Promise<DbInstance> {
  const output = await callRds({ operation: "RestoreDBInstanceToPointInTime", identifier: target }, () =>
    client.send(
      new RestoreDBInstanceToPointInTimeCommand({
        ...("instance" in source
          ? { SourceDBInstanceIdentifier: source.instance }
          : { SourceDbiResourceId: source.dbiResourceId }),
        TargetDBInstanceIdentifier: target,
        ...(restoreTime ? { RestoreTime: restoreTime } : { UseLatestRestorableTime: true }),
      }),
    ),
  );
  return toDbInstance(output.DBInstance ?? { DBInstanceIdentifier: target, DBInstanceStatus: "creating" });
}
