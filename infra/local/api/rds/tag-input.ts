/**
 * Tags as RDS accepts them on the way in (User Guide, "Tagging Amazon RDS
 * resources"; API Reference, Tag): a key of 1–128 Unicode characters that
 * does not start with `aws:` or `rds:`, a value of 0–256, both only Unicode
 * letters, digits, white space and `_ . : / = + - @`. A refusal names the tag
 * (by its parameter, Tags.Tag.N.Key, and its text). How many a resource may
 * hold depends on what it has, so the engine checks that.
 */
import { z } from "zod";

const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const ALLOWED = "Unicode letters, digits, white space and _ . : / = + - @";

/** RDS counts Unicode characters (code points), not the UTF-16 units of String.length. */
const length = (s: string) => [...s].length;
const quoted = (s: string) => JSON.stringify(length(s) > 40 ? `${[...s].slice(0, 40).join("")}…` : s);

function keyProblem(key: string): string | undefined {
  if (length(key) === 0) return "a tag key must not be empty";
  if (length(key) > 128) return `the tag key ${quoted(key)} has ${length(key)} characters; at most 128`;
  const reserved = /^(aws|rds):/i.exec(key)?.[0];
  if (reserved) return `the tag key ${quoted(key)} starts with ${reserved}, which AWS reserves`;
  if (!TAG_TEXT.test(key)) return `the tag key ${quoted(key)} may contain only ${ALLOWED}`;
  return undefined;
}

function valueProblem(value: string): string | undefined {
  if (length(value) > 256) return `the tag value ${quoted(value)} has ${length(value)} characters; at most 256`;
  if (!TAG_TEXT.test(value)) return `the tag value ${quoted(value)} may contain only ${ALLOWED}`;
  return undefined;
}

const checked = (problem: (s: string) => string | undefined) =>
  z.string().superRefine((s, ctx) => {
    const message = problem(s);
    if (message) ctx.addIssue({ code: "custom", message });
  });

/** Tags.Tag.N: an absent Value is the empty one, as ListTagsForResource then shows it. */
export const tagList = z
  .array(z.object({ Key: checked(keyProblem), Value: checked(valueProblem).optional() }))
  .transform((tags) => tags.map((t) => ({ Key: t.Key, Value: t.Value ?? "" })));

/** RemoveTagsFromResource's TagKeys.member.N: keys it does not have are no error (as RDS), an empty one is. */
export const tagKeyList = z
  .array(z.string().min(1, "a tag key must not be empty"))
  .min(1, "name at least one tag key to remove");
