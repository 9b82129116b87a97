import { type DBParameterGroupDetails, DescribeDBParameters$ } from "@aws-sdk/client-rds";
import { z } from "zod";
import { commonErrors } from "../common-errors";
import type { ParameterGroupBackend } from "../parameter-group-backend";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import { paginate, resolveMaxRecords } from "./paging";
import { parameterGroupName } from "./parameter-group-input";

const input = z.object({
  DBParameterGroupName: parameterGroupName,
  Source: z.enum(["user", "system", "engine-default"]).optional(),
  Filters: z.array(z.object({ Name: z.string(), Values: z.array(z.string()) })).optional(),
  MaxRecords: z.number().optional(),
  Marker: z.string().optional(),
});

/** DescribeDBParameters: a group's parameters by name, optionally only those of one Source, paged. */
export function describeDBParametersOperation(backend: ParameterGroupBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeDBParameters$,
    input,
    handle: async (request): Promise<DBParameterGroupDetails> => {
      if (request.Filters?.length)
        throw commonErrors.invalidParameterValue("DescribeDBParameters does not support Filters.");
      const maxRecords = resolveMaxRecords(request.MaxRecords);
      const all = await backend.describeDBParameters({ name: request.DBParameterGroupName });
      const matching = all.filter((p) => request.Source === undefined || p.Source === request.Source);
      const { page, nextMarker } = paginate(matching, (p) => p.ParameterName ?? "", {
        maxRecords,
        marker: request.Marker,
      });
      return { Parameters: page, ...(nextMarker === undefined ? {} : { Marker: nextMarker }) };
    },
  });
}
