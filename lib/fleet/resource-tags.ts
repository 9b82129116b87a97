import "server-only";
import {
  AddTagsToResourceCommand,
  ListTagsForResourceCommand,
  type RDSClient,
  RemoveTagsFromResourceCommand,
} from "@aws-sdk/client-rds";
import { callRds } from "./call-rds";
import { getRdsClient } from "./rds-client";

/**
 * The tags of an RDS resource (a DB instance or snapshot), named by its ARN
 * as DescribeDBInstances / DescribeDBSnapshots report it. Throws NotFound for
 * a resource RDS does not have, Invalid for a tag RDS refuses (its message
 * says which), Unavailable when RDS cannot be asked.
 */
export type ResourceTag = { key: string; value: string };

/** Refusals name the instance when the ARN is one ("…:db:<id>"), as the other fleet calls do. */
const contextOf = (operation: string, resource: string) => ({
  operation,
  identifier: /:db:([^:]+)$/.exec(resource)?.[1],
});

export async function listTags({
  resource,
  client = getRdsClient(),
}: {
  resource: string;
  client?: RDSClient;
}): Promise<ResourceTag[]> {
  const output = await callRds(contextOf("ListTagsForResource", resource), () =>
    client.send(new ListTagsForResourceCommand({ ResourceName: resource })),
  );
  return (output.TagList ?? []).map((t) => ({ key: t.Key ?? "", value: t.Value ?? "" }));
}

/** A key the resource already has gets the new value. */
export async function addTags({
  resource,
  tags,
  client = getRdsClient(),
}: {
  resource: string;
  tags: ResourceTag[];
  client?: RDSClient;
}): Promise<void> {
  await callRds(contextOf("AddTagsToResource", resource), () =>
    client.send(
      new AddTagsToResourceCommand({ ResourceName: resource, Tags: tags.map((t) => ({ Key: t.key, Value: t.value })) }),
    ),
  );
}

/** Keys the resource does not have are no error. */
export async function removeTags({
  resource,
  keys,
  client = getRdsClient(),
}: {
  resource: string;
  keys: string[];
  client?: RDSClient;
}): Promise<void> {
  await callRds(contextOf("RemoveTagsFromResource", resource), () =>
    client.send(new RemoveTagsFromResourceCommand({ ResourceName: resource, TagKeys: keys })),
  );
}
