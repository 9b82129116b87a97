/**
 * AddTagsToResource, ListTagsForResource and RemoveTagsFromResource: the tags
 * of an instance, a snapshot (manual or automated) or a DB parameter group,
 * named by its ARN, kept with its record (fleet-state.json, snapshot.json,
 * parameter-groups.json) so they outlive a restart.
 */
import { instanceArn } from "./db-instance-arn";
import { EngineFault, type FleetOps } from "./fleet-ops";
import { assertTagCount, type Tag, withoutTags, withTags } from "./tags";

/** An RDS ARN the API has already taken apart: `arn` as the engine writes its own (identifier in lowercase). */
export type TaggedResource = { type: "db" | "snapshot" | "pg"; id: string; arn: string };

type Holder = { name: string; tags: Tag[]; save(tags: Tag[]): void };

/** The resource the ARN names, or RDS's not-found fault (an ARN of another region or account names none here). */
function holderOf(ops: FleetOps, resource: TaggedResource): Holder {
  if (resource.type === "db") {
    const instance = ops.state.instances.find((i) => instanceArn(ops.fleet, "db-instance", i.id) === resource.arn);
    if (!instance) throw new EngineFault("DBInstanceNotFound", `DBInstance ${resource.id} not found.`);
    return {
      name: `DB instance ${instance.id}`,
      tags: instance.tags,
      save: (tags) => {
        instance.tags = tags;
        ops.saveState();
      },
    };
  }
  if (resource.type === "pg") return parameterGroupHolder(ops, resource);
  const snapshot = ops.snapshots.all().find((s) => s.arn === resource.arn);
  if (!snapshot) throw new EngineFault("DBSnapshotNotFound", `DBSnapshot ${resource.id} not found.`);
  return {
    name: `DB snapshot ${snapshot.id}`,
    tags: snapshot.tags,
    save: (tags) => {
      snapshot.tags = tags;
      ops.snapshots.save(snapshot);
    },
  };
}

export function listTags(ops: FleetOps, resource: TaggedResource): Tag[] {
  return holderOf(ops, resource).tags.map((t) => ({ ...t }));
}

/** Adds or overwrites, all or nothing: a set that would pass the limit changes nothing. */
export function addTags(ops: FleetOps, resource: TaggedResource, tags: readonly Tag[]): void {
  const holder = holderOf(ops, resource);
  const next = withTags(holder.tags, tags);
  assertTagCount(next, holder.name);
  holder.save(next);
}

export function removeTags(ops: FleetOps, resource: TaggedResource, keys: readonly string[]): void {
  const holder = holderOf(ops, resource);
  holder.save(withoutTags(holder.tags, keys));
}

function parameterGroupHolder(ops: FleetOps, resource: TaggedResource): Holder {
  const groups = ops.parameterGroups;
  const group = groups.store.all().find((g) => instanceArn(ops.fleet, "db-parameter-group", g.name) === resource.arn);
  if (!group && groups.isDefault(resource.id)) {
    throw new EngineFault(
      "InvalidParameterValue",
      `The local fleet keeps no tags on the default DB parameter group ${resource.id}: tag a DB parameter group of your own.`,
    );
  }
  if (!group) throw new EngineFault("DBParameterGroupNotFound", `DBParameterGroup not found: ${resource.id}`);
  return {
    name: `DB parameter group ${group.name}`,
    tags: group.tags,
    save: (tags) => {
      group.tags = tags;
      groups.store.save(group);
    },
  };
}
