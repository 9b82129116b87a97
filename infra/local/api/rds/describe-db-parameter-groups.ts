import { type DBParameterGroupsMessage, DescribeDBParameterGroups$ } from "@aws-sdk/client-rds";
import { z } from "zod";
import { commonErrors } from "../common-errors";
import type { ParameterGroupBackend } from "../parameter-group-backend";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import { paginate, resolveMaxRecords } from "./paging";
import { parameterGroupName } from "./parameter-group-input";
import { rdsFault } from "./rds-errors";

const input = z.object({
  DBParameterGroupName: parameterGroupName.optional(),
  Filters: z.array(z.object({ Name: z.string(), Values: z.array(z.string()) })).optional(),
  MaxRecords: z.number().optional(),
  Marker: z.string().optional(),
});

/** DescribeDBParameterGroups: one group by name (DBParameterGroupNotFound if none), or all, paged by name. */
export function describeDBParameterGroupsOperation(backend: ParameterGroupBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeDBParameterGroups$,
    input,
    handle: (request): DBParameterGroupsMessage => {
      // RDS documents Filters here as "not currently supported".
      if (request.Filters?.length)
        throw commonErrors.invalidParameterValue("DescribeDBParameterGroups does not support Filters.");
      const maxRecords = resolveMaxRecords(request.MaxRecords);
      const nameOf = (g: { DBParameterGroupName?: string }) => g.DBParameterGroupName ?? "";
      let groups = backend.describeDBParameterGroups().sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
      const wanted = request.DBParameterGroupName;
      if (wanted !== undefined) {
        groups = groups.filter((g) => nameOf(g) === wanted);
        if (groups.length === 0) throw rdsFault("DBParameterGroupNotFound", `DBParameterGroup not found: ${wanted}`);
      }
      const { page, nextMarker } = paginate(groups, nameOf, { maxRecords, marker: request.Marker });
      return { DBParameterGroups: page, ...(nextMarker === undefined ? {} : { Marker: nextMarker }) };
    },
  });
}
