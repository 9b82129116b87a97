/** The fleet actions' forms, fed whatever a forged request may post. */
import fc from "fast-check";
import { expect, test } from "vitest";
import type { z } from "zod";
import { anyText, expectIssuesNameFields, formFields, padded } from "@/test-support/form-arbitraries";
import { checkProperty } from "@/test-support/fuzz";
import {
  createReplicaForm,
  createSnapshotForm,
  deleteInstanceForm,
  deleteSnapshotForm,
  failoverForm,
  promoteForm,
  rebootForm,
  restoreSnapshotForm,
  startForm,
  stopForm,
} from "./action-forms";

const identifier = padded(fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,70}$/));
const snapshot = padded(
  fc.oneof(fc.stringMatching(/^(rds:)?[A-Za-z][A-Za-z0-9-]{0,30}$/), fc.constant("x".repeat(256))),
);

// Each form with the fields it declares (the refinement's fields included).
const forms: Array<[string, z.ZodType, string[]]> = [
  ["reboot", rebootForm, ["identifier"]],
  ["failover", failoverForm, ["identifier", "confirmation"]],
  ["create replica", createReplicaForm, ["identifier", "replica"]],
  ["promote", promoteForm, ["identifier", "confirmation"]],
  ["delete instance", deleteInstanceForm, ["identifier", "confirmation", "skipFinalSnapshot", "finalSnapshot"]],
  ["create snapshot", createSnapshotForm, ["identifier", "snapshot"]],
  ["restore snapshot", restoreSnapshotForm, ["snapshot", "instance"]],
  ["delete snapshot", deleteSnapshotForm, ["snapshot", "confirmation"]],
  ["stop", stopForm, ["identifier", "confirmation", "snapshot"]],
  ["start", startForm, ["identifier"]],
];

const fields = formFields({
  identifier,
  instance: identifier,
  replica: identifier,
  snapshot,
  finalSnapshot: fc.oneof(snapshot, fc.constant("")),
  skipFinalSnapshot: fc.constantFrom("on", "off", ""),
  confirmation: fc.oneof(identifier, snapshot),
});

test("fleet actions: never throw; refuse naming a field; accepted identifiers are RDS-shaped and lowercase", async () => {
  await checkProperty(
    "form: fleet actions",
    fc.property(fc.constantFrom(...forms), fields, ([, form, names], posted) => {
      const parsed = form.safeParse(posted);
      if (!parsed.success) return expectIssuesNameFields(parsed.error, names);
      for (const [name, value] of Object.entries(parsed.data as Record<string, unknown>)) {
        if (name === "confirmation" || name === "skipFinalSnapshot" || value === undefined) continue;
        expect(value, name).toMatch(/^(rds:)?[a-z][a-z0-9-]*$/);
      }
    }),
  );
});

test("typed confirmation: no string but the identifier itself, trimmed, confirms", async () => {
  const confirmed = [failoverForm, promoteForm, stopForm];
  await checkProperty(
    "form: typed confirmation",
    fc.property(fc.constantFrom(...confirmed), fc.oneof(anyText, padded(fc.constant("app-1"))), (form, typed) => {
      const parsed = form.safeParse({ identifier: "app-1", confirmation: typed });
      expect(parsed.success).toBe(typed.trim() === "app-1");
      if (!parsed.success) expectIssuesNameFields(parsed.error, ["confirmation"]);
    }),
  );
});
