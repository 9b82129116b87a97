import { CopyDBParameterGroup$, type CopyDBParameterGroupResult } from "@aws-sdk/client-rds";
import { z } from "zod";
import type { ParameterGroupBackend } from "../parameter-group-backend";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import { newParameterGroupName } from "./parameter-group-input";
import { tagList } from "./tag-input";

/** The source by name or by its ARN (`arn:aws:rds:<region>:<account>:pg:<name>`), as RDS takes it. */
const sourceGroup = z
  .string()
  .min(1, "The parameter SourceDBParameterGroupIdentifier must be provided and must not be blank.")
  .transform((s) => (/^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:pg:/.test(s) ? s.slice(s.lastIndexOf(":pg:") + 4) : s))
  .transform((s) => s.toLowerCase());

const input = z.object({
  SourceDBParameterGroupIdentifier: sourceGroup,
  TargetDBParameterGroupIdentifier: newParameterGroupName,
  TargetDBParameterGroupDescription: z.string().min(1).max(255),
  Tags: tagList.optional(),
});

/** CopyDBParameterGroup: a new group with the source's values and the tags given here. */
export function copyDBParameterGroupOperation(backend: ParameterGroupBackend): QueryOperation {
  return defineQueryOperation({
    schema: CopyDBParameterGroup$,
    input,
    handle: (request): CopyDBParameterGroupResult => ({
      DBParameterGroup: backend.copyDBParameterGroup({
        source: request.SourceDBParameterGroupIdentifier,
        name: request.TargetDBParameterGroupIdentifier,
        description: request.TargetDBParameterGroupDescription,
        tags: request.Tags ?? [],
      }),
    }),
  });
}
