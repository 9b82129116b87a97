/** The tag forms of the instance page: RDS's rules checked before anything is sent, each refusal naming its field. */
import { describe, expect, it } from "vitest";
import { addTagForm, removeTagForm } from "./action-forms";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("addTagForm", () => {
  it("takes a key (spaces around it dropped), a value as typed, and an absent value as the empty one", () => {
    expect(addTagForm.parse({ identifier: "Production-MyApp", key: " team ", value: " data platform " })).toEqual({
      identifier: "production-myapp",
      key: "team",
      value: " data platform ",
    });
    expect(addTagForm.parse({ identifier: "a", key: "flag" })).toEqual({ identifier: "a", key: "flag", value: "" });
  });

  it("counts Unicode characters as RDS does: 128 astral characters are one key", () => {
    expect(addTagForm.safeParse({ identifier: "a", key: "𝔸".repeat(128), value: "" }).success).toBe(true);
  });

  it.each([
    [{ key: "" }, "key: Tag key: must not be empty"],
    [{ key: "   " }, "key: Tag key: must not be empty"],
    [{ key: "aws:cost" }, "key: Tag key: must not start with aws: or rds: (reserved by AWS)"],
    [{ key: "RDS:x" }, "key: Tag key: must not start with aws: or rds: (reserved by AWS)"],
    [{ key: "k".repeat(129) }, "key: Tag key: at most 128 characters"],
    [{ key: "a*b" }, "key: Tag key: only letters, digits, spaces and _ . : / = + - @"],
    [{ key: "k", value: "v".repeat(257) }, "value: Tag value: at most 256 characters"],
    [{ key: "k", value: "a\nb" }, "value: Tag value: only letters, digits, spaces and _ . : / = + - @"],
    [{ value: "x" }, "key: Tag key: required"],
  ])("refuses %o, naming the field", (fields, message) => {
    expect(messages(addTagForm.safeParse({ identifier: "production-myapp", ...fields }))).toEqual([message]);
  });
});

describe("removeTagForm", () => {
  it("takes the key as the instance has it, whatever RDS's rules for new keys", () => {
    expect(removeTagForm.parse({ identifier: "a", key: "Name" })).toEqual({ identifier: "a", key: "Name" });
  });

  it("refuses a missing key", () => {
    expect(messages(removeTagForm.safeParse({ identifier: "a" }))).toEqual(["key: Tag key: required"]);
  });
});
