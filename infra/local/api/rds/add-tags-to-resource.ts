import { AddTagsToResource$ } from "@aws-sdk/client-rds";
import { z } from "zod";
import { defineQueryOperation, type QueryOperation } from "../query/query-operation";
import type { RdsBackend } from "../rds-backend";
import { taggableResourceName } from "./rds-arn";
import { tagList } from "./tag-input";

const input = z.object({ ResourceName: taggableResourceName, Tags: tagList });

/** AddTagsToResource: a key the resource has already gets the new value; the answer is empty. */
export function addTagsToResourceOperation(backend: RdsBackend): QueryOperation {
  return defineQueryOperation({
    schema: AddTagsToResource$,
    input,
    handle: (request): Record<string, never> => {
      backend.addTagsToResource({ resource: request.ResourceName, tags: request.Tags });
      return {};
    },
  });
}
