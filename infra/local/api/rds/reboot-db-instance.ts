import { RebootDBInstance$, type RebootDBInstanceResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";

const input = z.object({
  DBInstanceIdentifier: z.string().min(1),
  ForceFailover: z.boolean().optional(),
});

/** RebootDBInstance: asynchronous like on AWS; the answer shows the instance already `rebooting`. */
export function rebootDBInstanceOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: RebootDBInstance$,
    input,
    handle: (request): RebootDBInstanceResult => ({
      DBInstance: backend.rebootDBInstance({
        identifier: request.DBInstanceIdentifier.toLowerCase(),
        forceFailover: request.ForceFailover ?? false,
      }),
    }),
  });
}
