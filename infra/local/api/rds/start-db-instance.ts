import { StartDBInstance$, type StartDBInstanceResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { lookupIdentifier } from "./identifiers";

const input = z.object({ DBInstanceIdentifier: lookupIdentifier });

/** StartDBInstance: asynchronous like on AWS; the answer shows the instance `starting`. */
export function startDBInstanceOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: StartDBInstance$,
    input,
    handle: (request): StartDBInstanceResult => ({
      DBInstance: backend.startDBInstance({ instanceId: request.DBInstanceIdentifier }),
    }),
  });
}
