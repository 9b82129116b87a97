/**
 * The RDS API's view of the engine: DBInstance and Event shapes from the
 * engine's state, and the engine's refusals as the AWS faults SDKs expect.
 */
import type { DBInstance, Event } from "@aws-sdk/client-rds";
import type { Fleet } from "../fleet.js";
import { rdsErrors } from "./api/rds/rds-errors.js";
import type { RdsBackend } from "./api/rds-backend.js";
import { toDBInstance } from "./engine/db-instance.js";
import type { FleetEngine } from "./engine/fleet-engine.js";
import { EngineFault } from "./engine/fleet-ops.js";

function toAwsError(error: unknown, identifier: string): unknown {
  if (!(error instanceof EngineFault)) return error;
  switch (error.code) {
    case "DBInstanceNotFound":
      return rdsErrors.dbInstanceNotFound(identifier);
    case "InvalidDBInstanceState":
      return rdsErrors.invalidDBInstanceState(error.message);
    case "InvalidParameterCombination":
      return rdsErrors.invalidParameterCombination(error.message);
  }
}

export function engineRdsBackend(engine: FleetEngine, fleet: Fleet): RdsBackend {
  const describeInstances = (): DBInstance[] =>
    engine.instances().map((i) => toDBInstance(fleet, i, engine.credentials.master.username, engine.engineVersion));
  return {
    describeDBInstances: describeInstances,
    rebootDBInstance: ({ identifier, forceFailover }) => {
      try {
        engine.rebootDBInstance(identifier, forceFailover);
      } catch (error) {
        throw toAwsError(error, identifier);
      }
      const now = describeInstances().find((i) => i.DBInstanceIdentifier === identifier);
      if (!now) throw rdsErrors.dbInstanceNotFound(identifier);
      return now;
    },
    describeEvents: (): Event[] =>
      engine.events.all().map((e) => ({
        SourceIdentifier: e.sourceId,
        SourceType: e.sourceType,
        SourceArn: e.sourceArn,
        Message: e.message,
        EventCategories: e.categories,
        Date: new Date(e.date),
      })),
  };
}
