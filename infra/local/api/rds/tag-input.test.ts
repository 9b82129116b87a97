/**
 * What the tagging calls accept, before any resource is looked at: RDS's
 * rules for keys and values, its ARN forms, and refusals that name the tag.
 */
import { describe, expect, test } from "vitest";
import { taggableResourceName } from "./rds-arn";
import { tagKeyList, tagList } from "./tag-input";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.success ? undefined : result.error?.issues[0]?.message;

describe("tagList", () => {
  test("keeps keys and values as sent, an absent Value as the empty one, duplicates for the engine to settle", () => {
    expect(
      tagList.parse([
        { Key: "team", Value: "db" },
        { Key: "Kostenstelle", Value: "Ärger: 42/7 + x@y = z_1.2-3" },
        { Key: "flag" },
        { Key: "team", Value: "platform" },
      ]),
    ).toEqual([
      { Key: "team", Value: "db" },
      { Key: "Kostenstelle", Value: "Ärger: 42/7 + x@y = z_1.2-3" },
      { Key: "flag", Value: "" },
      { Key: "team", Value: "platform" },
    ]);
  });

  test("lengths count Unicode characters: 128 four-byte characters make a valid key", () => {
    const key = "𝔸".repeat(128);
    expect(key.length).toBe(256);
    expect(tagList.safeParse([{ Key: key, Value: "x" }]).success).toBe(true);
  });

  test.each([
    ["an empty key", { Key: "", Value: "x" }, "a tag key must not be empty"],
    ["a key of 129 characters", { Key: "k".repeat(129), Value: "x" }, "has 129 characters; at most 128"],
    ["a key starting with aws:", { Key: "aws:cost", Value: "x" }, 'the tag key "aws:cost" starts with aws:'],
    ["a key starting with rds: in capitals", { Key: "RDS:x", Value: "x" }, "starts with RDS:"],
    ["a key with a character RDS does not allow", { Key: "a*b", Value: "x" }, 'the tag key "a*b" may contain only'],
    ["a value of 257 characters", { Key: "k", Value: "v".repeat(257) }, "has 257 characters; at most 256"],
    ["a value with a newline", { Key: "k", Value: "two\nlines" }, "the tag value"],
  ])("refuses %s, naming it", (_, tag, message) => {
    expect(firstMessage(tagList.safeParse([tag]))).toContain(message);
  });

  test("a long key is quoted shortened, not in full", () => {
    expect(firstMessage(tagList.safeParse([{ Key: "k".repeat(500), Value: "" }]))).toMatch(/"k{40}…" has 500/);
  });

  test("a value may start with aws: (only keys are reserved) and may be empty", () => {
    expect(
      tagList.safeParse([
        { Key: "source", Value: "aws:cloudformation" },
        { Key: "e", Value: "" },
      ]).success,
    ).toBe(true);
  });
});

describe("tagKeyList", () => {
  test("at least one key, none empty", () => {
    expect(tagKeyList.parse(["team", "not-there"])).toEqual(["team", "not-there"]);
    expect(firstMessage(tagKeyList.safeParse([]))).toContain("at least one tag key");
    expect(firstMessage(tagKeyList.safeParse([""]))).toContain("must not be empty");
  });
});

describe("taggableResourceName", () => {
  test.each([
    [
      "arn:aws:rds:us-east-1:000000000000:db:Production-MyApp",
      { type: "db", id: "production-myapp", arn: "arn:aws:rds:us-east-1:000000000000:db:production-myapp" },
    ],
    [
      "arn:aws:rds:us-east-1:000000000000:snapshot:rds:production-myapp-2026-12-06-03-00",
      {
        type: "snapshot",
        id: "rds:production-myapp-2026-12-06-03-00",
        arn: "arn:aws:rds:us-east-1:000000000000:snapshot:rds:production-myapp-2026-12-06-03-00",
      },
    ],
    [
      "arn:aws-cn:rds:cn-north-1:123456789012:snapshot:s1",
      { type: "snapshot", id: "s1", arn: "arn:aws-cn:rds:cn-north-1:123456789012:snapshot:s1" },
    ],
    [
      "arn:aws:rds:us-east-1:000000000000:pg:Replica-Tuning",
      { type: "pg", id: "replica-tuning", arn: "arn:aws:rds:us-east-1:000000000000:pg:replica-tuning" },
    ],
  ])("%s", (name, resource) => {
    expect(taggableResourceName.parse(name)).toEqual(resource);
  });

  test.each([
    ["a bare identifier", "production-myapp", "is not an RDS ARN"],
    ["another service's ARN", "arn:aws:ec2:us-east-1:000000000000:instance/i-1", "is not an RDS ARN"],
    ["an account that is not 12 digits", "arn:aws:rds:us-east-1:0:db:x", "is not an RDS ARN"],
    ["no identifier", "arn:aws:rds:us-east-1:000000000000:db:", "is not an RDS ARN"],
    ["an option group", "arn:aws:rds:us-east-1:000000000000:og:default", "has no og resources"],
  ])("refuses %s", (_, name, message) => {
    expect(firstMessage(taggableResourceName.safeParse(name))).toContain(message);
  });
});
