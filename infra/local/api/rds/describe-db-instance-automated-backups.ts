import {
  type DBInstanceAutomatedBackup,
  type DBInstanceAutomatedBackupMessage,
  DescribeDBInstanceAutomatedBackups$,
} from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { lookupIdentifier } from "./identifiers";
import { paginate, resolveMaxRecords } from "./paging";
import { rdsFault } from "./rds-errors";
import { compareKeys, type FilterMatchers, filtersPredicate } from "./record-filters";

const input = z.object({
  DbiResourceId: z.string().min(1).optional(),
  DBInstanceIdentifier: lookupIdentifier.optional(),
  DBInstanceAutomatedBackupsArn: z.string().min(1).optional(),
  Filters: z.array(z.object({ Name: z.string(), Values: z.array(z.string()) })).optional(),
  MaxRecords: z.number().optional(),
  Marker: z.string().optional(),
});

/** The filters DescribeDBInstanceAutomatedBackups documents; values of one filter are alternatives. */
const matchers: FilterMatchers<DBInstanceAutomatedBackup> = {
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
      const matchesFilters = filtersPredicate(request.Filters, matchers);
      const all = [...backend.describeDBInstanceAutomatedBackups()].sort((a, b) => compareKeys(keyOf(a), keyOf(b)));
      const matching = all.filter(
        (b) =>
          (request.DbiResourceId === undefined || b.DbiResourceId === request.DbiResourceId) &&
          (request.DBInstanceIdentifier === undefined || b.DBInstanceIdentifier === request.DBInstanceIdentifier) &&
          (request.DBInstanceAutomatedBackupsArn === undefined ||
            b.DBInstanceAutomatedBackupsArn === request.DBInstanceAutomatedBackupsArn) &&
          matchesFilters(b),
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
