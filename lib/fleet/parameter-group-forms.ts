/**
 * What the parameter group forms must carry, checked on the server whatever
 * the browser allowed: names as RDS accepts them, values without line breaks;
 * whether a value fits the parameter's AllowedValues is RDS's to say (it
 * names the parameter and what it allows).
 */
import { z } from "zod";
import { withTypedConfirmation } from "@/lib/actions/typed-confirmation";
import { instanceIdentifier } from "./instance-identifier";

/** CreateDBParameterGroup's rule: a letter first, letters, digits and single hyphens, no hyphen last. */
export const newParameterGroupName = z
  .string({ error: "expected a parameter group name" })
  .trim()
  .min(1, "expected a parameter group name")
  .max(255, "a parameter group name has at most 255 characters")
  .regex(
    /^[A-Za-z][A-Za-z0-9-]*$/,
    "a parameter group name starts with a letter and has only letters, digits and hyphens",
  )
  .refine((s) => !s.endsWith("-") && !s.includes("--"), "a parameter group name has no trailing or double hyphen")
  .transform((s) => s.toLowerCase());

/** An existing group: the default ones have a dot (default.postgres17). */
export const parameterGroupName = z
  .string({ error: "expected a parameter group name" })
  .trim()
  .min(1, "expected a parameter group name")
  .max(255, "a parameter group name has at most 255 characters")
  .regex(/^[A-Za-z][A-Za-z0-9.-]*$/, "not a parameter group name")
  .transform((s) => s.toLowerCase());

const parameterName = z
  .string({ error: "expected a parameter name" })
  .trim()
  .min(1, "expected a parameter name")
  .max(255, "a parameter name has at most 255 characters")
  .regex(/^[A-Za-z_][A-Za-z0-9_.]*$/, "not a parameter name");

const applyMethod = z.enum(["immediate", "pending-reboot"], { error: "expected immediate or pending-reboot" });

export const createParameterGroupForm = z.object({
  name: newParameterGroupName,
  family: z
    .string()
    .trim()
    .regex(/^postgres\d+$/, "expected a postgres family, such as postgres17"),
  description: z.string().trim().min(1, "expected a description").max(255, "a description has at most 255 characters"),
});

export const modifyParameterForm = z.object({
  group: parameterGroupName,
  parameter: parameterName,
  value: z
    .string({ error: "expected a value" })
    .min(1, "expected a value")
    .max(4096, "a value has at most 4096 characters")
    .refine(
      (v) => ![...v].some((c) => c.charCodeAt(0) < 0x20),
      "a value cannot contain line breaks or control characters",
    ),
  applyMethod,
});

export const resetParameterForm = z.object({ group: parameterGroupName, parameter: parameterName, applyMethod });

export const assignParameterGroupForm = z.object({ instance: instanceIdentifier, group: parameterGroupName });

/** A deleted group is gone with its values: its name typed again. */
export const deleteParameterGroupForm = withTypedConfirmation(
  "group",
  { group: parameterGroupName },
  { what: "the parameter group name", action: "deletion" },
);
