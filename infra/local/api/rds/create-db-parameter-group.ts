import { CreateDBParameterGroup$, type CreateDBParameterGroupResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import type { ParameterGroupBackend } from "../parameter-group-backend";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import { newParameterGroupName } from "./parameter-group-input";
import { tagList } from "./tag-input";

const input = z.object({
  DBParameterGroupName: newParameterGroupName,
  DBParameterGroupFamily: z.string().min(1),
  Description: z.string().min(1).max(255),
  Tags: tagList.optional(),
});

/** CreateDBParameterGroup: an empty group of the fleet's family (every parameter at its default), tagged as asked. */
export function createDBParameterGroupOperation(backend: ParameterGroupBackend): QueryOperation {
  return defineQueryOperation({
    schema: CreateDBParameterGroup$,
    input,
    handle: (request): CreateDBParameterGroupResult => ({
      DBParameterGroup: backend.createDBParameterGroup({
        name: request.DBParameterGroupName,
        family: request.DBParameterGroupFamily,
        description: request.Description,
        tags: request.Tags ?? [],
      }),
    }),
  });
}
