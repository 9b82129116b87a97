import { type DBSnapshot, type DBSnapshotMessage, DescribeDBSnapshots$ } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { lookupIdentifier } from "./identifiers";
import { paginate, resolveMaxRecords } from "./paging";
import { rdsErrors } from "./rds-errors";
import { compareKeys, type FilterMatchers, filtersPredicate } from "./record-filters";

const SNAPSHOT_TYPES = ["automated", "manual", "shared", "public", "awsbackup"] as const;

const input = z.object({
  DBInstanceIdentifier: lookupIdentifier.optional(),
  DBSnapshotIdentifier: lookupIdentifier.optional(),
  SnapshotType: z.enum(SNAPSHOT_TYPES).optional(),
  Filters: z.array(z.object({ Name: z.string(), Values: z.array(z.string()) })).optional(),
  MaxRecords: z.number().optional(),
  Marker: z.string().optional(),
  IncludeShared: z.boolean().optional(),
  IncludePublic: z.boolean().optional(),
  DbiResourceId: z.string().optional(),
});

const lower = (s: string | undefined) => s?.toLowerCase();

/** The filters DescribeDBSnapshots documents; values of one filter are alternatives. */
const matchers: FilterMatchers<DBSnapshot> = {
  "db-instance-id": (s, v) => lower(s.DBInstanceIdentifier) === lower(v) || v.endsWith(`:db:${s.DBInstanceIdentifier}`),
  "db-snapshot-id": (s, v) => lower(s.DBSnapshotIdentifier) === lower(v) || s.DBSnapshotArn === v,
  "dbi-resource-id": (s, v) => s.DbiResourceId === v,
  "snapshot-type": (s, v) => s.SnapshotType === v,
  engine: (s, v) => s.Engine === v,
};

/**
 * DescribeDBSnapshots: one snapshot by identifier (DBSnapshotNotFound if
 * none), or those of an instance, of a type, filtered and paged. Shared,
 * public and AWS Backup snapshots do not exist locally.
 */
export function describeDBSnapshotsOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeDBSnapshots$,
    input,
    handle: (request): DBSnapshotMessage => {
      const maxRecords = resolveMaxRecords(request.MaxRecords);
      const matchesFilters = filtersPredicate(request.Filters, matchers);
      let snapshots = [...backend.describeDBSnapshots()].sort((a, b) => compareKeys(idOf(a), idOf(b)));
      const wanted = request.DBSnapshotIdentifier;
      if (wanted !== undefined) {
        snapshots = snapshots.filter((s) => idOf(s) === wanted || s.DBSnapshotArn === wanted);
        if (snapshots.length === 0) throw rdsErrors.dbSnapshotNotFound(wanted);
      }
      const matching = snapshots.filter(
        (s) =>
          (request.DBInstanceIdentifier === undefined ||
            lower(s.DBInstanceIdentifier) === request.DBInstanceIdentifier) &&
          (request.SnapshotType === undefined || s.SnapshotType === request.SnapshotType) &&
          (request.DbiResourceId === undefined || s.DbiResourceId === request.DbiResourceId) &&
          matchesFilters(s),
      );
      const { page, nextMarker } = paginate(matching, idOf, { maxRecords, marker: request.Marker });
      return { DBSnapshots: page, ...(nextMarker === undefined ? {} : { Marker: nextMarker }) };
    },
  });
}

const idOf = (s: DBSnapshot) => s.DBSnapshotIdentifier ?? "";
