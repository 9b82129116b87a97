import {
  DescribeValidDBInstanceModifications$,
  type DescribeValidDBInstanceModificationsResult,
} from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { lookupIdentifier } from "./identifiers";

const input = z.object({ DBInstanceIdentifier: lookupIdentifier });

/** DescribeValidDBInstanceModifications: the storage ModifyDBInstance accepts for an instance now. */
export function describeValidDBInstanceModificationsOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeValidDBInstanceModifications$,
    input,
    handle: (request): DescribeValidDBInstanceModificationsResult => ({
      ValidDBInstanceModificationsMessage: backend.describeValidDBInstanceModifications({
        instanceId: request.DBInstanceIdentifier,
      }),
    }),
  });
}
