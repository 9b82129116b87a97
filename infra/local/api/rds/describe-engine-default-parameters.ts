import { DescribeEngineDefaultParameters$, type DescribeEngineDefaultParametersResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import { commonErrors } from "../common-errors";
import type { ParameterGroupBackend } from "../parameter-group-backend";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import { paginate, resolveMaxRecords } from "./paging";

const input = z.object({
  DBParameterGroupFamily: z.string().min(1),
  Filters: z.array(z.object({ Name: z.string(), Values: z.array(z.string()) })).optional(),
  MaxRecords: z.number().optional(),
  Marker: z.string().optional(),
});

/** DescribeEngineDefaultParameters: the parameters of the fleet's family as a new group has them, paged. */
export function describeEngineDefaultParametersOperation(backend: ParameterGroupBackend): QueryOperation {
  return defineQueryOperation({
    schema: DescribeEngineDefaultParameters$,
    input,
    handle: async (request): Promise<DescribeEngineDefaultParametersResult> => {
      if (request.Filters?.length) {
        throw commonErrors.invalidParameterValue("DescribeEngineDefaultParameters does not support Filters.");
      }
      const maxRecords = resolveMaxRecords(request.MaxRecords);
      const all = await backend.describeEngineDefaultParameters({ family: request.DBParameterGroupFamily });
      const { page, nextMarker } = paginate(all, (p) => p.ParameterName ?? "", { maxRecords, marker: request.Marker });
      return {
        EngineDefaults: {
          DBParameterGroupFamily: request.DBParameterGroupFamily,
          Parameters: page,
          ...(nextMarker === undefined ? {} : { Marker: nextMarker }),
        },
      };
    },
  });
}
