import { RemoveTagsFromResource$ } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { taggableResourceName } from "./rds-arn";
import { tagKeyList } from "./tag-input";

const input = z.object({ ResourceName: taggableResourceName, TagKeys: tagKeyList });

/** RemoveTagsFromResource: keys the resource does not have are no error; the answer is empty. */
export function removeTagsFromResourceOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: RemoveTagsFromResource$,
    input,
    handle: (request): Record<string, never> => {
      backend.removeTagsFromResource({ resource: request.ResourceName, keys: request.TagKeys });
      return {};
    },
  });
}
