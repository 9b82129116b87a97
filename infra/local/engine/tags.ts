/**
 * RDS tags as the engine keeps them on instances, snapshots and retained
 * backups: key/value pairs, at most 50 a resource, a key given again
 * overwriting its value (RDS User Guide, "Tagging Amazon RDS resources").
 * Each tag's own rules (lengths, prefixes, characters) are the API's to check
 * on the way in (api/rds/tag-input.ts); the count depends on what the
 * resource already has, so it is checked here.
 */
import { z } from "zod";
import { EngineFault } from "./fleet-ops";

export const tagSchema = z.object({ Key: z.string(), Value: z.string() });

export type Tag = z.infer<typeof tagSchema>;

export const MAX_TAGS_PER_RESOURCE = 50;

/** `existing` with `added` applied in order: a key already there gets the new value in its place; new keys go last. */
export function withTags(existing: readonly Tag[], added: readonly Tag[]): Tag[] {
  const result = existing.map((t) => ({ ...t }));
  for (const tag of added) {
    const same = result.find((t) => t.Key === tag.Key);
    if (same) same.Value = tag.Value;
    else result.push({ ...tag });
  }
  return result;
}

/** `existing` without the tags of these keys; a key it does not have is no error (as RDS). */
export const withoutTags = (existing: readonly Tag[], keys: readonly string[]): Tag[] =>
  existing.filter((t) => !keys.includes(t.Key)).map((t) => ({ ...t }));

/** Refuses a tag set larger than RDS allows on one resource, naming the resource. */
export function assertTagCount(tags: readonly Tag[], resource: string): void {
  if (tags.length > MAX_TAGS_PER_RESOURCE) {
    throw new EngineFault(
      "InvalidParameterValue",
      `Cannot have more than ${MAX_TAGS_PER_RESOURCE} tags on ${resource}: it would have ${tags.length}.`,
    );
  }
}

/** The tags a request names for a new resource (the same key twice: the last value), within the limit. */
export function newResourceTags(requested: readonly Tag[], resource: string): Tag[] {
  const tags = withTags([], requested);
  assertTagCount(tags, resource);
  return tags;
}
