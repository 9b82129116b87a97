import { describe, expect, it } from "vitest";
import {
  assignParameterGroupForm,
  createParameterGroupForm,
  deleteParameterGroupForm,
  modifyParameterForm,
  resetParameterForm,
} from "./parameter-group-forms";
import type { DbParameter } from "./parameter-group-model";
import { filterParameters, parameterListQuery } from "./parameter-list-query";

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("creating a parameter group", () => {
  it("accepts RDS's names, stored in lowercase", () => {
    expect(
      createParameterGroupForm.parse({ name: "App-Tuning", family: "postgres17", description: " tuned " }),
    ).toEqual({
      name: "app-tuning",
      family: "postgres17",
      description: "tuned",
    });
  });

  it.each([
    [{ name: "1st", family: "postgres17", description: "x" }, "name"],
    [{ name: "a--b", family: "postgres17", description: "x" }, "name"],
    [{ name: "ends-", family: "postgres17", description: "x" }, "name"],
    [{ name: "default.postgres17", family: "postgres17", description: "x" }, "name"],
    [{ name: "a".repeat(256), family: "postgres17", description: "x" }, "name"],
    [{ name: "ok", family: "mysql8.0", description: "x" }, "family"],
    [{ name: "ok", family: "postgres17", description: "  " }, "description"],
    [{ family: "postgres17", description: "x" }, "name"],
  ])("refuses %o naming %s", (fields, field) => {
    const problems = messages(createParameterGroupForm.safeParse(fields));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.startsWith(`${field}: `)).toBe(true);
  });
});

describe("modifying a parameter", () => {
  const valid = { group: "app-tuning", parameter: "work_mem", value: "8192", applyMethod: "immediate" };

  it("accepts a parameter, a value and an apply method", () => {
    expect(modifyParameterForm.parse(valid)).toEqual(valid);
    expect(modifyParameterForm.parse({ ...valid, group: "default.postgres17" }).group).toBe("default.postgres17");
  });

  it.each([
    [{ ...valid, value: "" }, "value: expected a value"],
    [{ ...valid, value: "1\nport = 1" }, "value: a value cannot contain line breaks or control characters"],
    [{ ...valid, parameter: "work mem" }, "parameter: not a parameter name"],
    [{ ...valid, parameter: "" }, "parameter: expected a parameter name"],
    [{ ...valid, applyMethod: "later" }, "applyMethod: expected immediate or pending-reboot"],
    [{ ...valid, group: "../etc" }, "group: not a parameter group name"],
  ])("refuses %o", (fields, message) => {
    expect(messages(modifyParameterForm.safeParse(fields))[0]).toBe(message);
  });

  it("a reset names the parameter and the apply method", () => {
    expect(resetParameterForm.safeParse({ group: "g", parameter: "work_mem" }).success).toBe(false);
    expect(resetParameterForm.parse({ group: "g", parameter: "work_mem", applyMethod: "pending-reboot" })).toEqual({
      group: "g",
      parameter: "work_mem",
      applyMethod: "pending-reboot",
    });
  });
});

describe("instances and deletion", () => {
  it("switching an instance's group needs an instance identifier and a group", () => {
    expect(assignParameterGroupForm.parse({ instance: "App-1", group: "tuned" })).toEqual({
      instance: "app-1",
      group: "tuned",
    });
    expect(messages(assignParameterGroupForm.safeParse({ instance: "", group: "tuned" }))[0]).toMatch(/^instance: /);
  });

  it("deleting a group needs its name typed again", () => {
    expect(deleteParameterGroupForm.safeParse({ group: "tuned", confirmation: "tuned" }).success).toBe(true);
    expect(messages(deleteParameterGroupForm.safeParse({ group: "tuned", confirmation: "other" }))).toEqual([
      "confirmation: The confirmation does not match the parameter group name",
    ]);
  });
});

describe("the parameter list's filters", () => {
  const parameters = [
    {
      name: "work_mem",
      source: "user",
      applyType: "dynamic",
      dataType: "integer",
      isModifiable: true,
      description: "memory",
    },
    {
      name: "port",
      source: "system",
      applyType: "static",
      dataType: "integer",
      isModifiable: false,
      description: "TCP port",
    },
  ] as const satisfies DbParameter[];

  it("filters by part of a name or description, Source and modifiability", () => {
    const names = (q: Record<string, string>) =>
      filterParameters([...parameters], parameterListQuery.parse(q)).map((p) => p.name);
    expect(names({ filter: "MEM" })).toEqual(["work_mem"]);
    expect(names({ filter: "tcp" })).toEqual(["port"]);
    expect(names({ source: "system" })).toEqual(["port"]);
    expect(names({ modifiable: "yes" })).toEqual(["work_mem"]);
    expect(names({ source: "" })).toEqual(["work_mem", "port"]);
  });

  it.each([
    [{ source: "admin" }, "source: expected user, system or engine-default"],
    [{ filter: "x".repeat(101) }, "filter: a filter has at most 100 characters"],
  ])("refuses %o", (query, message) => {
    expect(messages(parameterListQuery.safeParse(query))[0]).toBe(message);
  });
});
