/** The parameter group forms and the group page's query, fed whatever a forged request may post. */
import fc from "fast-check";
import { expect, test } from "vitest";
import type { z } from "zod";
import { anyText, expectIssuesNameFields, formFields, padded } from "@/test-support/form-arbitraries";
import { checkProperty } from "@/test-support/fuzz";
import {
  assignParameterGroupForm,
  createParameterGroupForm,
  deleteParameterGroupForm,
  modifyParameterForm,
  resetParameterForm,
} from "./parameter-group-forms";
import { parameterListQuery } from "./parameter-list-query";

const groupName = padded(fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z0-9.-]{0,40}$/), fc.constant("x".repeat(256))));

const forms: Array<[string, z.ZodType, string[]]> = [
  ["create group", createParameterGroupForm, ["name", "family", "description"]],
  ["modify parameter", modifyParameterForm, ["group", "parameter", "value", "applyMethod"]],
  ["reset parameter", resetParameterForm, ["group", "parameter", "applyMethod"]],
  ["assign group", assignParameterGroupForm, ["instance", "group"]],
  ["delete group", deleteParameterGroupForm, ["group", "confirmation"]],
];

const fields = formFields({
  name: groupName,
  group: groupName,
  family: fc.constantFrom("postgres17", "postgres", "mysql8.0", ""),
  description: anyText,
  parameter: padded(fc.stringMatching(/^[a-z_][a-z0-9_.]{0,30}$/)),
  value: anyText,
  applyMethod: fc.constantFrom("immediate", "pending-reboot", "later", ""),
  instance: groupName,
  confirmation: groupName,
});

test("parameter group forms: never throw; refuse naming a field; accepted names are lowercase, values single-line", async () => {
  await checkProperty(
    "form: parameter groups",
    fc.property(fc.constantFrom(...forms), fields, ([, form, names], posted) => {
      const parsed = form.safeParse(posted);
      if (!parsed.success) return expectIssuesNameFields(parsed.error, names);
      const data = parsed.data as Record<string, string>;
      for (const name of ["name", "group", "instance"]) {
        if (data[name] !== undefined) expect(data[name], name).toMatch(/^[a-z][a-z0-9.-]*$/);
      }
      if (data.value !== undefined) expect([...data.value].every((c) => c.charCodeAt(0) >= 0x20)).toBe(true);
    }),
  );
});

test("the group page's query: never throws; a refusal names its parameter", async () => {
  await checkProperty(
    "query: parameter group page",
    fc.property(
      formFields({
        filter: anyText,
        source: fc.constantFrom("user", "system", "engine-default", "", "admin"),
        modifiable: fc.constantFrom("yes", "", "no"),
      }),
      (query) => {
        const parsed = parameterListQuery.safeParse(query);
        if (!parsed.success) expectIssuesNameFields(parsed.error, ["filter", "source", "modifiable"]);
      },
    ),
  );
});
