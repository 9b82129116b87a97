import {
  DescribeDBLogFiles$,
  type DescribeDBLogFilesDetails,
  type DescribeDBLogFilesResponse,
} from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { lookupIdentifier } from "./identifiers";
import { paginate, resolveMaxRecords } from "./paging";

const input = z.object({
  DBInstanceIdentifier: lookupIdentifier,
  FilenameContains: z.string().optional(),
  FileLastWritten: z.number().int("expected epoch milliseconds").min(0).optional(),
  FileSize: z.number().int("expected a number of bytes").min(0).optional(),
  // RDS documents Filters as not supported: refused by name rather than ignored.
  Filters: z.array(z.unknown()).max(0, "DescribeDBLogFiles supports no Filters").optional(),
  MaxRecords: z.number().optional(),
  Marker: z.string().optional(),
});

/**
 * DescribeDBLogFiles: an instance's log files whose name contains
 * FilenameContains, written at or after FileLastWritten (epoch ms), larger
 * than FileSize bytes; in name order (oldest hour first), paged.
 */
export function describeDBLogFilesOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeDBLogFiles$,
    input,
    handle: (request): DescribeDBLogFilesResponse => {
      const maxRecords = resolveMaxRecords(request.MaxRecords);
      const matching = backend
        .describeDBLogFiles({ instanceId: request.DBInstanceIdentifier })
        .filter(
          (f) =>
            (request.FilenameContains === undefined || nameOf(f).includes(request.FilenameContains)) &&
            (request.FileLastWritten === undefined || (f.LastWritten ?? 0) >= request.FileLastWritten) &&
            (request.FileSize === undefined || (f.Size ?? 0) > request.FileSize),
        )
        .sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
      const { page, nextMarker } = paginate(matching, nameOf, { maxRecords, marker: request.Marker });
      return { DescribeDBLogFiles: page, ...(nextMarker === undefined ? {} : { Marker: nextMarker }) };
    },
  });
}

const nameOf = (f: DescribeDBLogFilesDetails) => f.LogFileName ?? "";
