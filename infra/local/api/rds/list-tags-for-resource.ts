import { ListTagsForResource$, type TagListMessage } from "@aws-sdk/client-rds";
import { z } from "zod";
import { commonErrors } from "../common-errors";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { taggableResourceName } from "./rds-arn";

const input = z.object({
  ResourceName: taggableResourceName,
  // The API Reference: "This parameter isn't currently supported." An empty list is harmless.
  Filters: z.array(z.unknown()).optional(),
});

/** ListTagsForResource: the resource's tags in the order they were first added. */
export function listTagsForResourceOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: ListTagsForResource$,
    input,
    handle: (request): TagListMessage => {
      if (request.Filters?.length) {
        throw commonErrors.invalidParameterValue("Filters is not supported by ListTagsForResource.");
      }
      return { TagList: backend.listTagsForResource({ resource: request.ResourceName }) };
    },
  });
}
