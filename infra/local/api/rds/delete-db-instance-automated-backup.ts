import { DeleteDBInstanceAutomatedBackup$, type DeleteDBInstanceAutomatedBackupResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { rdsErrors } from "./rds-errors";

const input = z.object({
  DbiResourceId: z.string().min(1).optional(),
  DBInstanceAutomatedBackupsArn: z.string().min(1).optional(),
});

/** DeleteDBInstanceAutomatedBackup: removes a retained backup (its snapshots and WAL archive); answers it `deleting`. */
export function deleteDBInstanceAutomatedBackupOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: DeleteDBInstanceAutomatedBackup$,
    input,
    handle: (request): DeleteDBInstanceAutomatedBackupResult => {
      if ((request.DbiResourceId === undefined) === (request.DBInstanceAutomatedBackupsArn === undefined)) {
        throw rdsErrors.invalidParameterCombination(
          "Specify exactly one of DbiResourceId and DBInstanceAutomatedBackupsArn.",
        );
      }
      return {
        DBInstanceAutomatedBackup: backend.deleteDBInstanceAutomatedBackup({
          dbiResourceId: request.DbiResourceId,
          arn: request.DBInstanceAutomatedBackupsArn,
        }),
      };
    },
  });
}
