import {
  type DBInstanceAutomatedBackup,
  type DBInstanceAutomatedBackupMessage,
  DescribeDBInstanceAutomatedBackups$,
} from "@aws-sdk/client-rds";
import { z } from "zod";
import { commonErrors } from "../common-errors";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { lookupIdentifier } from "./identifiers";
import { paginate, resolveMaxRecords } from "./paging";
import { rdsFault } from "./rds-errors";

const input = z.object({
  DbiResourceId: z.string().min(1).optional(),
  DBInstanceIdentifier: lookupIdentifier.optional(),
  DBInstanceAutomatedBackupsArn: z.string().min(1).optional(),
  Filters: z.array(z.object({ Name: z.string(), Values: z.array(z.string()) })).optional(),
  MaxRecords: z.number().optional(),
  Marker: z.string().optional(),
});

/** The filters DescribeDBInstanceAutomatedBackups documents; values of one filter are alternatives. */
const matchers: Record<string, (b: DBInstanceAutomatedBackup, value: string) => boolean> = {
  status: (b, v) => b.Status === v,
  "db-instance-id": (b, v) => b.DBInstanceIdentifier === v.toLowerCase() || b.DBInstanceArn === v,
  "dbi-resource-id": (b, v) => b.DbiResourceId === v,
};

/**
 * DescribeDBInstanceAutomatedBackups: the automated backups of live instances
 * (`active`) and of deleted ones (`retained`), each with its RestoreWindow.
 */
export function describeDBInstanceAutomatedBackupsOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeDBInstanceAutomatedBackups$,
    input,
    handle: (request): DBInstanceAutomatedBackupMessage => {
      const maxRecords = resolveMaxRecords(request.MaxRecords);
      const checks = (request.Filters ?? []).map((f) => {
        const matcher = matchers[f.Name];
        if (!matcher) throw commonErrors.invalidParameterValue(`Unrecognized filter name: ${f.Name}`);
        return (b: DBInstanceAutomatedBackup) => f.Values.some((v) => matcher(b, v));
      });
      const all = [...backend.describeDBInstanceAutomatedBackups()].sort((a, b) => compare(keyOf(a), keyOf(b)));
      const matching = all.filter(
        (b) =>
          (request.DbiResourceId === undefined || b.DbiResourceId === request.DbiResourceId) &&
          (request.DBInstanceIdentifier === undefined || b.DBInstanceIdentifier === request.DBInstanceIdentifier) &&
          (request.DBInstanceAutomatedBackupsArn === undefined ||
            b.DBInstanceAutomatedBackupsArn === request.DBInstanceAutomatedBackupsArn) &&
          checks.every((check) => check(b)),
      );
      const named = request.DbiResourceId ?? request.DBInstanceAutomatedBackupsArn;
      if (named !== undefined && matching.length === 0) {
        throw rdsFault("DBInstanceAutomatedBackupNotFound", `No automated backup ${named} was found.`);
      }
      const { page, nextMarker } = paginate(matching, keyOf, { maxRecords, marker: request.Marker });
      return { DBInstanceAutomatedBackups: page, ...(nextMarker === undefined ? {} : { Marker: nextMarker }) };
    },
  });
}

const keyOf = (b: DBInstanceAutomatedBackup) => b.DbiResourceId ?? "";
const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
