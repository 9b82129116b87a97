/** How the engine merges, removes and counts a resource's tags (the rules RDS documents). */
import { describe, expect, test } from "vitest";
import { EngineFault } from "./fleet-ops";
import { assertTagCount, MAX_TAGS_PER_RESOURCE, newResourceTags, withoutTags, withTags } from "./tags";

const tag = (Key: string, Value = "") => ({ Key, Value });

describe("tags", () => {
  test("withTags: a key it has keeps its place with the new value; new keys go last; the same key twice, the last", () => {
    const existing = [tag("Name", "a"), tag("team", "db")];
    expect(withTags(existing, [tag("new", "1"), tag("Name", "b"), tag("new", "2")])).toEqual([
      tag("Name", "b"),
      tag("team", "db"),
      tag("new", "2"),
    ]);
    expect(existing).toEqual([tag("Name", "a"), tag("team", "db")]);
  });

  test("keys are compared exactly: Team and team are two tags", () => {
    expect(withTags([tag("team", "a")], [tag("Team", "b")])).toHaveLength(2);
  });

  test("withoutTags: keys it does not have are no error", () => {
    expect(withoutTags([tag("a"), tag("b")], ["b", "c"])).toEqual([tag("a")]);
  });

  test(`at most ${MAX_TAGS_PER_RESOURCE} a resource, refused naming it`, () => {
    const fifty = Array.from({ length: 50 }, (_, i) => tag(`k${i}`));
    expect(() => assertTagCount(fifty, "DB instance a")).not.toThrow();
    const refusal = (() => {
      try {
        assertTagCount([...fifty, tag("one-more")], "DB instance a");
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(EngineFault);
    expect(refusal).toMatchObject({
      code: "InvalidParameterValue",
      message: "Cannot have more than 50 tags on DB instance a: it would have 51.",
    });
  });

  test("newResourceTags: fifty-one entries of one key are one tag, and the result shares nothing with the request", () => {
    const requested = Array.from({ length: 51 }, (_, i) => tag("k", String(i)));
    const tags = newResourceTags(requested, "DB snapshot s");
    expect(tags).toEqual([tag("k", "50")]);
    tags[0]!.Value = "changed";
    expect(requested[50]!.Value).toBe("50");
  });
});
